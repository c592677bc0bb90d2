// Which of the six K1 progress steps a kiosk screen belongs to; the 报名信息 page moves along as subjects are taken and paid.
import type { RegistrationView } from '../../../shared/contracts/http/registration.js';
import type { ProgressStep } from '../../app/progress-steps.js';
import type { ScreenName } from '../../stores/flow-store.js';

const FIXED: Partial<Record<ScreenName, ProgressStep>> = {
  home: 'register',
  register: 'register',
  registerConfirm: 'register',
  registerDone: 'register',
  login: 'login',
  passwordReset: 'login',
  resetLink: 'login',
  retrieval: 'login',
  welcome: 'qualification',
  agreement: 'qualification',
  qualification: 'qualification',
  qualificationConfirm: 'qualification',
  review: 'qualification',
  written: 'written',
  oral: 'oral',
  receipt: 'done',
  tickets: 'done',
  offlineStart: 'register',
  offlinePassport: 'register',
  offlineLogin: 'login',
  offlineRegistration: 'qualification',
  offlineWritten: 'written',
  offlineOral: 'oral',
  // Not 报名成功: nothing is paid (payment needs the server), so the capture ends at the last step it reached.
  offlineSummary: 'oral',
  verifyMobile: 'login',
};

export function registrationStep(registration: RegistrationView | null): ProgressStep {
  if (registration === null) return 'qualification';
  const all = [...registration.written.enrolments, ...registration.oral.enrolments];
  if (all.length > 0 && registration.unpaidTotalFen === 0 && all.every((enrolment) => enrolment.paymentStatus === 'PAID')) return 'done';
  return registration.oral.enrolments.length > 0 ? 'oral' : 'written';
}

export function screenStep(screen: ScreenName, registration: RegistrationView | null): ProgressStep {
  return FIXED[screen] ?? registrationStep(registration);
}
