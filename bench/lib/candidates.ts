// Candidates made straight in the database before the timed part: passports with a bearer session, roster records, agreements, optionally saved registrations.
import type { Identity } from '../../shared/domain/identity.js';
import { residentIdCheckCharacter } from '../../shared/rules/index.js';
import type { Db } from '../../src-server/db/database.js';
import { DEMO_AGREEMENT_VERSION, DEMO_EXAM_SESSION_ID } from '../../src-server/demo/seed.js';
import { rosterRecordRow } from '../../src-server/services/reference-data.js';
import { newPassportId, newToken, tokenHash } from '../../src-server/services/secrets.js';
import { rosterRecordFor } from '../../tests/support/registrations.js';

export interface BenchCandidate {
  readonly passportId: string;
  readonly identity: Identity;
  /** Bearer token of an open candidate session: logging in is measured by the login part, not here. */
  readonly token: string;
  readonly registrationId: string;
}

const DAY = 24 * 3600_000;

/** A valid resident ID per n: a thousand sequence numbers per birth day, days counted from 2000-01-01. */
export function benchResidentId(n: number): string {
  const born = new Date(Date.UTC(2000, 0, 1) + Math.floor(n / 1000) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `330106${born}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

/**
 * `count` candidates of campus 993010, qualified for subjects 1, 2, F and S, with the agreement
 * accepted (R1). `saved` also saves their registration (R3), as the seat race needs; the rush saves
 * it itself. `passwordHash` lets the login part give every passport one real argon2id hash.
 */
export async function insertCandidates(db: Db, count: number, options: { saved: boolean; passwordHash?: string; firstSerial?: number }): Promise<BenchCandidate[]> {
  const now = new Date();
  const first = options.firstSerial ?? 0;
  const candidates = Array.from({ length: count }, (_, i): BenchCandidate & { serial: number } => {
    const serial = first + i;
    const identity: Identity = { idType: 'RESIDENT_ID', idNumber: benchResidentId(serial), name: '陈静' };
    const passportId = newPassportId();
    return { serial, passportId, identity, token: newToken(), registrationId: `reg-${passportId}` };
  });
  // Batches keep preparation to seconds; the rows are the ones tests/support/enrolment.ts inserts one by one.
  for (const batch of chunks(candidates, 500)) {
    await db
      .insertInto('passports')
      .values(
        batch.map((c) => ({
          id: c.passportId,
          email: `bench${c.serial}@example.com`,
          mobile: `136${String(c.serial).padStart(8, '0')}`,
          password_hash: options.passwordHash ?? 'not-a-login',
          id_type: c.identity.idType,
          id_number: c.identity.idNumber,
          name: c.identity.name,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('sessions')
      .values(
        batch.map((c) => ({
          token_hash: tokenHash(c.token),
          kind: 'bearer' as const,
          role: 'candidate' as const,
          passport_id: c.passportId,
          staff_id: null,
          device_id: null,
          province_code: '99',
          created_at: now,
          expires_at: new Date(now.getTime() + DAY),
          revoked_at: null,
        })),
      )
      .execute();
    await db
      .insertInto('registration_agreements')
      .values(batch.map((c) => ({ passport_id: c.passportId, exam_session_id: DEMO_EXAM_SESSION_ID, agreement_version: DEMO_AGREEMENT_VERSION, accepted_at: now })))
      .execute();
    const records = batch.map((c) => rosterRecordFor(c.identity));
    await db.insertInto('roster_records').values(records.map((record) => rosterRecordRow(record, now))).execute();
    if (options.saved) {
      await db
        .insertInto('registrations')
        .values(
          batch.map((c, at) => ({
            id: c.registrationId,
            exam_session_id: DEMO_EXAM_SESSION_ID,
            passport_id: c.passportId,
            id_type: c.identity.idType,
            id_number: c.identity.idNumber,
            name: c.identity.name,
            saved_at: now,
            roster_record_id: records[at]?.id ?? '',
            roster_snapshot: JSON.stringify(records[at]),
          })),
        )
        .execute();
    }
  }
  return candidates.map(({ serial: _serial, ...candidate }) => candidate);
}
