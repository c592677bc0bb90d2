// The public reference endpoints' answers: exam session, places with notices, subjects, offerings, and the kiosk's bundle with deltas.
import type { SubjectKind } from '../../shared/domain/subject.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';
import type { ReferenceSnapshot } from './reference-cache.js';
import {
  currentExamSession,
  examSessionWire,
  listOfferings,
  listSubjects,
  offeringWire,
  placeTree,
  referenceVersion,
  type SessionWithAgreement,
} from './reference-data.js';

/**
 * The request's reference snapshot and its current exam session (from the cache, no statement when it
 * is fresh); a service that needs a session refuses when the server has none.
 */
export async function currentSession(ctx: ServiceContext): Promise<{ readonly reference: ReferenceSnapshot; readonly session: SessionWithAgreement }> {
  const reference = await ctx.reference.snapshot(ctx.db);
  return { reference, session: reference.examSession ?? refuseWith('EXAM_SESSION_NOT_CONFIGURED') };
}

export function getExamSession(ctx: ServiceContext) {
  return command(async () => examSessionWire(await currentExamSession(ctx.db)));
}

export function listProvinces(ctx: ServiceContext) {
  return command(async () => placeTree(ctx.db));
}

export function listSubjectCatalogue(ctx: ServiceContext) {
  return command(async () => ({ subjects: await listSubjects(ctx.db) }));
}

/** R6's colours are the client's to draw from `remaining` and `capacity` (shared/rules' capacityColour). */
export function listSessionOfferings(ctx: ServiceContext, filter: { campusCode?: string; kind?: SubjectKind }) {
  return command(async () => {
    const session = await currentExamSession(ctx.db);
    const offerings = await listOfferings(ctx.db, { examSessionId: session.id, ...filter });
    return { offerings: offerings.map((offering) => offeringWire(offering, session.timeZone)) };
  });
}

/**
 * The version is read before the rows, so a change committed while they are read is either in this
 * answer or above its version, never lost; at worst a row comes twice, which a cache shrugs off.
 */
export function getReferenceBundle(ctx: ServiceContext, input: { since?: number }) {
  return command(async () => {
    const since = input.since ?? 0;
    const version = await referenceVersion(ctx.db);
    const session = await currentExamSession(ctx.db);
    const changed = <T extends { version: string | number | bigint }>(row: T) => Number(row.version) > since;
    const placesChanged =
      since === 0 ||
      (await ctx.db.selectFrom('provinces').select('version').execute()).some(changed) ||
      (await ctx.db.selectFrom('schools').select('version').execute()).some(changed) ||
      (await ctx.db.selectFrom('campuses').select('version').execute()).some(changed);
    const subjectRows = await ctx.db.selectFrom('subjects').select(['code', 'version']).execute();
    const changedSubjects = new Set(subjectRows.filter(changed).map((row) => row.code));
    const offeringRows = await ctx.db.selectFrom('offerings').select(['id', 'version']).where('exam_session_id', '=', session.id).where('version', '>', since).execute();
    const removed = await ctx.db.selectFrom('reference_tombstones').select(['entity', 'key']).where('version', '>', since).execute();
    return {
      fetchedAt: ctx.clock.now(),
      version,
      examSession: examSessionWire(session),
      provinces: placesChanged ? (await placeTree(ctx.db)).provinces : [],
      subjects: (await listSubjects(ctx.db)).filter((subject) => changedSubjects.has(subject.code)),
      offerings: (await listOfferings(ctx.db, { examSessionId: session.id, ids: offeringRows.map((row) => row.id) })).map((offering) => offeringWire(offering, session.timeZone)),
      removed,
    };
  });
}
