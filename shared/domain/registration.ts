// A registration (报名信息): one passport bound to one roster record for one exam session.
import type { RosterRecord } from './roster-record.js';

export interface Registration {
  readonly id: string;
  readonly examSessionId: string;
  readonly passportId: string;
  readonly rosterRecordId: string;
  /** The roster record as it was when saved: the registration shows and uses this, never the live record. */
  readonly rosterSnapshot: RosterRecord;
  readonly savedAt: Date;
}

/**
 * A frozen copy of the roster record, so that later roster edits (R3) and passport profile changes
 * (A6) cannot reach a saved registration, not even through the shared qualification list.
 */
export function snapshotRosterRecord(record: RosterRecord): RosterRecord {
  return Object.freeze({ ...record, qualificationSubjectCodes: Object.freeze([...record.qualificationSubjectCodes]) });
}
