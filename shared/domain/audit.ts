// The audit log's vocabulary: who can act, the actions it records, and which recorded details may be shown back to an admin.

export const AUDIT_ACTOR_KINDS = ['CANDIDATE', 'TEACHER', 'ADMIN', 'DEVICE', 'SYSTEM'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/**
 * Every action the server records, by its stable dotted name. The admin's screen offers these as
 * its action filter and names each in the staff locale files; an action recorded under a name not
 * listed here still lists and filters, shown by its dotted name.
 */
export const AUDIT_ACTIONS = [
  'review.approved',
  'review.rejected',
  'review.repeat_submitter_flagged',
  'review.repeat_submitter_cleared',
  'review.filed_on_behalf',
  'group_payment.created',
  'group_payment.released',
  'arrangement.ran',
  'roster.imported',
  'cet4_scores.imported',
  'appeal.approved',
  'appeal.rejected',
  'registration.rebound',
  'passport.profile_changed',
  'device.enrolment_code_issued',
  'device.enrolled',
  'sync.offline_grant_issued',
  'sync.operation_discarded',
  'sync.operation_expired',
  'sync.outbox_retry',
  'sync.outbox_discard',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a recorded action is called in the log: lower-case words joined by dots, e.g. `review.approved`. */
export const AUDIT_ACTION_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

export type AuditDetailValue = string | number | boolean | null;

/**
 * How a shown detail reads: `code` an identifier (school or campus code, opaque passport or device
 * id, provider), `count` a whole number, `fen` money, `instant` a UTC time, `flag` yes or no.
 */
export type AuditDetailKind = 'code' | 'count' | 'fen' | 'instant' | 'flag';

/**
 * The details an admin may read back, each with the only kind it may have. Anything else stays in
 * the log but is withheld from the API and the screen: free text (reasons, notes, file names) can
 * carry a candidate's personal data, and ID and ticket numbers are personal data even masked. An
 * allowed key holding the wrong kind of value (a name under `schoolCode`) is withheld too.
 */
export const SHOWN_AUDIT_DETAILS = {
  schoolCode: 'code',
  campusCode: 'code',
  passportId: 'code',
  fromPassportId: 'code',
  toPassportId: 'code',
  deviceId: 'code',
  issuedBy: 'code',
  provider: 'code',
  proofKind: 'code',
  idType: 'code',
  encoding: 'code',
  voidedKind: 'code',
  kind: 'code',
  softwareVersion: 'code',
  enrolments: 'count',
  rows: 'count',
  seatsPerRoom: 'count',
  newlyArranged: 'count',
  alreadyArranged: 'count',
  submissionCount: 'count',
  seq: 'count',
  amountFen: 'fen',
  expiresAt: 'instant',
  capturedAt: 'instant',
  email: 'flag',
  mobile: 'flag',
  identity: 'flag',
} as const satisfies Readonly<Record<string, AuditDetailKind>>;
export type ShownAuditDetail = keyof typeof SHOWN_AUDIT_DETAILS;

const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function fits(kind: AuditDetailKind, value: AuditDetailValue): boolean {
  if (value === null) return true;
  switch (kind) {
    case 'code':
      return typeof value === 'string' && CODE.test(value);
    case 'count':
    case 'fen':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'instant':
      return typeof value === 'string' && INSTANT.test(value);
    case 'flag':
      return typeof value === 'boolean';
  }
}

export function isShownAuditDetail(key: string): key is ShownAuditDetail {
  return Object.hasOwn(SHOWN_AUDIT_DETAILS, key);
}

/** The details safe to show, and the names of those recorded but withheld, both in the recorded order. */
export function splitAuditDetails(details: Readonly<Record<string, AuditDetailValue>>): { shown: Record<string, AuditDetailValue>; withheld: string[] } {
  const shown: Record<string, AuditDetailValue> = {};
  const withheld: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (isShownAuditDetail(key) && fits(SHOWN_AUDIT_DETAILS[key], value)) shown[key] = value;
    else withheld.push(key);
  }
  return { shown, withheld };
}
