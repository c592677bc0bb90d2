// The tables as kysely sees them. Each migration that changes a table changes its interface here too.
import type { ColumnType, Generated } from 'kysely';
import type { DomainError } from '../../shared/errors/domain-error.js';
import type { IdType } from '../../shared/domain/identity.js';
import type { ReviewFiler, ReviewStatus } from '../../shared/domain/review-application.js';
import type { ProofKind, ReviewEventKind } from '../../shared/contracts/http/review.js';
import type { OrderStatus, PaymentProviderName } from '../../shared/contracts/http/payment.js';
import type { ArrangementStatus, EnrolmentMethod, PaymentStatus } from '../../shared/domain/enrolment.js';
import type { EducationLevel, Gender, RosterRecord } from '../../shared/domain/roster-record.js';
import type { Language, SubjectKind, SubjectLevel } from '../../shared/domain/subject.js';

/** jsonb comes back parsed and goes in as a JSON string (pg and PGlite agree on both). */
type Json<T> = ColumnType<T, string, string>;

/** int8 comes back as a string from pg and may come back as a bigint from PGlite: read it through Number(). */
export type Int8 = ColumnType<string | number | bigint, number, number>;
/** A version drawn from the `reference_version` sequence by default. */
export type ReferenceVersion = ColumnType<string | number | bigint, undefined, number>;

export interface ProvinceTable {
  code: string;
  name: string;
  /** 省通告, one paragraph per entry. */
  notice: ColumnType<readonly string[], string | undefined, string>;
  version: ReferenceVersion;
}

export interface SchoolTable {
  code: string;
  province_code: string;
  name: string;
  /** 学校通告, one paragraph per entry. */
  notice: ColumnType<readonly string[], string | undefined, string>;
  version: ReferenceVersion;
}

export interface CampusTable {
  code: string;
  school_code: string;
  name: string;
  /** 外校口语: this campus's written candidates may take the oral exam at another campus (R6). */
  allows_external_oral: boolean;
  version: ReferenceVersion;
}

export interface ExamSessionTable {
  id: string;
  name: string;
  time_zone: string;
  agreement_version: string;
  qualification_query_opens_at: Date;
  registration_opens_at: Date;
  registration_closes_at: Date;
  unpaid_enrolment_ttl_ms: Int8;
  empty_registration_ttl_ms: Int8;
  /** Midnight of the exam day in the session's zone, as an instant. */
  written_exam_date: Date;
  /** ISO instants, like `written_exam_date`. */
  oral_exam_dates: Json<readonly string[]>;
  written_print_opens_at: Date;
  written_print_closes_at: Date;
  oral_print_opens_at: Date;
  oral_print_closes_at: Date;
  /** The session candidates register for now; at most one. */
  is_current: Generated<boolean>;
  version: ReferenceVersion;
}

export interface ExamSessionProvinceWindowTable {
  exam_session_id: string;
  province_code: string;
  opens_at: Date;
  closes_at: Date;
}

export interface SubjectTable {
  code: string;
  name: string;
  kind: SubjectKind;
  language: Language;
  level: SubjectLevel;
  version: ReferenceVersion;
}

/**
 * 科目开设. `remaining` is a cache of capacity minus the enrolments holding a seat, changed only in
 * the transaction that inserts or deletes such an enrolment (see services/seats.ts).
 */
export interface OfferingTable {
  id: string;
  exam_session_id: string;
  subject_code: string;
  campus_code: string;
  fee_fen: number;
  capacity: number;
  remaining: number;
  opens_at: Date;
  closes_at: Date;
  exam_date: Date | null;
  version: ReferenceVersion;
}

/** One row: raised by triggers with every change to the reference data the servers cache (migration 0023). */
export interface ReferenceGenerationTable {
  only_row: boolean;
  generation: Int8;
}

export interface ReferenceTombstoneTable {
  entity: string;
  key: string;
  version: ReferenceVersion;
}

/** 学籍 as the school imported it; a saved registration keeps its own snapshot (R3). */
export interface RosterRecordTable {
  id: string;
  id_type: IdType;
  id_number: string;
  name: string;
  gender: Gender;
  school_code: string;
  campus_code: string;
  education_level: EducationLevel;
  length_of_schooling: number;
  enrolment_year: string;
  grade: string;
  department: string;
  major: string;
  class_name: string;
  student_number: string;
  notes: Generated<string>;
  qualification_subject_codes: Json<readonly string[]>;
  restricted_from_cet6: Generated<boolean>;
  updated_at: Date;
}

export interface Cet4ScoreTable {
  ticket_number: string;
  id_number: string;
  name: string;
  score: number;
  exam_year: number;
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

export type CodePurpose = 'register' | 'reset_password' | 'change_profile' | 'verify_mobile';

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

/** A message an offline operation's outcome sends, written with the effect and sent after the commit (migration 0022). */
export interface OutboundMessageTable {
  id: string;
  channel: 'sms' | 'email';
  /** Blanked ('') seven days after sent_at, like subject (null) and body (''). */
  recipient: string;
  /** Email only. */
  subject: string | null;
  body: string;
  created_at: Date;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date;
  sent_at: Date | null;
  last_error: string | null;
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
  /** Bound 1:1 per session (R3). */
  roster_record_id: string;
  /** The roster record as it was when saved: later roster edits never reach it (R3). */
  roster_snapshot: Json<RosterRecord>;
}

export interface RegistrationAgreementTable {
  passport_id: string;
  exam_session_id: string;
  agreement_version: string;
  accepted_at: Date;
}

/** 报考科目. Every row, paid or not, holds one seat of its offering until it is deleted. */
export interface EnrolmentTable {
  id: string;
  registration_id: string;
  offering_id: string;
  subject_code: string;
  fee_fen: number;
  payment_status: Generated<PaymentStatus>;
  arrangement_status: Generated<ArrangementStatus>;
  method: EnrolmentMethod;
  created_at: Date;
  paid_at: Date | null;
  /** The pending school order (集体缴费) that locks it; null when unlocked. */
  group_payment_order_id: string | null;
}

export interface PaymentOrderTable {
  id: string;
  exam_session_id: string;
  provider: PaymentProviderName;
  provider_ref: string | null;
  pay_url: string | null;
  status: Generated<OrderStatus>;
  amount_fen: number;
  /** A candidate's own order; null for a school's group order. */
  passport_id: string | null;
  group_school_code: string | null;
  created_by_staff_id: string | null;
  created_at: Date;
  settled_at: Date | null;
  released_at: Date | null;
}

export interface PaymentOrderEnrolmentTable {
  order_id: string;
  enrolment_id: string;
  fee_fen: number;
}

export interface PaymentNoticeTable {
  provider: PaymentProviderName;
  notice_id: string;
  order_id: string;
  status: 'PAID' | 'FAILED';
  received_at: Date;
}

export interface SandboxPaymentTable {
  provider_ref: string;
  provider: PaymentProviderName;
  order_id: string;
  amount_fen: number;
  description: string;
  status: OrderStatus;
  created_at: Date;
  settled_at: Date | null;
}

export interface AdmissionTicketTable {
  enrolment_id: string;
  ticket_number: string;
  room: string;
  seat: number;
  arranged_at: Date;
}

/** CET6资格复核申请 (C1–C8): one per passport; school and campus come from the candidate's roster record when filed. */
export interface ReviewApplicationTable {
  id: string;
  passport_id: string;
  school_code: string;
  campus_code: string;
  roster_record_id: string | null;
  id_type: IdType;
  id_number: string;
  name: string;
  /** Null only when a teacher filed it without the number (forgotten ticket, C7). */
  ticket_number: string | null;
  status: ReviewStatus;
  filed_by: ReviewFiler;
  proof_kind: ProofKind | null;
  proof_note: string | null;
  reviewer_id: string | null;
  reason: string | null;
  submission_count: number;
  /** A teacher's C7 mark; null leaves it to isRepeatSubmitter(submission_count). */
  repeat_flag: boolean | null;
  submitted_at: Date;
  reviewed_at: Date | null;
}

/** The history of a passport's review applications, kept when an application is deleted. */
export interface ReviewEventTable {
  id: string;
  /** Insertion order: events of one transaction share `at`. */
  seq: ColumnType<string | number | bigint, never, never>;
  passport_id: string;
  application_id: string;
  at: Date;
  kind: ReviewEventKind;
  actor_kind: 'CANDIDATE' | 'TEACHER' | 'SYSTEM';
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
}

export interface KioskDeviceTable {
  id: string;
  campus_code: string;
  name: string;
  software_version: string;
  enrolled_at: Date;
  last_contact_at: Date;
  revoked_at: Date | null;
}

/** One-time, expiring; only a keyed hash of the code is stored. */
export interface DeviceEnrolmentCodeTable {
  code_hash: string;
  campus_code: string;
  /** Null for a code issued from the CLI. */
  issued_by: string | null;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
  device_id: string | null;
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
  campuses: CampusTable;
  exam_sessions: ExamSessionTable;
  exam_session_province_windows: ExamSessionProvinceWindowTable;
  subjects: SubjectTable;
  offerings: OfferingTable;
  reference_tombstones: ReferenceTombstoneTable;
  reference_generation: ReferenceGenerationTable;
  roster_records: RosterRecordTable;
  cet4_scores: Cet4ScoreTable;
  passports: PassportTable;
  staff_accounts: StaffAccountTable;
  sessions: SessionTable;
  captchas: CaptchaTable;
  verification_codes: VerificationCodeTable;
  password_reset_tokens: PasswordResetTokenTable;
  throttle_events: ThrottleEventTable;
  message_outbox: MessageOutboxTable;
  outbound_messages: OutboundMessageTable;
  appeals: AppealTable;
  registrations: RegistrationTable;
  registration_agreements: RegistrationAgreementTable;
  enrolments: EnrolmentTable;
  payment_orders: PaymentOrderTable;
  payment_order_enrolments: PaymentOrderEnrolmentTable;
  payment_notices: PaymentNoticeTable;
  sandbox_payments: SandboxPaymentTable;
  admission_tickets: AdmissionTicketTable;
  review_applications: ReviewApplicationTable;
  review_events: ReviewEventTable;
  kiosk_devices: KioskDeviceTable;
  device_enrolment_codes: DeviceEnrolmentCodeTable;
  audit_log: AuditLogTable;
  sync_devices: SyncDeviceTable;
  sync_operations: SyncOperationTable;
  provisional_passports: ProvisionalPassportTable;
  offline_decision_grants: OfflineDecisionGrantTable;
  candidate_notices: CandidateNoticeTable;
}

/** A device's replay position (K3): the highest seq whose outcome is stored in `sync_operations`. */
export interface SyncDeviceTable {
  device_id: string;
  last_applied_seq: Int8;
  updated_at: Date;
}

/** The stored outcome of one replayed operation, returned again to a re-send. */
export interface SyncOperationTable {
  device_id: string;
  seq: Int8;
  kind: string;
  status: 'applied' | 'refused';
  result: ColumnType<unknown, string | null, string | null>;
  error: ColumnType<DomainError | null, string | null, string | null>;
  depends_on: Json<readonly number[]>;
  captured_at: Date;
  applied_at: Date;
}

/** A passport a kiosk captured offline: no SMS code could prove the mobile, so it waits for that proof. */
export interface ProvisionalPassportTable {
  passport_id: string;
  device_id: string;
  seq: Int8;
  captured_at: Date;
  mobile_verified_at: Date | null;
}

/** A teacher's offline decision grant for one device (K3): only the SHA-256 of its secret is stored. */
export interface OfflineDecisionGrantTable {
  id: string;
  secret_hash: string;
  staff_id: string;
  device_id: string;
  issued_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

/** The outcome of a replayed operation, for the candidate it concerns to see at the next login: codes and params, no personal data. */
export interface CandidateNoticeTable {
  id: string;
  passport_id: string;
  code: string;
  params: Json<Readonly<Record<string, string | number>>>;
  device_id: string;
  seq: Int8;
  created_at: Date;
  seen_at: Date | null;
}
