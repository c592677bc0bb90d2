// Saved registrations put straight into the database, for suites that need one as a precondition rather than as the thing under test.
import type { Identity } from '../../shared/domain/identity.js';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import type { Db } from '../../src-server/db/database.js';
import { DEMO_EXAM_SESSION_ID } from '../../src-server/demo/seed.js';
import { rosterRecordRow } from '../../src-server/services/reference-data.js';

/** A roster record (学籍) at 993010 for an identity; qualified for CET4 and CET6, written and oral, unless told otherwise. */
export function rosterRecordFor(identity: Identity, overrides: Partial<RosterRecord> = {}): RosterRecord {
  return {
    id: `roster-${identity.idType}-${identity.idNumber}`,
    ...identity,
    gender: 'FEMALE',
    schoolCode: '99301',
    campusCode: '993010',
    educationLevel: 'UNDERGRADUATE',
    lengthOfSchooling: 4,
    enrolmentYear: '24',
    grade: '2024',
    department: '外国语学院',
    major: '英语',
    className: '英语2401',
    studentNumber: `S${identity.idNumber.slice(-8)}`,
    notes: '',
    qualificationSubjectCodes: ['1', '2', 'F', 'S'],
    restrictedFromCet6: false,
    ...overrides,
  };
}

export async function insertRosterRecord(db: Db, record: RosterRecord, at: Date): Promise<RosterRecord> {
  await db.insertInto('roster_records').values(rosterRecordRow(record, at)).onConflict((oc) => oc.column('id').doNothing()).execute();
  return record;
}

/** A registration as R3 saves it: bound to a roster record for the identity, with the snapshot. Returns its id. */
export async function insertSavedRegistration(
  db: Db,
  input: { readonly passportId: string; readonly identity: Identity; readonly at: Date; readonly id?: string; readonly examSessionId?: string; readonly roster?: Partial<RosterRecord> },
): Promise<string> {
  const record = await insertRosterRecord(db, rosterRecordFor(input.identity, input.roster), input.at);
  const id = input.id ?? `reg-${input.passportId}`;
  await db
    .insertInto('registrations')
    .values({
      id,
      exam_session_id: input.examSessionId ?? DEMO_EXAM_SESSION_ID,
      passport_id: input.passportId,
      id_type: input.identity.idType,
      id_number: input.identity.idNumber,
      name: input.identity.name,
      saved_at: input.at,
      roster_record_id: record.id,
      roster_snapshot: JSON.stringify(record),
    })
    .execute();
  return id;
}
