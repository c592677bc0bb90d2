// Candidates for the registration, enrolment and payment suites, made straight in the database: a passport, a bearer session, a roster record, optionally a saved registration.
import type { Identity } from '../../shared/domain/identity.js';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import type { Db } from '../../src-server/db/database.js';
import { DEMO_AGREEMENT_VERSION, DEMO_EXAM_SESSION_ID } from '../../src-server/demo/seed.js';
import type { EnrolmentRow } from '../../src-server/services/registration-state.js';
import { newPassportId, newToken, tokenHash } from '../../src-server/services/secrets.js';
import { residentId } from './candidates.js';
import type { TestClient } from './client.js';
import { insertRosterRecord, insertSavedRegistration, rosterRecordFor } from './registrations.js';
import type { TestServer } from './server.js';

export interface ReadyCandidate {
  readonly passportId: string;
  readonly identity: Identity;
  readonly roster: RosterRecord;
  readonly client: TestClient;
  /** The bearer token, for clients of another server process on the same database. */
  readonly token: string;
}

let serial = 50_000;

/** A passport with its own identity and a session a bearer token opens; no password login, so hundreds are cheap. */
export async function passportWithSession(db: Db, now: Date, identity?: Identity): Promise<{ passportId: string; identity: Identity; token: string }> {
  serial += 1;
  const who = identity ?? { idType: 'RESIDENT_ID' as const, idNumber: residentId(serial), name: '陈静' };
  const passportId = newPassportId();
  await db
    .insertInto('passports')
    .values({ id: passportId, email: `ready${serial}@example.com`, mobile: `137${String(10_000_000 + serial).slice(-8)}`, password_hash: 'not-a-login', id_type: who.idType, id_number: who.idNumber, name: who.name, created_at: now, updated_at: now })
    .execute();
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), kind: 'bearer', role: 'candidate', passport_id: passportId, staff_id: null, device_id: null, province_code: '99', created_at: now, expires_at: new Date(now.getTime() + 24 * 3600_000 * 30), revoked_at: null })
    .execute();
  return { passportId, identity: who, token };
}

export async function acceptedAgreement(db: Db, passportId: string, at: Date): Promise<void> {
  await db.insertInto('registration_agreements').values({ passport_id: passportId, exam_session_id: DEMO_EXAM_SESSION_ID, agreement_version: DEMO_AGREEMENT_VERSION, accepted_at: at }).execute();
}

/**
 * `saved: false` leaves the candidate at the qualification query with an agreement accepted and a
 * roster record waiting; the default also saves the registration, as R3 would.
 */
export async function readyCandidate(server: TestServer, options: { roster?: Partial<RosterRecord>; saved?: boolean; agreed?: boolean } = {}): Promise<ReadyCandidate> {
  const now = server.clock.now();
  const { passportId, identity, token } = await passportWithSession(server.db, now);
  if (options.agreed !== false) await acceptedAgreement(server.db, passportId, now);
  const roster = rosterRecordFor(identity, options.roster);
  if (options.saved === false) await insertRosterRecord(server.db, roster, now);
  else await insertSavedRegistration(server.db, { passportId, identity, at: now, roster: options.roster });
  return { passportId, identity, roster, token, client: server.client({ authorization: `Bearer ${token}` }) };
}

/** The demo offerings by campus and subject code, e.g. offeringId('993010', 'F'). */
export function offeringId(campusCode: string, subjectCode: string): string {
  return `demo-offering-${campusCode}-${subjectCode}`;
}

/**
 * An unpaid enrolment row written out in full, as the server writes one (no column defaults), for
 * tests that claim seats or hold a registration's lock themselves; `id` names it in assertions.
 */
export function enrolmentRow(registrationId: string, offeringId: string, subjectCode: string, id: string, createdAt = new Date('2026-11-22T08:00:00Z')): EnrolmentRow {
  return {
    id,
    registration_id: registrationId,
    offering_id: offeringId,
    subject_code: subjectCode,
    fee_fen: 3000,
    payment_status: 'UNPAID',
    arrangement_status: 'UNARRANGED',
    method: 'CANDIDATE',
    created_at: createdAt,
    paid_at: null,
    group_payment_order_id: null,
  };
}
