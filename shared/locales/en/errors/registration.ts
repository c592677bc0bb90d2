// English messages for registration: qualification query and saving (R1–R3), subjects (R5, R6), cancelling and paying (R8, R9).
import type { registrationErrors as zh } from '../../zh-CN/errors/registration.js';

export const registrationErrors: Record<keyof typeof zh, string> = {
  REGISTRATION_AGREEMENT_NOT_ACCEPTED: 'Please read and accept the registration agreement first.',
  QUALIFICATION_QUERY_NOT_OPEN: 'The qualification query is not open yet.',
  QUALIFICATION_NOT_FOUND: 'No roster record was found. Please check the ID type, ID number and name.',
  REGISTRATION_NOT_OPEN: 'Registration has not opened yet: you can query qualifications now but not save a registration.',
  REGISTRATION_CLOSED: 'The registration period has ended.',
  REGISTRATION_CONFIRMATION_REQUIRED: 'Please tick to confirm that the roster and qualification information is correct.',
  REGISTRATION_PASSPORT_ALREADY_BOUND: 'A passport account can hold the registration of one candidate only.',
  REGISTRATION_CANDIDATE_ALREADY_BOUND: 'This candidate’s registration is already bound to another passport account.',
  SUBJECT_SELECTION_EMPTY: 'Please choose at least one subject.',
  SUBJECT_NOT_QUALIFIED: 'You are not qualified to take this subject.',
  SUBJECT_ALREADY_ENROLLED: 'You have already enrolled in this subject.',
  SUBJECT_LEVEL_CONFLICT: 'Only one written subject per level may be taken across English and other languages; more than one {{level}} written subject is selected. Please check.',
  OFFERING_NOT_OPEN: 'Registration for this subject has not opened yet.',
  OFFERING_CLOSED: 'Registration for this subject has ended.',
  OFFERING_FULL: 'This subject is full. Please choose another campus.',
  ORAL_WRITTEN_REQUIRED: 'Enrol in the written subject first; the oral exam of the same level can only be taken with it.',
  ORAL_CAMPUS_NOT_ALLOWED: 'Your written-exam campus does not allow oral exams at other campuses; please take the oral exam there.',
  ORAL_EXAM_DATE_NOT_SET: 'This oral subject has no exam date yet and cannot be taken.',
  ORAL_FEE_NOT_SET: 'This oral subject has no fee set yet and cannot be taken.',
  ENROLMENT_PAID_NOT_CANCELLABLE: 'A paid subject cannot be cancelled.',
  ENROLMENT_LOCKED_BY_GROUP_PAYMENT: 'This subject is locked by a group payment and cannot be cancelled. Please contact your school.',
  ENROLMENT_CANCEL_CLOSED: 'Unpaid subjects can only be cancelled during the registration period.',
  PAYMENT_ORAL_WITHOUT_WRITTEN: 'An oral subject must be paid together with, or after, the written subject of the same level.',
};
