// Login, sessions and logout (A4): cookie sessions for browsers, bearer tokens for enrolled devices (resolved to their campus), both stored hashed.
import { sql, type RawBuilder } from 'kysely';
import { ID_TYPES, type IdType } from '../../shared/domain/identity.js';
import { loginAccountKind, normalizeEmail, normalizeIdNumber, normalizeMobile } from '../../shared/rules/index.js';
import { isPostgresPool, type Db, type Executor } from '../db/database.js';
import { batcherPer, GroupBatcher } from '../db/grouped.js';
import { preparedQuery } from '../db/prepared.js';
import type { Actor, CandidateActor, StaffActor } from './actors.js';
import { spendCaptcha } from './captcha.js';
import type { ServiceContext } from './context.js';
import { command, refuseWith } from './outcome.js';
import { verifyAbsentPassword, verifyPassword } from './passwords.js';
import { newToken, tokenHash } from './secrets.js';
import { countEvent, forgetEvents, secondsOf, waitBeforeNext } from './throttle.js';

/** Throttle keys of failed logins: per passport or staff account when the account exists, else per typed account, and per IP. */
export const failedLoginKey = {
  passport: (passportId: string) => `login-fail:passport:${passportId}`,
  staff: (staffId: string) => `login-fail:staff:${staffId}`,
  unknownAccount: (account: string) => `login-fail:account:${account}`,
  ip: (ip: string) => `login-fail-ip:${ip}`,
};

export interface NewSession<A extends Actor> {
  readonly token: string;
  readonly actor: A;
}

interface LoginAttempt {
  readonly lockKey: string;
  readonly ip: string;
  readonly password: string;
  /** Password hash and id of each account the typed account may name (an ID number may exist under several ID types). */
  readonly accounts: readonly { readonly id: string; readonly passwordHash: string }[];
}

/**
 * The shared part of both logins: the account lock and the IP limit are checked before the password,
 * so a locked account cannot be probed; failures count against both, a success clears the account's.
 */
async function authenticate(ctx: ServiceContext, attempt: LoginAttempt): Promise<string> {
  const now = ctx.clock.now();
  const { limits } = ctx.config;
  const ipKey = failedLoginKey.ip(attempt.ip);
  const ipWait = await waitBeforeNext(ctx.db, { key: ipKey, max: limits.loginIpMaxFailures, windowMs: limits.loginLockMs }, now);
  if (ipWait > 0) refuseWith('RATE_LIMITED', { params: { seconds: secondsOf(ipWait) } });
  const locked = await waitBeforeNext(ctx.db, { key: attempt.lockKey, max: limits.loginMaxFailures, windowMs: limits.loginLockMs }, now);
  if (locked > 0) refuseWith('LOGIN_LOCKED', { params: { minutes: Math.ceil(secondsOf(locked) / 60) } });
  if (attempt.accounts.length === 0) await verifyAbsentPassword(attempt.password);
  for (const account of attempt.accounts) {
    if (await verifyPassword(account.passwordHash, attempt.password)) {
      await forgetEvents(ctx.db, attempt.lockKey);
      return account.id;
    }
  }
  await countEvent(ctx.db, attempt.lockKey, now);
  await countEvent(ctx.db, ipKey, now);
  return refuseWith('LOGIN_FAILED', { field: 'password' });
}

async function candidatesFor(db: Executor, account: string) {
  const passports = db.selectFrom('passports').select(['id', 'password_hash as passwordHash']);
  switch (loginAccountKind(account)) {
    case 'email':
      return passports.where('email', '=', normalizeEmail(account)).execute();
    case 'mobile':
      return passports.where('mobile', '=', normalizeMobile(account)).execute();
    case 'idNumber':
      // The form has no ID type: try the number in each type's canonical form.
      return passports
        .where((eb) => eb.or(ID_TYPES.map((idType: IdType) => eb.and([eb('id_type', '=', idType), eb('id_number', '=', normalizeIdNumber(idType, account))]))))
        .execute();
  }
}

async function openSession(db: Executor, values: { role: 'candidate' | 'teacher' | 'admin'; passportId?: string; staffId?: string; provinceCode?: string }, ctx: ServiceContext) {
  const now = ctx.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ctx.config.ttl.sessionMs);
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      kind: 'cookie',
      role: values.role,
      passport_id: values.passportId ?? null,
      staff_id: values.staffId ?? null,
      device_id: null,
      province_code: values.provinceCode ?? null,
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, tokenHash: tokenHash(token), expiresAt };
}

export interface CandidateCredentials {
  readonly provinceCode: string;
  readonly account: string;
  readonly password: string;
}

/**
 * The candidate login's check without the captcha and the session: the province, the account
 * lookup and the password under the same lockout and per-source limits. A replayed offline
 * operation that names its candidate by credentials goes through here, so a wrong password there
 * is the same LOGIN_FAILED and counts toward the same lock. `source` is the client IP of a login,
 * or the pushing device for a replayed operation. Throws Refused; returns the passport id.
 */
export async function authenticateCandidate(ctx: ServiceContext, input: CandidateCredentials, source: string): Promise<{ passportId: string; provinceCode: string }> {
  const province = await ctx.db.selectFrom('provinces').select('code').where('code', '=', input.provinceCode).executeTakeFirst();
  if (province === undefined) refuseWith('PROVINCE_UNKNOWN', { field: 'provinceCode' });
  const accounts = await candidatesFor(ctx.db, input.account);
  const lockKey = accounts.length === 1 && accounts[0] !== undefined ? failedLoginKey.passport(accounts[0].id) : failedLoginKey.unknownAccount(input.account.toUpperCase());
  const passportId = await authenticate(ctx, { lockKey, ip: source, password: input.password, accounts });
  return { passportId, provinceCode: province.code };
}

/** A passport a kiosk registered offline whose mobile no SMS code has proven yet (K3). */
export async function isMobileUnverified(db: Executor, passportId: string): Promise<boolean> {
  const row = await db.selectFrom('provisional_passports').select('mobile_verified_at').where('passport_id', '=', passportId).executeTakeFirst();
  return row !== undefined && row.mobile_verified_at === null;
}

export function login(ctx: ServiceContext, input: CandidateCredentials & { captcha: { id: string; answer: string } }, ip: string) {
  return command(async (): Promise<NewSession<CandidateActor>> => {
    await spendCaptcha(ctx.db, ctx, input.captcha);
    const { passportId, provinceCode } = await authenticateCandidate(ctx, input, ip);
    const province = { code: provinceCode };
    const session = await openSession(ctx.db, { role: 'candidate', passportId, provinceCode: province.code }, ctx);
    const mobileUnverified = await isMobileUnverified(ctx.db, passportId);
    return { token: session.token, actor: { role: 'candidate', passportId, provinceCode: province.code, mobileUnverified, tokenHash: session.tokenHash, expiresAt: session.expiresAt } };
  });
}

export function staffLogin(ctx: ServiceContext, input: { username: string; password: string; captcha: { id: string; answer: string } }, ip: string) {
  return command(async (): Promise<NewSession<StaffActor>> => {
    await spendCaptcha(ctx.db, ctx, input.captcha);
    const staff = await ctx.db.selectFrom('staff_accounts').selectAll().where('username', '=', input.username).executeTakeFirst();
    const lockKey = staff === undefined ? failedLoginKey.unknownAccount(`staff:${input.username}`) : failedLoginKey.staff(staff.id);
    const accounts = staff === undefined ? [] : [{ id: staff.id, passwordHash: staff.password_hash }];
    await authenticate(ctx, { lockKey, ip, password: input.password, accounts });
    if (staff === undefined) throw new Error('authenticate accepted an absent staff account');
    const session = await openSession(ctx.db, { role: staff.role, staffId: staff.id }, ctx);
    return {
      token: session.token,
      actor: {
        role: staff.role,
        staffId: staff.id,
        username: staff.username,
        displayName: staff.display_name,
        schoolCode: staff.school_code,
        tokenHash: session.tokenHash,
        expiresAt: session.expiresAt,
      },
    };
  });
}

export interface ResolvedSession {
  /** Null if the token is unknown, revoked or expired. */
  readonly actor: Actor | null;
  /** The reference generation the lookup read with it, for the request's cached reference data (reference-cache.ts); null when no session row was found. */
  readonly referenceGeneration: number | null;
}

/**
 * The session row of a token hash (or of `ANY(array)`, a group's) with its hash, account, device and
 * provisional passport, and the reference generation. Every signed-in request runs it.
 */
function sessionQuery(db: Executor, hash: string | RawBuilder<string>) {
  return db
    .selectFrom('sessions')
    .leftJoin('staff_accounts', 'staff_accounts.id', 'sessions.staff_id')
    .leftJoin('kiosk_devices', 'kiosk_devices.id', 'sessions.device_id')
    .leftJoin('provisional_passports', 'provisional_passports.passport_id', 'sessions.passport_id')
    .select([
      'provisional_passports.passport_id as provisional_passport_id',
      'provisional_passports.mobile_verified_at',
      'sessions.token_hash',
      'sessions.role',
      'sessions.passport_id',
      'sessions.province_code',
      'sessions.expires_at',
      'sessions.revoked_at',
      'staff_accounts.id as staff_id',
      'staff_accounts.username',
      'staff_accounts.display_name',
      'staff_accounts.school_code',
      'sessions.device_id',
      'kiosk_devices.campus_code as device_campus_code',
      'kiosk_devices.revoked_at as device_revoked_at',
      // Every signed-in request makes this lookup: reading the generation here costs no round trip.
      (eb) => eb.selectFrom('reference_generation').select('generation').as('reference_generation'),
    ])
    .where('sessions.token_hash', '=', hash);
}

/**
 * One token's lookup, compiled once (db/prepared.ts). A group of one goes this way too:
 * `token_hash = $1` keeps the generic plan (an index lookup) PostgreSQL settles on after five runs;
 * `= ANY($1)`'s generic plan assumes ten hashes (on a small table a sequential scan), and its custom
 * plans are planned on each call (0.2 ms in the seat race, ten times running it).
 */
const sessionRows = preparedQuery((db: Executor, _shape: 'only', hash: string) => sessionQuery(db, hash));

/** A group's lookups in one statement, the hashes as one array parameter so the text stays fixed. */
const groupSessionRows = preparedQuery((db: Executor, _shape: 'only', hashes: readonly string[]) => sessionQuery(db, sql<string>`ANY(${hashes})`));

type SessionRow = Awaited<ReturnType<typeof sessionRows>>[number];

/**
 * Session lookups in flight at once per process, out of the pool's DEFAULT_POOL_SIZE (4) connections.
 * Measured with the rush (bench/rush.bench.ts, two processes, concurrency 50, load 2.5-3.4,
 * interleaved; BENCHMARKS.md, Seats, "Grouped reads"), with one state reading in flight:
 *
 *   in flight   lookup statements for 1,200 lookups   requests/s             server CPU / request
 *   1           296-321                               1,555-1,944 (7 runs)   0.55-0.67 ms
 *   2           448-474                               1,560-1,800 (5 runs)   0.59-0.64 ms
 *   4 (state 2) 695-708                               1,393-1,471 (2 runs)   0.76-0.78 ms
 *
 * and the seat race could not tell 1 from 2 (4,831-4,835 against 5,084 claims/s). Each group more in
 * flight is a smaller group and a connection less for the statements that write; 1 it is.
 */
export const SESSION_LOOKUPS_IN_FLIGHT = 1;
/** The most hashes in one lookup: far above what two processes at the rush's concurrency gather. */
const SESSION_LOOKUP_BATCH = 100;

/**
 * The pool's session lookups, grouped (db/grouped.ts): under a rush every request starts with this
 * lookup and most wait for a connection anyway, so the lookups that arrive while others are in the
 * database go as one statement. Rows are matched to their callers by token hash, never by position:
 * an unknown hash has no row, and a repeated one answers each of its callers.
 */
const sessionLookups = batcherPer(
  (db: Db, _key: void) =>
    new GroupBatcher<string, SessionRow | undefined>(
      async (hashes) => {
        const distinct = [...new Set(hashes)];
        const rows = distinct.length === 1 ? await sessionRows(db, 'only', distinct[0]!) : await groupSessionRows(db, 'only', distinct);
        const byHash = new Map(rows.map((row) => [row.token_hash, row]));
        return hashes.map((hash) => byHash.get(hash));
      },
      { maxInFlight: SESSION_LOOKUPS_IN_FLIGHT, maxBatch: SESSION_LOOKUP_BATCH },
      'the session lookup',
    ),
  () => 'sessions',
);

/** The pool's session lookup batcher, for tests that count its groups. */
export function sessionLookupBatcher(db: Db): GroupBatcher<string, SessionRow | undefined> {
  return sessionLookups(db);
}

/**
 * The actor behind a session token, and the reference generation read in the same statement. On a
 * PostgreSQL pool the lookup joins the process's next group; on PGlite (one connection, nothing to
 * save in round trips) and inside a transaction (its own connection) it is a statement of its own.
 */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<ResolvedSession> {
  const hash = tokenHash(token);
  const row = isPostgresPool(ctx.db) ? await sessionLookups(ctx.db).submit(hash) : (await sessionRows(ctx.db, 'only', hash))[0];
  if (row === undefined) return { actor: null, referenceGeneration: null };
  const referenceGeneration = row.reference_generation === null ? null : Number(row.reference_generation);
  return { actor: await actorOf(ctx, row, hash), referenceGeneration };
}

/** Null if the session is revoked or expired, or its device or account is gone. */
async function actorOf(ctx: ServiceContext, row: SessionRow, hash: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  if (row.revoked_at !== null || row.expires_at <= now) return null;
  if (row.role === 'device' && row.device_id !== null && row.device_campus_code !== null && row.device_revoked_at === null) {
    // Every call with the credential is a contact: the staff see which kiosks went quiet.
    await ctx.db.updateTable('kiosk_devices').set({ last_contact_at: now }).where('id', '=', row.device_id).execute();
    return { role: 'device', deviceId: row.device_id, campusCode: row.device_campus_code, tokenHash: hash, expiresAt: row.expires_at };
  }
  if (row.role === 'candidate' && row.passport_id !== null && row.province_code !== null) {
    const mobileUnverified = row.provisional_passport_id !== null && row.mobile_verified_at === null;
    return { role: 'candidate', passportId: row.passport_id, provinceCode: row.province_code, mobileUnverified, tokenHash: hash, expiresAt: row.expires_at };
  }
  if ((row.role === 'teacher' || row.role === 'admin') && row.staff_id !== null) {
    return {
      role: row.role,
      staffId: row.staff_id,
      username: row.username ?? '',
      displayName: row.display_name ?? '',
      schoolCode: row.school_code,
      tokenHash: hash,
      expiresAt: row.expires_at,
    };
  }
  return null;
}

export async function logout(ctx: ServiceContext, token: string): Promise<boolean> {
  const result = await ctx.db.updateTable('sessions').set({ revoked_at: ctx.clock.now() }).where('token_hash', '=', tokenHash(token)).where('revoked_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** After a password change or reset every other session of the passport ends: whoever knew the old password is out. */
export async function revokeSessionsOf(db: Executor, who: { passportId: string; except?: string }, now: Date): Promise<void> {
  let query = db.updateTable('sessions').set({ revoked_at: now }).where('passport_id', '=', who.passportId).where('revoked_at', 'is', null);
  if (who.except !== undefined) query = query.where('token_hash', '<>', who.except);
  await query.execute();
}
