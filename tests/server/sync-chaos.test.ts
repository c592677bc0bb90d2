// Issue #7's chaos test (K3, exactly-once replay): 2,000 queued operations replayed through the real main-process Syncer
// while the real server process (src-server/bin/server.ts on PostgreSQL 15) is SIGKILLed and restarted at random at least 20 times.
//
// What it proves: each operation is applied exactly once and none is lost (one ledger row per seq,
// every outcome the same on a re-send, every applied effect present once and no refused one
// present), seats never drift, and every outcome SMS and email is delivered exactly once by its
// idempotency key once the outbound dispatcher drains (a kill between a commit and its send loses
// none, a resend after a kill mid-send is dropped). SIGKILL mid-push lands inside the server's per-operation
// transactions (argon2, seat UPDATEs, the ledger insert), which is the point: PostgreSQL must roll
// the half-done one back and the re-send must apply it once.
//
// The operations are planned from a seed (printed; CHAOS_SEED=n reproduces the plan and the kill
// points), and one device applies them strictly in order with no other writer, so the outcome of
// every operation is deterministic whatever the kills do: the plan carries a model of the expected
// outcome (seats counted down per offering, refusals cascading to dependents) and the test compares
// the replay's outcomes with it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_DISCARDED, OPERATION_EXPIRED } from '../../shared/contracts/operations.js';
import { MAX_PUSH_BATCH, SYNC_DEPENDENCY_REFUSED, SYNC_SEQUENCE_GAP } from '../../shared/contracts/sync.js';
import { fullJitterDelay } from '../../shared/domain/backoff.js';
import { residentIdCheckCharacter } from '../../shared/rules/index.js';
import type { ConnectivityMonitor } from '../../src-main/core/connectivity.js';
import { DeviceStore } from '../../src-main/core/device-store.js';
import { enrolDevice } from '../../src-main/core/enrolment.js';
import type { ServerConnection } from '../../src-main/core/http-client.js';
import { MemorySecretStore } from '../../src-main/core/secret-store.js';
import { Syncer } from '../../src-main/core/syncer.js';
import type { Db } from '../../src-server/db/database.js';
import { CLAIM_LEASE_MS, drainOutbound } from '../../src-server/messages/outbound.js';
import { outboxEmail, outboxSms } from '../../src-server/messages/outbox.js';
import { seededPrng, type Prng } from '../../src-server/demo/data/prng.js';
import { DEMO_AGREEMENT_VERSION, seedDemo } from '../../src-server/demo/seed.js';
import { newId, newPassportId, newToken, tokenHash } from '../../src-server/services/secrets.js';
import { seatDrift } from '../../src-server/services/seats.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';
import { offeringId } from '../support/enrolment.js';
import { FileOutbox, type Outcome } from '../support/file-outbox.js';
import { freePort, waitFor } from '../support/processes.js';
import { insertRosterRecord, rosterRecordFor } from '../support/registrations.js';
import { pendingReviewRow } from '../support/review-applications.js';
import { TEST_SECRET } from '../support/server.js';
import { startFastMonitor } from '../support/connectivity.js';

const isPg = databaseKind() === 'pg';
if (!isPg) {
  console.log(
    'K3 chaos replay skipped on PGlite: it SIGKILLs a server process mid-transaction and restarts it on the same database, which needs a database outside that process; the server:pg project runs it on PostgreSQL 15.',
  );
}

const root = resolve(import.meta.dirname, '../..');
const TOTAL = 2000;
const MIN_KILLS = 20;
const KILLS = 24;
/** Operations per push: small enough that a kill usually lands inside a push, as the outbox's batches would. */
const BATCH = 40;
/** Pending CET6 review applications (C4) a teacher decides offline in the mix, some twice. */
const REVIEWS = 60;
/** Ceilings, not expectations: a server start under the full suite on two cores has been seen to take over a minute. */
const SERVER_START_MS = 150_000;
/** The outbox's backoff after a transient failure, shortened from its 2 s base: the test has no crowd of kiosks to spread out. */
const RETRY_BACKOFF = { baseMs: 100, capMs: 2_000 } as const;
const SEED = process.env.CHAOS_SEED === undefined ? randomInt(2 ** 31) : Number(process.env.CHAOS_SEED);
const clock = { now: () => new Date() };

// ---------------------------------------------------------------------------------------------
// The plan: 2,000 operations with the outcome each must get.

type Expected = { readonly status: 'applied' } | { readonly status: 'refused'; readonly code: string; readonly params?: Readonly<Record<string, unknown>> };

interface Planned {
  readonly kind: string;
  readonly payload: unknown;
  readonly dependsOn: readonly number[];
  readonly expected: Expected;
  /** Whose passport the operation concerns, when the server can tell (a notice for their next login is then stored with the outcome). */
  readonly concerns?: string;
  /** The email of the passport a passport.register or registration.save is for. */
  readonly email?: string;
  readonly offeringIds?: readonly string[];
}

interface Person {
  readonly email: string;
  readonly mobile: string;
  readonly password: string;
  readonly idType: 'RESIDENT_ID';
  readonly idNumber: string;
  readonly name: string;
}

const DAY_MS = 86_400_000;
const NAMES = ['周晓明', '吴桂芳', '郑海燕', '孙立群', '欧阳娜', '马建国', '林小雨', '何志强'];

/** Region 650102 (乌鲁木齐) is in no demo identity, so no planned passport meets a demo one; every 900 people are born a day later, from 1 January 1996. */
function person(n: number): Person {
  const born = new Date(Date.UTC(1996, 0, 1) + Math.floor(n / 900) * DAY_MS);
  const first17 = `650102${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(n % 900).padStart(3, '0')}`;
  return {
    email: `chaos${n}@example.com`,
    mobile: `15${String(n).padStart(9, '0')}`,
    password: 'Cet4pass!',
    idType: 'RESIDENT_ID',
    idNumber: first17 + residentIdCheckCharacter(first17),
    name: NAMES[n % NAMES.length]!,
  };
}

function registerPayload(who: Person) {
  return {
    email: who.email,
    mobile: who.mobile,
    password: who.password,
    passwordConfirmation: who.password,
    idType: who.idType,
    idNumber: who.idNumber,
    name: who.name,
    agreementAccepted: true,
  };
}

type Ref = { readonly by: 'operation'; readonly seq: number } | { readonly by: 'credentials'; readonly provinceCode: '99'; readonly account: string; readonly password: string };

/** How the server will come to know the candidate of an operation, as the plan models it. */
type Known = { readonly ref: Ref; readonly email: string };

class Plan {
  readonly ops: Planned[] = [];
  /** People whose roster record (学籍) the test inserts before the replay. */
  readonly roster: Person[] = [];
  private people = 0;
  /** Identities whose passport.register is expected to apply: a later one with the same ID number is refused. */
  private readonly registered: Person[] = [];
  /** The model's seat counters: one device applies in seq order and nobody else enrols, so seats go first come, first served. */
  readonly remaining: Map<string, number>;
  /** CET6 review applications pending when the replay starts (C4), with their passports, inserted beside the roster; decided offline below. */
  readonly reviews: { readonly applicationId: string; readonly passportId: string; readonly who: Person; decision: 'APPROVED' | 'REJECTED' | null }[] = [];
  /** The teacher's offline decision grant on the chaos device (only its hash is stored, after the device is enrolled). */
  readonly grant = newToken();

  constructor(
    private readonly rng: Prng,
    seats: Readonly<Record<string, number>>,
  ) {
    this.remaining = new Map(Object.entries(seats));
  }

  private add(op: Omit<Planned, 'expected' | 'concerns'>, known: Known | null, own: () => Expected): number {
    const seq = this.ops.length + 1;
    const expected = this.cascade(op.dependsOn) ?? own();
    this.ops.push({ ...op, expected });
    // After the push: a passport.register's notice depends on its own outcome.
    if (known !== null && this.noticeGoesTo(known, expected)) this.ops[seq - 1] = { ...op, expected, concerns: known.email };
    return seq;
  }

  /** The server refuses an operation whose first refused dependency (lowest seq) was refused, naming it and its reason. */
  private cascade(dependsOn: readonly number[]): Expected | null {
    for (const seq of [...dependsOn].sort((a, b) => a - b)) {
      const before = this.ops[seq - 1]!.expected;
      if (before.status === 'refused') return { status: 'refused', code: SYNC_DEPENDENCY_REFUSED, params: { seq, reason: before.code } };
    }
    return null;
  }

  /**
   * A notice needs a passport: one registered by an applied operation of this device (known even when the
   * operation is refused as a cascade), or a login that passed (never checked when the operation cascades).
   */
  private noticeGoesTo(known: Known, expected: Expected): boolean {
    if (known.ref.by === 'operation') return this.ops[known.ref.seq - 1]!.expected.status === 'applied';
    if (expected.status === 'refused' && expected.code === SYNC_DEPENDENCY_REFUSED) return false;
    return !(expected.status === 'refused' && expected.code === 'LOGIN_FAILED');
  }

  /** Every planned person's mobile by email, for the SMS the outcomes send. */
  readonly mobiles = new Map<string, string>();

  newPerson(): Person {
    this.people += 1;
    const who = person(this.people);
    this.mobiles.set(who.email, who.mobile);
    return who;
  }

  register(who: Person, dependsOn: readonly number[] = []): number {
    const seq = this.ops.length + 1;
    return this.add({ kind: 'passport.register', payload: registerPayload(who), dependsOn, email: who.email }, { ref: { by: 'operation', seq }, email: who.email }, () => {
      if (this.registered.some((earlier) => earlier.idNumber === who.idNumber)) return { status: 'refused', code: 'INFORMATION_OCCUPIED' };
      this.registered.push(who);
      return { status: 'applied' };
    });
  }

  /** R1–R3: the registration saved against the roster record; refused when the candidate has none. */
  save(who: Person, known: Known, dependsOn: readonly number[], hasRoster: boolean, wrongPassword: boolean): number {
    const payload = { candidate: known.ref, agreementVersion: DEMO_AGREEMENT_VERSION, idType: who.idType, idNumber: who.idNumber, name: who.name, confirmed: true };
    return this.add({ kind: 'registration.save', payload, dependsOn, email: who.email }, known, () => {
      if (wrongPassword) return { status: 'refused', code: 'LOGIN_FAILED' };
      return hasRoster ? { status: 'applied' } : { status: 'refused', code: 'QUALIFICATION_NOT_FOUND' };
    });
  }

  /** R5–R7: one offering; an oral needs the English CET4 written subject; seats first come, first served. */
  enrol(kind: 'enrolment.written' | 'enrolment.oral', known: Known, dependsOn: readonly number[], offering: string, hasWrittenCounterpart = true): number {
    return this.add({ kind, payload: { candidate: known.ref, offeringIds: [offering] }, dependsOn, offeringIds: [offering] }, known, () => {
      if (!hasWrittenCounterpart) return { status: 'refused', code: 'ORAL_WRITTEN_REQUIRED' };
      const left = this.remaining.get(offering) ?? 0;
      if (left === 0) return { status: 'refused', code: 'OFFERING_FULL' };
      this.remaining.set(offering, left - 1);
      return { status: 'applied' };
    });
  }

  /** A teacher's decision captured offline under the grant: the first one for an application applies, a later one finds it decided. */
  decide(): number {
    const review = this.rng.pick(this.reviews);
    const decision = this.rng.next() < 0.5 ? 'APPROVED' : 'REJECTED';
    const payload = decision === 'REJECTED' ? { grant: this.grant, applicationId: review.applicationId, decision, reason: '证件号码与成绩记录不符' } : { grant: this.grant, applicationId: review.applicationId, decision };
    const seq = this.add({ kind: 'review.decide', payload, dependsOn: [] }, null, () => {
      if (review.decision !== null) return { status: 'refused', code: 'REVIEW_NOT_PENDING' };
      review.decision = decision;
      return { status: 'applied' };
    });
    // Only an applied decision leaves the candidate a notice.
    const planned = this.ops[seq - 1]!;
    if (planned.expected.status === 'applied') this.ops[seq - 1] = { ...planned, concerns: review.who.email };
    return seq;
  }

  /** A step a teacher discarded (or the outbox expired) before it was sent: its seq holds a tombstone, which the server refuses. */
  tombstone(voidedKind: string, dependsOn: readonly number[]): number {
    const reason = this.rng.next() < 0.5 ? 'discarded' : 'expired';
    return this.add({ kind: 'outbox.void', payload: { reason, voidedKind }, dependsOn }, null, () => ({
      status: 'refused',
      code: reason === 'discarded' ? OPERATION_DISCARDED : OPERATION_EXPIRED,
    }));
  }

  /** Someone types an ID number another passport of this queue already holds (with their own email and mobile). */
  registerTakenIdentity(): number | null {
    if (this.registered.length === 0) return null;
    const holder = this.rng.pick(this.registered);
    return this.register({ ...this.newPerson(), idNumber: holder.idNumber, name: holder.name });
  }

  /** Deliberately invalid operations the server must refuse, each with its code. */
  invalid(): number {
    const who = this.newPerson();
    switch (this.rng.int(0, 2)) {
      case 0:
        // A kind this server does not know (e.g. from newer kiosk software).
        return this.add({ kind: 'candidate.teleport', payload: {}, dependsOn: [] }, null, () => ({ status: 'refused', code: 'VALIDATION_FAILED' }));
      case 1: {
        // A payload that fails the kind's schema: no password.
        const { password: _password, ...payload } = registerPayload(who);
        return this.add({ kind: 'passport.register', payload, dependsOn: [], email: who.email }, null, () => ({ status: 'refused', code: 'FIELD_REQUIRED' }));
      }
      default:
        // A payload that passes the schema and breaks an A3 rule.
        return this.add({ kind: 'passport.register', payload: { ...registerPayload(who), mobile: '12345' }, dependsOn: [], email: who.email }, null, () => ({
          status: 'refused',
          code: 'MOBILE_FORMAT',
        }));
    }
  }
}

/** The offerings the chains aim at and the seats free in each when the replay starts: few, so OFFERING_FULL comes early. 993010 allows orals at other campuses. */
const WRITTEN = { english: offeringId('993010', '1'), japanese: offeringId('993010', '3') } as const;
const ORAL = [offeringId('993010', 'F'), offeringId('993011', 'F')] as const;
const SEATS: Readonly<Record<string, number>> = { [WRITTEN.english]: 150, [WRITTEN.japanese]: 50, [ORAL[0]]: 30, [ORAL[1]]: 10 };

type Step = 'save' | 'written' | 'oral';

/** One candidate's session at a kiosk: after a passport captured in it, or after logging in with a passport registered earlier. */
interface Chain {
  readonly who: Person;
  readonly known: Known;
  readonly hasRoster: boolean;
  readonly wrongPassword: boolean;
  readonly steps: readonly Step[];
  /** The seqs of this session so far: every step depends on all of them, as the kiosk's capture does. */
  readonly seqs: number[];
  next: number;
  written?: string;
}

/**
 * The mix: interleaved kiosk sessions (passport → registration → written [→ oral]), returning
 * candidates who log in with a passport registered earlier in the queue (by email, mobile or ID
 * number; now and then a wrong password), steps voided by a teacher or by expiry, refused heads
 * with dependents, a teacher's offline decisions on pending review applications (a second one for
 * the same application is refused), and operations no server may accept. One candidate in ten has
 * no roster record.
 */
function planOperations(rng: Prng): Plan {
  const plan = new Plan(rng, SEATS);
  const open: Chain[] = [];
  /** Candidates with a passport (applied) and nothing else yet: they may come back and log in. */
  const returning: Person[] = [];
  const withRoster = (who: Person) => {
    const has = rng.next() >= 0.1;
    if (has) plan.roster.push(who);
    return has;
  };
  const steps = (): Step[] => (rng.next() < 0.5 ? ['save', 'written', 'oral'] : ['save', 'written']);
  for (let i = 0; i < REVIEWS; i += 1) plan.reviews.push({ applicationId: newId(), passportId: newPassportId(), who: plan.newPerson(), decision: null });

  const advance = (chain: Chain) => {
    const step = chain.steps[chain.next]!;
    chain.next += 1;
    if (chain.next === chain.steps.length) open.splice(open.indexOf(chain), 1);
    const dependsOn = [...chain.seqs];
    if (rng.next() < 0.03) {
      chain.seqs.push(plan.tombstone(step === 'save' ? 'registration.save' : `enrolment.${step}`, dependsOn));
      return;
    }
    if (step === 'save') chain.seqs.push(plan.save(chain.who, chain.known, dependsOn, chain.hasRoster, chain.wrongPassword));
    else if (step === 'written') {
      chain.written = rng.next() < 0.75 ? WRITTEN.english : WRITTEN.japanese;
      chain.seqs.push(plan.enrol('enrolment.written', chain.known, dependsOn, chain.written));
    } else chain.seqs.push(plan.enrol('enrolment.oral', chain.known, dependsOn, rng.pick(ORAL), chain.written === WRITTEN.english));
  };

  while (plan.ops.length < TOTAL) {
    const roll = rng.next();
    if (roll < 0.03) plan.invalid();
    else if (roll < 0.06) {
      // A refused head with a dependent: the dependent must be refused as a cascade, naming it.
      const head = plan.registerTakenIdentity() ?? plan.invalid();
      if (plan.ops.length < TOTAL) plan.register(plan.newPerson(), [head]);
    } else if (roll < 0.1 && returning.length > 0) {
      const who = returning.splice(rng.int(0, returning.length - 1), 1)[0]!;
      const wrongPassword = rng.next() < 0.2;
      const account = rng.pick([who.email, who.mobile, who.idNumber]);
      const ref: Ref = { by: 'credentials', provinceCode: '99', account, password: wrongPassword ? 'Wrong-pass1!' : who.password };
      const chain: Chain = { who, known: { ref, email: who.email }, hasRoster: plan.roster.includes(who), wrongPassword, steps: steps(), seqs: [], next: 0 };
      open.push(chain);
      advance(chain);
    } else if (roll >= 0.1 && roll < 0.14) plan.decide();
    else if (roll < 0.7 && open.length > 0) advance(rng.pick(open));
    else {
      const who = plan.newPerson();
      const passportSeq = plan.register(who);
      const hasRoster = withRoster(who);
      // Some leave after the passport and come back later; the others go on in this session.
      if (rng.next() < 0.15) returning.push(who);
      else open.push({ who, known: { ref: { by: 'operation', seq: passportSeq }, email: who.email }, hasRoster, wrongPassword: false, steps: steps(), seqs: [passportSeq], next: 0 });
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// The server process: started on the test's PostgreSQL database, SIGKILLed, started again on the same port.

class ServerProcess {
  private child: ChildProcess | undefined;
  private stderr = '';
  /** Set when the process ended without being killed by the test: the run must fail with its last words. */
  crashed: string | null = null;

  constructor(
    private readonly url: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
    } catch {
      return false;
    }
  }

  /** Set by close(): nothing starts after the suite has stopped the server for good. */
  private closed = false;

  /** Starts the server and resolves once it answers /api/health, with how long that took. */
  async start(): Promise<number> {
    if (this.closed) throw new Error('the server was closed for good');
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/bin/server.ts'], { cwd: root, env: this.env, stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    this.stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4_000)));
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && signal !== 'SIGTERM') this.crashed = `server process exited with ${code ?? signal}: ${this.stderr}`;
    });
    await waitFor(async () => this.crashed !== null || (await this.healthy()), SERVER_START_MS);
    if (this.crashed !== null) throw new Error(this.crashed);
    return performance.now() - started;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop('SIGTERM');
  }

  /** Whether the running process gets no chance to finish anything, as in a power cut (SIGKILL), or stops cleanly (SIGTERM). */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const running = this.child;
    this.child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill(signal);
    await exited;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls a cheap in-process condition; `stop` ends the wait when the test has already failed, so no loop outlives it. */
async function until(condition: () => boolean, stop: () => boolean): Promise<void> {
  while (!condition() && !stop()) await sleep(10);
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!isPg)('K3 chaos: replay through the real Syncer while the server process is SIGKILLed and restarted', () => {
  let database: TestDatabase;
  let db: Db;
  let server: ServerProcess;
  let monitor: ConnectivityMonitor;
  let syncer: Syncer;
  /** Makes the kiosk's Syncer as the main process does at start: from the device store on disk, which keeps the last applied seq. */
  let newSyncer: () => Promise<Syncer>;
  let outboxPath: string;
  let outbox: FileOutbox;
  let deviceId: string;
  let workDir: string;
  const logged: string[] = [];
  const plan = planOperations(seededPrng(SEED));

  beforeAll(async () => {
    const kinds = new Map<string, number>();
    for (const op of plan.ops) kinds.set(op.kind, (kinds.get(op.kind) ?? 0) + 1);
    console.log(`K3 chaos seed ${SEED} (CHAOS_SEED=${SEED} reproduces the plan and the kill points); mix: ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
    database = await freshDatabase();
    db = database.db;
    const now = new Date();
    await seedDemo(db, now);
    // Preparation, not under test: small offerings and the roster records (学籍) the registrations bind to.
    // A demo enrolment already holding a seat keeps it: the offering gets that many seats more, so the queue finds exactly SEATS free.
    for (const [id, seats] of Object.entries(SEATS)) {
      const held = await db.selectFrom('enrolments').select(({ fn }) => fn.countAll<string>().as('n')).where('offering_id', '=', id).executeTakeFirstOrThrow();
      await db.updateTable('offerings').set({ capacity: seats + Number(held.n), remaining: seats }).where('id', '=', id).execute();
    }
    for (const who of plan.roster) {
      await insertRosterRecord(db, rosterRecordFor({ idType: who.idType, idNumber: who.idNumber, name: who.name }, { qualificationSubjectCodes: ['1', '3', 'F'] }), now);
    }
    // The review applications the decisions are about: passports registered online earlier, applications pending (C4).
    for (const [index, { applicationId, passportId, who }] of plan.reviews.entries()) {
      await db
        .insertInto('passports')
        .values({ id: passportId, email: who.email, mobile: who.mobile, password_hash: 'not used', id_type: who.idType, id_number: who.idNumber, name: who.name, created_at: now, updated_at: now })
        .execute();
      await db
        .insertInto('review_applications')
        .values(
          pendingReviewRow({
            id: applicationId,
            passportId,
            identity: who,
            schoolCode: '99301',
            campusCode: '993010',
            ticketNumber: `99301024114${String(index).padStart(4, '0')}`,
            submittedAt: now,
          }),
        )
        .execute();
    }
    workDir = await mkdtemp(join(tmpdir(), 'cet-chaos-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: database.url ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      COOKIE_SECRET: TEST_SECRET,
    };
    // The operator's one-time code, as a school's IT office issues it.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src-server/bin/cli.ts', 'enrol-code', '--campus', '993010'], { cwd: root, env });
    const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4}) /.exec(stdout)?.[1];
    expect(code, stdout).toBeDefined();
    server = new ServerProcess(url, env);
    await server.start();

    const connection: ServerConnection = { baseUrl: url, fetch: (input, init) => fetch(input, init), timeoutMs: 30_000 };
    monitor = startFastMonitor(url, clock);
    // The credential's keeper outlives a kiosk restart here (an OS keyring would); the device store itself is re-read from disk.
    const secrets = new MemorySecretStore();
    const deviceDir = join(workDir, 'device');
    const device = new DeviceStore(deviceDir, secrets);
    const enrolled = await enrolDevice(
      { connection, device, reachability: monitor, clock, softwareVersion: '1.0.0', expectedCampus: '993010', log: (line) => logged.push(line) },
      { code: code ?? '', deviceName: '图书馆一楼 1号机' },
    );
    expect(enrolled).toMatchObject({ ok: true });
    deviceId = enrolled.ok ? enrolled.value.deviceId : '';
    // The teacher's offline grant for this device, as POST /api/staff/offline-grant stores it, issued before any capture.
    const teacher = await db.selectFrom('staff_accounts').select('id').where('username', '=', 'teacher99301').executeTakeFirstOrThrow();
    await db
      .insertInto('offline_decision_grants')
      .values({ id: newId(), secret_hash: tokenHash(plan.grant), staff_id: teacher.id, device_id: deviceId, issued_at: new Date(Date.now() - 60_000), expires_at: new Date(Date.now() + DAY_MS), revoked_at: null })
      .execute();
    newSyncer = async () => {
      const made = new Syncer({ connection, device: new DeviceStore(deviceDir, secrets), monitor, clock, log: (line) => logged.push(line) });
      await made.init();
      return made;
    };
    syncer = await newSyncer();

    outboxPath = join(workDir, 'outbox.jsonl');
    outbox = await FileOutbox.open(outboxPath, clock);
    await outbox.enqueue(plan.ops.map(({ kind, payload, dependsOn }) => ({ kind, payload, dependsOn })));
  }, SERVER_START_MS + 120_000);

  afterAll(async () => {
    // The Syncer logs only what is out of the ordinary (a gap, an answer breaking the contract): worth seeing whenever it did.
    if (logged.length > 0) console.log(`K3 chaos: the Syncer logged\n${logged.slice(-20).join('\n')}`);
    monitor?.stop();
    await server?.close();
    await outbox?.close();
    await database?.dispose();
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
  }, 60_000);

  it(
    'K3 2,000 operations replayed across ≥ 20 SIGKILLs: each applied exactly once, none lost, the same outcome on a re-send, and no seat drift',
    async () => {
      expect(outbox.size()).toBe(TOTAL);
      const timing = seededPrng(SEED ^ 0x5eed);
      // Progress-driven kill points, spread over the queue with jitter; all at or below TOTAL − BATCH, so the
      // replay reaches every one of them before its last batch (which waits for the last kill).
      const killAt = Array.from({ length: KILLS }, (_, i) => Math.floor(((i + 0.25 + 0.5 * timing.next()) * (TOTAL - BATCH)) / KILLS));
      const figures = { kills: 0, killsMidPush: 0, kioskRestarts: 0, pushes: 0, failedPushes: 0, partialAnswers: 0, lostAnswers: 0, restartMs: [] as number[] };
      let pushing = false;
      /** How long the last answered push took: the kill moments spread over that. */
      let pushMs = 1_000;
      let killerError: unknown = null;
      let finished = false;
      let attempt = 0;

      const killer = (async () => {
        for (const threshold of killAt) {
          await until(() => outbox.acknowledgedCount() >= threshold, () => finished);
          if (finished) return;
          // A random moment after the threshold, spread over about one push: inside a push at any depth, often inside an
          // operation's transaction, now and then between pushes.
          await sleep(timing.next() * 1.2 * pushMs);
          const midPush = pushing;
          await server.stop('SIGKILL');
          figures.kills += 1;
          if (midPush) figures.killsMidPush += 1;
          await sleep(timing.int(0, 300));
          figures.restartMs.push(await server.start());
        }
      })().catch((error: unknown) => {
        killerError = error;
      });

      const started = performance.now();
      try {
        for (;;) {
          if (killerError !== null) throw killerError;
          if (server.crashed !== null) throw new Error(server.crashed);
          const batch = outbox.unacknowledged(BATCH);
          if (batch.length === 0) break;
          if (batch.at(-1)!.seq === TOTAL) await killer;
          pushing = true;
          const sentAt = performance.now();
          const pushed = await syncer.push(batch);
          pushing = false;
          if (pushed.ok) {
            pushMs = performance.now() - sentAt;
            figures.pushes += 1;
            attempt = 0;
            if (pushed.value.results.length < batch.length) figures.partialAnswers += 1;
            figures.lostAnswers += (await outbox.acknowledge(pushed.value.results)).lostAnswers;
            continue;
          }
          figures.failedPushes += 1;
          // Nothing is skipped past a refused batch: a gap would mean the server lost an operation it had acknowledged.
          expect(pushed.error.code).not.toBe(SYNC_SEQUENCE_GAP);
          // As the kiosk's outbox (src-renderer/outbox): stop; unreachable waits for the monitor to see the server again
          // (the outbox pumps on reconnect), anything else retries after a full-jitter backoff; then it resends from the first
          // unacknowledged operation.
          if (pushed.error.code === 'SERVICE_UNAVAILABLE') await waitFor(() => syncer.status().connectivity === 'online' || killerError !== null, SERVER_START_MS);
          else await sleep(fullJitterDelay(attempt, RETRY_BACKOFF, () => timing.next()));
          attempt += 1;
          // Now and then the kiosk went down with the server (one power cut): its queue and Syncer come back from disk.
          if (timing.next() < 1 / 3) {
            await outbox.close();
            outbox = await FileOutbox.open(outboxPath, clock);
            syncer = await newSyncer();
            figures.kioskRestarts += 1;
          }
        }
      } finally {
        // Also when the replay failed: the killer stops at its next check, and no server it starts outlives the test.
        finished = true;
        await killer;
      }
      const elapsedMs = performance.now() - started;
      if (killerError !== null) throw killerError;

      const restarts = [...figures.restartMs].sort((a, b) => a - b);
      console.log(
        `K3 chaos seed ${SEED}: ${TOTAL} operations in ${(elapsedMs / 1000).toFixed(1)} s (${((TOTAL * 1000) / elapsedMs).toFixed(1)} ops/s including restarts); ` +
          `${figures.kills} SIGKILLs (${figures.killsMidPush} during a push; the kiosk restarted from disk ${figures.kioskRestarts} times), server restarts median ${Math.round(restarts[restarts.length >> 1] ?? 0)} ms max ${Math.round(restarts.at(-1) ?? 0)} ms; ` +
          `${figures.pushes} pushes answered (${figures.partialAnswers} partial), ${figures.failedPushes} failed, ${figures.lostAnswers} outcomes recovered as duplicates of lost answers`,
      );
      expect(figures.kills).toBeGreaterThanOrEqual(MIN_KILLS);

      // Exactly once, none lost: one ledger row per seq 1..TOTAL, and the device's last applied seq at the end.
      const ledger = await db
        .selectFrom('sync_operations')
        .select(['seq', 'kind', 'status', 'result', 'error'])
        .where('device_id', '=', deviceId)
        .orderBy('seq')
        .execute();
      expect(ledger.map((row) => Number(row.seq))).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
      const device = await db.selectFrom('sync_devices').select('last_applied_seq').where('device_id', '=', deviceId).executeTakeFirstOrThrow();
      expect(Number(device.last_applied_seq)).toBe(TOTAL);
      expect(syncer.status().lastAppliedSeq).toBe(TOTAL);

      // Every outcome the device kept is the one the server stored, and the one the plan's model predicts.
      const outcomes = plan.ops.map((_, i) => outbox.outcome(i + 1));
      expect(outcomes.every((outcome) => outcome !== undefined)).toBe(true);
      const kept = outcomes as Outcome[];
      expect(ledger.map((row) => ({ status: row.status, result: row.result ?? undefined, code: row.error?.code }))).toEqual(
        kept.map((outcome) => ({ status: outcome.status, result: outcome.result, code: outcome.error?.code })),
      );
      const mismatches = plan.ops
        .map((op, i) => ({ seq: i + 1, kind: op.kind, expected: op.expected, got: { status: kept[i]!.status, code: kept[i]!.error?.code, params: kept[i]!.error?.params } }))
        .filter(({ expected, got }) => expected.status !== got.status || (expected.status === 'refused' && (expected.code !== got.code || (expected.params !== undefined && JSON.stringify(expected.params) !== JSON.stringify(got.params)))));
      expect(mismatches.slice(0, 5)).toEqual([]);

      // Stable: a re-send of every operation returns what was kept, as a duplicate.
      for (let from = 0; from < TOTAL; from += MAX_PUSH_BATCH) {
        const batch = outbox.all().slice(from, from + MAX_PUSH_BATCH);
        const again = await syncer.push(batch);
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        expect(again.value.results).toEqual(
          batch.map((op) => {
            const outcome = kept[op.seq - 1]!;
            return { seq: op.seq, status: 'duplicate', ...(outcome.result === undefined ? {} : { result: outcome.result }), ...(outcome.error === undefined ? {} : { error: outcome.error }) };
          }),
        );
      }

      // Effects: every applied passport.register made exactly its passport, and nothing else of the plan made one.
      const appliedPassports = plan.ops
        .map((op, i) => ({ op, seq: i + 1, outcome: kept[i]! }))
        .filter(({ op, outcome }) => op.kind === 'passport.register' && outcome.status === 'applied');
      const provisional = await db
        .selectFrom('provisional_passports')
        .innerJoin('passports', 'passports.id', 'provisional_passports.passport_id')
        .select(['provisional_passports.seq', 'provisional_passports.passport_id', 'passports.email'])
        .where('provisional_passports.device_id', '=', deviceId)
        .orderBy('provisional_passports.seq')
        .execute();
      expect(provisional.map((row) => ({ seq: Number(row.seq), passportId: row.passport_id, email: row.email }))).toEqual(
        appliedPassports.map(({ op, seq, outcome }) => ({ seq, passportId: (outcome.result as { passportId: string }).passportId, email: op.email })),
      );
      const planned = await db
        .selectFrom('passports')
        .select(({ fn }) => fn.countAll<string>().as('n'))
        .where('email', 'like', 'chaos%@example.com')
        .executeTakeFirstOrThrow();
      expect(Number(planned.n)).toBe(appliedPassports.length + plan.reviews.length);

      const applied = (kind: string) => plan.ops.map((op, i) => ({ op, seq: i + 1, outcome: kept[i]! })).filter(({ op, outcome }) => op.kind === kind && outcome.status === 'applied');
      const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
      const passportIds = appliedPassports.map(({ outcome }) => (outcome.result as { passportId: string }).passportId);

      // Every applied registration.save made exactly its registration, for its candidate's passport; no other.
      const registrations = await db
        .selectFrom('registrations')
        .innerJoin('passports', 'passports.id', 'registrations.passport_id')
        .select(['registrations.id', 'passports.email'])
        .where('registrations.passport_id', 'in', [...passportIds, ''])
        .execute();
      expect(byId(registrations)).toEqual(
        byId(applied('registration.save').map(({ op, outcome }) => ({ id: (outcome.result as { registrationId: string }).registrationId, email: op.email }))),
      );

      // Every applied enrolment made exactly one enrolment in its offering; refused ones made none.
      const enrolments = await db
        .selectFrom('enrolments')
        .select(['id', 'offering_id'])
        .where('registration_id', 'in', [...registrations.map((row) => row.id), ''])
        .execute();
      expect(byId(enrolments.map((row) => ({ id: row.id, offeringId: row.offering_id })))).toEqual(
        byId(
          [...applied('enrolment.written'), ...applied('enrolment.oral')].flatMap(({ op, outcome }) => {
            const ids = (outcome.result as { enrolmentIds: string[] }).enrolmentIds;
            expect(ids).toHaveLength(op.offeringIds!.length);
            return ids.map((id, k) => ({ id, offeringId: op.offeringIds![k]! }));
          }),
        ),
      );

      // Every application was decided by its first decision alone (C4): that status, one decision event and one audit
      // entry each, none for an application no decision applied to.
      const reviewIds = plan.reviews.map((review) => review.applicationId);
      const [decidedRows, decisionEvents, decisionAudits] = await Promise.all([
        db.selectFrom('review_applications').select(['id', 'status']).where('id', 'in', reviewIds).execute(),
        db.selectFrom('review_events').select('application_id').where('application_id', 'in', reviewIds).where('kind', 'in', ['APPROVED', 'REJECTED']).execute(),
        db.selectFrom('audit_log').select('target_id').where('target_id', 'in', reviewIds).where('action', 'in', ['review.approved', 'review.rejected']).execute(),
      ]);
      const countOf = (ids: readonly (string | null)[], id: string) => ids.filter((other) => other === id).length;
      expect(
        plan.reviews.map((review) => ({
          status: decidedRows.find((row) => row.id === review.applicationId)?.status,
          events: countOf(decisionEvents.map((row) => row.application_id), review.applicationId),
          audits: countOf(decisionAudits.map((row) => row.target_id), review.applicationId),
        })),
      ).toEqual(plan.reviews.map((review) => ({ status: review.decision ?? 'PENDING', events: review.decision === null ? 0 : 1, audits: review.decision === null ? 0 : 1 })));
      expect(applied('review.decide')).toHaveLength(plan.reviews.filter((review) => review.decision !== null).length);

      // Each offering of the mix: its counter is what the model counted down, and the queue holds exactly the seats it took.
      for (const [id, seats] of Object.entries(SEATS)) {
        const offering = await db.selectFrom('offerings').select('remaining').where('id', '=', id).executeTakeFirstOrThrow();
        const held = enrolments.filter((row) => row.offering_id === id).length;
        expect({ id, remaining: offering.remaining, held }).toEqual({ id, remaining: plan.remaining.get(id), held: seats - plan.remaining.get(id)! });
      }

      // Seats: every offering's counter equals capacity − enrolments, none below zero.
      expect(await seatDrift(db)).toEqual([]);
      const oversold = await db.selectFrom('offerings').select('id').where('remaining', '<', 0).execute();
      expect(oversold).toEqual([]);

      // Outcomes reach people once: one notice per operation that concerns a known passport, saying what its outcome says.
      const notices = await db
        .selectFrom('candidate_notices')
        .innerJoin('passports', 'passports.id', 'candidate_notices.passport_id')
        .select(['candidate_notices.seq', 'candidate_notices.code', 'candidate_notices.params', 'passports.email'])
        .where('candidate_notices.device_id', '=', deviceId)
        .orderBy('candidate_notices.seq')
        .execute();
      expect(notices.map((row) => ({ seq: Number(row.seq), email: row.email, code: row.code, reason: row.params['reason'] }))).toEqual(
        plan.ops.flatMap((op, i) =>
          op.concerns === undefined
            ? []
            : [{ seq: i + 1, email: op.concerns, code: kept[i]!.status === 'applied' ? 'OFFLINE_OPERATION_APPLIED' : 'OFFLINE_OPERATION_REFUSED', reason: kept[i]!.error?.code }],
        ),
      );
      // Each tombstone audited once, in the transaction that recorded it.
      const audited = await db.selectFrom('audit_log').select('target_id').where('action', 'in', ['sync.operation_discarded', 'sync.operation_expired']).orderBy('target_id').execute();
      expect(audited.map((row) => row.target_id).sort()).toEqual(
        plan.ops.flatMap((op, i) => (op.kind === 'outbox.void' ? [`${deviceId}:${i + 1}`] : [])).sort(),
      );

      // Outcome messages are outbound_messages rows committed with their operation, so a kill between the commit and
      // the send loses none: the next dispatcher tick sends what is left. Drain it now as a server's tick would, with
      // a clock past every claim's lease, so a row a killed process had claimed goes out too (perhaps a second time:
      // delivery is at least once, and the dev outbox keeps one message per idempotency key, the row's id).
      // Expected SMS: one per notice, and one to the mobile typed into a refused registration that left no passport
      // (not sent when its payload failed the schema, nor for a cascade); one email per notice (every planned passport has one).
      const expectedSms = new Map<string, number>();
      const expectSms = (mobile: string) => expectedSms.set(mobile, (expectedSms.get(mobile) ?? 0) + 1);
      for (const op of plan.ops) {
        if (op.concerns !== undefined) expectSms(plan.mobiles.get(op.concerns)!);
        else if (op.kind === 'passport.register' && op.expected.status === 'refused' && op.expected.code === 'INFORMATION_OCCUPIED') expectSms(plan.mobiles.get(op.email!)!);
      }
      const ours = (query: 'outbound_messages' | 'message_outbox') =>
        db
          .selectFrom(query)
          .select(['id', 'channel', 'recipient', 'body'])
          .where((eb) => eb.or([eb.and([eb('channel', '=', 'sms'), eb('recipient', 'like', '150%')]), eb.and([eb('channel', '=', 'email'), eb('recipient', 'like', 'chaos%@example.com')])]))
          .execute();
      const leftByKills = await db.selectFrom('outbound_messages').select('id').where('sent_at', 'is', null).execute();
      const drainClock = { now: () => new Date(Date.now() + CLAIM_LEASE_MS + 1000) };
      const drained = await drainOutbound({ db, clock: drainClock, messages: { sms: outboxSms(db, drainClock), email: outboxEmail(db, drainClock) } });
      expect(drained.failed).toBe(0);
      expect(await db.selectFrom('outbound_messages').select('id').where('sent_at', 'is', null).execute()).toEqual([]);
      const outbound = await ours('outbound_messages');
      const delivered = await ours('message_outbox');
      // Exactly once by idempotency key: every outbound row delivered under its id with its content, nothing delivered that no row holds.
      const byKey = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byKey(delivered)).toEqual(byKey(outbound));
      // None lost, none extra: as many to each mobile as its outcomes call for, and an email per notice.
      const smsTo = new Map<string, number>();
      for (const row of delivered) if (row.channel === 'sms') smsTo.set(row.recipient, (smsTo.get(row.recipient) ?? 0) + 1);
      expect(new Map([...smsTo].sort())).toEqual(new Map([...expectedSms].sort()));
      expect(delivered.filter((row) => row.channel === 'email')).toHaveLength(notices.length);
      const smsExpected = [...expectedSms.values()].reduce((a, b) => a + b, 0);
      console.log(
        `K3 chaos seed ${SEED}: ${smsExpected} outcome SMS and ${notices.length} emails each delivered exactly once; ` +
          `${leftByKills.length} messages were still unsent at the end of the replay (kills between a commit and its send, or claims a kill left) and went out when the dispatcher drained (${drained.sent} sent by the drain)`,
      );

      // The mix really had every kind of refusal and cascades, and the chaos really hit pushes in flight.
      const refusedCodes = new Set(kept.filter((outcome) => outcome.status === 'refused').map((outcome) => outcome.error?.code));
      for (const code of [SYNC_DEPENDENCY_REFUSED, 'INFORMATION_OCCUPIED', 'OFFERING_FULL', 'QUALIFICATION_NOT_FOUND', 'ORAL_WRITTEN_REQUIRED', 'LOGIN_FAILED', OPERATION_DISCARDED, OPERATION_EXPIRED, 'REVIEW_NOT_PENDING']) {
        expect(refusedCodes).toContain(code);
      }
      expect(figures.killsMidPush).toBeGreaterThan(0);
    },
    20 * 60_000,
  );
});
