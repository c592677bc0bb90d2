// R1–R3: when a passport may query qualifications and when it may save (bind) a registration.
import { registrationWindowFor, type ExamSession } from '../domain/exam-session.js';
import type { Identity } from '../domain/identity.js';
import type { RosterRecord } from '../domain/roster-record.js';
import type { ProvinceCode } from '../domain/school.js';
import { windowState } from '../domain/time-window.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { normalizeName } from './contact.js';
import { normalizeIdNumber } from './id-number.js';

/** R1: the registration agreement comes before the qualification query. */
export function checkRegistrationAgreement(accepted: boolean): DomainError | null {
  return accepted ? null : refuse('REGISTRATION_AGREEMENT_NOT_ACCEPTED', { field: 'agreementAccepted' });
}

/**
 * R2: queries open at the session's query time, which may come before registration opens, and end
 * with the candidate's registration window, after which a query could lead nowhere.
 */
export function checkQualificationQueryWindow(session: ExamSession, now: Date, provinceCode?: ProvinceCode): DomainError | null {
  if (now.getTime() < session.qualificationQueryOpensAt.getTime()) return refuse('QUALIFICATION_QUERY_NOT_OPEN');
  const closed = windowState(registrationWindowFor(session, provinceCode), now) === 'CLOSED';
  return closed ? refuse('REGISTRATION_CLOSED') : null;
}

export function canQueryQualification(session: ExamSession, now: Date, provinceCode?: ProvinceCode): boolean {
  return checkQualificationQueryWindow(session, now, provinceCode) === null;
}

/** R2: the query's three inputs find a roster record by exact identity, after the usual tidying. */
export function rosterRecordMatches(record: RosterRecord, query: Identity): boolean {
  return (
    record.idType === query.idType &&
    normalizeIdNumber(record.idType, record.idNumber) === normalizeIdNumber(query.idType, query.idNumber) &&
    normalizeName(record.name) === normalizeName(query.name)
  );
}

/** R2/R3: before the window a passport may look (for several candidates) but not save. */
export function checkRegistrationWindow(session: ExamSession, now: Date, provinceCode?: ProvinceCode): DomainError | null {
  switch (windowState(registrationWindowFor(session, provinceCode), now)) {
    case 'NOT_OPEN':
      return refuse('REGISTRATION_NOT_OPEN');
    case 'CLOSED':
      return refuse('REGISTRATION_CLOSED');
    case 'OPEN':
      return null;
  }
}

export function canSaveRegistration(session: ExamSession, now: Date, provinceCode?: ProvinceCode): boolean {
  return checkRegistrationWindow(session, now, provinceCode) === null;
}

/** R3: saving also needs the candidate's tick that the roster and qualification data are right. */
export function checkSaveRegistration(input: {
  readonly session: ExamSession;
  readonly now: Date;
  readonly provinceCode?: ProvinceCode;
  readonly rosterConfirmed: boolean;
}): DomainError | null {
  return (
    checkRegistrationWindow(input.session, input.now, input.provinceCode) ??
    (input.rosterConfirmed ? null : refuse('REGISTRATION_CONFIRMATION_REQUIRED', { field: 'rosterConfirmed' }))
  );
}
