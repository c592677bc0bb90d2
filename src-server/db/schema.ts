// The tables as kysely sees them. Each migration that changes a table changes its interface here too.
import type { ColumnType, Generated } from 'kysely';
import type { IdType } from '../../shared/domain/identity.js';

/** jsonb comes back parsed and goes in as a JSON string (pg and PGlite agree on both). */
type Json<T> = ColumnType<T, string, string>;

export interface ProvinceTable {
  code: string;
  name: string;
}

export interface SchoolTable {
  code: string;
  province_code: string;
  name: string;
}

/** ETEST通行证. Email is stored normalised (lower case); identity is all-or-nothing and unique. */
export interface PassportTable {
  id: string;
  email: string;
  mobile: string;
  password_hash: string;
  id_type: IdType | null;
  id_number: string | null;
  name: string | null;
  created_at: Date;
  updated_at: Date;
}

export type StaffRole = 'teacher' | 'admin';

export interface StaffAccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  /** Teachers act for one school; admins have none. */
  school_code: string | null;
  created_at: Date;
}

export type SessionRole = 'candidate' | StaffRole | 'device';

/** Browser sessions (cookie) and device tokens (bearer) alike; only the token's hash is stored. */
export interface SessionTable {
  token_hash: string;
  kind: 'cookie' | 'bearer';
  role: SessionRole;
  passport_id: string | null;
  staff_id: string | null;
  device_id: string | null;
  province_code: string | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface CaptchaTable {
  id: string;
  answer_hash: string;
  expires_at: Date;
}

export type CodePurpose = 'register' | 'reset_password' | 'change_profile';

/** One-time SMS codes, stored as an HMAC: a database dump gives nobody a usable code. */
export interface VerificationCodeTable {
  id: string;
  purpose: CodePurpose;
  mobile: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: Date;
  expires_at: Date;
  consumed_at: Date | null;
}

export interface PasswordResetTokenTable {
  token_hash: string;
  passport_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

/** One row per counted event (a send, a failed login); limits count the rows inside their window. */
export interface ThrottleEventTable {
  key: string;
  at: Date;
}

export interface MessageOutboxTable {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  created_at: Date;
}

export type AppealStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface AppealTable {
  id: string;
  status: AppealStatus;
  id_type: IdType;
  id_number: string;
  name: string;
  email: string;
  mobile: string;
  password_hash: string;
  reason: string;
  filed_at: Date;
  occupying_passport_id: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  decision_reason: string | null;
  appellant_passport_id: string | null;
}

/**
 * The seam for the registration issue: a saved registration (报名信息) with its own copy of the
 * identity, so that passport profile changes (A6) never reach it. Later migrations extend it.
 */
export interface RegistrationTable {
  id: string;
  exam_session_id: string;
  passport_id: string;
  id_type: IdType;
  id_number: string;
  name: string;
  saved_at: Date;
}

export type AuditActorKind = 'CANDIDATE' | 'TEACHER' | 'ADMIN' | 'DEVICE' | 'SYSTEM';

export interface AuditLogTable {
  id: string;
  at: Date;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  details: Json<Record<string, string | number | boolean | null>>;
}

export interface Database {
  provinces: ProvinceTable;
  schools: SchoolTable;
  passports: PassportTable;
  staff_accounts: StaffAccountTable;
  sessions: SessionTable;
  captchas: CaptchaTable;
  verification_codes: VerificationCodeTable;
  password_reset_tokens: PasswordResetTokenTable;
  throttle_events: ThrottleEventTable;
  message_outbox: MessageOutboxTable;
  appeals: AppealTable;
  registrations: RegistrationTable;
  audit_log: AuditLogTable;
}
