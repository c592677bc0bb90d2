// Each server process keeps the reference data (current exam session, subjects, places, offering terms) in memory, checked against the database's reference generation.
import { sql } from 'kysely';
import type { Offering } from '../../shared/domain/offering.js';
import type { Subject, SubjectCode, SubjectKind } from '../../shared/domain/subject.js';
import type { Executor } from '../db/database.js';
import { findCurrentExamSession, listCampuses, listOfferings, listSubjects, type CampusWithOralPolicy, type SessionWithAgreement } from './reference-data.js';
import type { PlaceNames } from './registration-state.js';

/**
 * Why a cache, and why it cannot go stale: a candidate request used to spend four to six of its
 * round trips to PostgreSQL re-reading the exam session, the subjects, the school and campus names
 * and the offerings' terms, which change a few times a season (bench/rush.bench.ts, BENCHMARKS.md).
 * Migration 0023 raises `reference_generation` in the same transaction as any change to them, and
 * the session lookup every signed-in request makes reads the generation in the same statement
 * (sessions.ts resolveSession). A request is then served from a snapshot loaded at that generation
 * or later, i.e. one that holds every change committed before the request arrived, whichever process
 * or tool made it. Nothing here expires by time.
 *
 * What is not cached: an offering's `remaining` changes with every seat, so a snapshot's offerings
 * carry the count as it was when loaded, and whoever shows or judges seats reads it afresh (the
 * choice lists and claims read it with the registration, registration-state.ts readState); R7's
 * atomic UPDATE decides in any case.
 */
export interface ReferenceSnapshot {
  readonly generation: number;
  /** The current exam session, null when none is configured. */
  readonly examSession: SessionWithAgreement | null;
  readonly subjects: readonly Subject[];
  readonly catalogue: ReadonlyMap<SubjectCode, Subject>;
  readonly names: PlaceNames;
  readonly campuses: ReadonlyMap<string, CampusWithSchool>;
  /** The current session's offerings by id, in campus then subject order; `remaining` as loaded (see above). */
  readonly offerings: ReadonlyMap<string, Offering>;
}

export type CampusWithSchool = CampusWithOralPolicy & { readonly schoolName: string; readonly schoolNotice: readonly string[] };

/** What services ask of the cache; each request (or job) has its own, which knows what the request may accept. */
export interface ReferenceReader {
  /** The reference data, at least as new as what was committed when the request began. */
  snapshot(db: Executor): Promise<ReferenceSnapshot>;
  /**
   * The reader of one request whose session lookup saw `generation` (null: none, the reader reads it
   * once, on first use).
   */
  forRequest(generation: number | null): ReferenceReader;
}

interface GenerationRow {
  readonly generation: string | number | bigint;
  /** The transaction that last raised the generation, and the current one's id (null when it wrote nothing). */
  readonly writer: string;
  readonly current: string | null;
}

const XID_WRAP = 2n ** 32n;

/**
 * The generation as `db` sees it, and whether `db` is a transaction that raised it itself: then what
 * it reads of the reference data is not committed and may yet roll back, so it must not be kept.
 */
async function readGeneration(db: Executor): Promise<{ generation: number; uncommitted: boolean }> {
  const { rows } = await sql<GenerationRow>`
    SELECT generation, xmin::text AS writer, pg_current_xact_id_if_assigned()::text AS current FROM reference_generation`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('reference_generation has no row: is migration 0023 applied?');
  // xmin is the 32-bit transaction id; the current id is the 64-bit one it wraps from.
  const uncommitted = row.current !== null && BigInt(row.current) % XID_WRAP === BigInt(row.writer);
  return { generation: Number(row.generation), uncommitted };
}

function placeNamesOf(campuses: readonly CampusWithSchool[], schools: readonly { code: string; name: string }[]): PlaceNames {
  const schoolNames = new Map(schools.map((school) => [school.code, school.name]));
  const campusNames = new Map(campuses.map((campus) => [campus.code, campus.name]));
  return {
    school: (code) => ({ code, name: schoolNames.get(code) ?? code }),
    campus: (code) => ({ code, name: campusNames.get(code) ?? code }),
  };
}

/** Everything the snapshot holds, read after the generation: the data is then at least that new. */
async function loadSnapshot(db: Executor, generation: number): Promise<ReferenceSnapshot> {
  const examSession = await findCurrentExamSession(db);
  const subjects = await listSubjects(db);
  const schools = await db.selectFrom('schools').select(['code', 'name', 'notice']).execute();
  const schoolsByCode = new Map(schools.map((school) => [school.code, school]));
  const campuses = (await listCampuses(db)).map((campus): CampusWithSchool => {
    const school = schoolsByCode.get(campus.schoolCode);
    return { ...campus, schoolName: school?.name ?? campus.schoolCode, schoolNotice: school?.notice ?? [] };
  });
  const offerings = examSession === null ? [] : await listOfferings(db, { examSessionId: examSession.id });
  return {
    generation,
    examSession,
    subjects,
    catalogue: new Map(subjects.map((subject) => [subject.code, subject])),
    names: placeNamesOf(campuses, schools),
    campuses: new Map(campuses.map((campus) => [campus.code, campus])),
    offerings: new Map(offerings.map((offering) => [offering.id, offering])),
  };
}

/** One per server process (or per database a test opens): the last snapshot and the load in flight. */
export class ReferenceCache {
  private latest: ReferenceSnapshot | null = null;
  private loading: { readonly db: Executor; readonly snapshot: Promise<ReferenceSnapshot> } | null = null;

  /** A snapshot at `generation` or newer: the kept one if it is new enough, else a fresh load. */
  async atLeast(db: Executor, generation: number): Promise<ReferenceSnapshot> {
    for (;;) {
      const latest = this.latest;
      if (latest !== null && latest.generation >= generation) return latest;
      // A burst of requests after a change waits for one load, but only a load on the same executor:
      // on PGlite's single connection, waiting inside a transaction for a load queued behind that
      // very transaction would never end.
      if (this.loading === null || this.loading.db !== db) return this.load(db);
      await this.loading.snapshot.catch(() => undefined);
    }
  }

  private async load(db: Executor): Promise<ReferenceSnapshot> {
    const snapshot = (async () => {
      const seen = await readGeneration(db);
      const loaded = await loadSnapshot(db, seen.generation);
      if (!seen.uncommitted && (this.latest === null || this.latest.generation <= loaded.generation)) this.latest = loaded;
      return loaded;
    })();
    const loading = { db, snapshot };
    this.loading ??= loading;
    try {
      return await snapshot;
    } finally {
      if (this.loading === loading) this.loading = null;
    }
  }

  /** The current generation read now, then a snapshot at least that new: for callers no session lookup vouches for. */
  async fresh(db: Executor): Promise<ReferenceSnapshot> {
    const { generation, uncommitted } = await readGeneration(db);
    // A transaction that changed the reference data itself sees what nobody else may be served.
    if (uncommitted) return loadSnapshot(db, generation);
    return this.atLeast(db, generation);
  }

  /** For jobs and tools that live long: every read checks the generation again. */
  liveReader(): ReferenceReader {
    return {
      snapshot: (db) => this.fresh(db),
      forRequest: (generation) => this.requestReader(generation),
    };
  }

  /** For one request: trusts the generation its session lookup saw, or reads it once on first use. */
  requestReader(generation: number | null): ReferenceReader {
    let seen = generation;
    return {
      snapshot: async (db) => {
        if (seen !== null) return this.atLeast(db, seen);
        const snapshot = await this.fresh(db);
        seen = snapshot.generation;
        return snapshot;
      },
      forRequest: (next) => this.requestReader(next),
    };
  }
}

/** A new cache's reader for a context that lives long (a server's, a CLI's, a test's). */
export function referenceReader(): ReferenceReader {
  return new ReferenceCache().liveReader();
}

export interface CachedOfferingFilter {
  readonly campusCode?: string;
  readonly kind?: SubjectKind;
}

/** The current session's offerings matching the filter, from the snapshot (terms only; `remaining` as loaded). */
export function offeringsOf(snapshot: ReferenceSnapshot, filter: CachedOfferingFilter = {}): Offering[] {
  return [...snapshot.offerings.values()].filter(
    (offering) =>
      (filter.campusCode === undefined || offering.campusCode === filter.campusCode) &&
      (filter.kind === undefined || snapshot.catalogue.get(offering.subjectCode)?.kind === filter.kind),
  );
}
