// The server endpoints the kiosk calls, by name and fully typed, through the host bridge (no HTTP from the page).
import { createCaptcha } from '../../shared/contracts/http/captcha.js';
import { getExamSession, listProvinces } from '../../shared/contracts/http/catalogue.js';
import { cancelEnrolment, enrolOral, enrolWritten, listOralCampuses, listOralChoices, listWrittenChoices } from '../../shared/contracts/http/enrolment.js';
import { sendMobileVerificationCode, takeNotices, verifyMobile } from '../../shared/contracts/http/offline.js';
import { getProfile, previewRegistration, registerPassport, retrieveAccount, sendRegistrationSmsCode } from '../../shared/contracts/http/passport.js';
import { checkResetLink, resetPasswordByEmail, resetPasswordBySms, sendResetEmail, sendResetSmsCode } from '../../shared/contracts/http/password-reset.js';
import { createOrder, getOrder, refreshOrder } from '../../shared/contracts/http/payment.js';
import { acceptAgreement, getMyRegistration, queryQualification, saveRegistration } from '../../shared/contracts/http/registration.js';
import { deleteReview, getMyReview, resubmitReview, submitReview } from '../../shared/contracts/http/review.js';
import { getSession, login, logout } from '../../shared/contracts/http/session.js';
import { listMyTickets } from '../../shared/contracts/http/tickets.js';
import type { IpcError } from '../../shared/contracts/ipc.js';
import { createApiClient, type ApiClient } from './api-client.js';
import { platformBridge } from './bridge.js';

export const kioskEndpoints = {
  createCaptcha,
  getExamSession,
  listProvinces,
  sendRegistrationSmsCode,
  previewRegistration,
  registerPassport,
  getProfile,
  retrieveAccount,
  sendResetSmsCode,
  resetPasswordBySms,
  sendResetEmail,
  checkResetLink,
  resetPasswordByEmail,
  login,
  logout,
  getSession,
  acceptAgreement,
  queryQualification,
  saveRegistration,
  getMyRegistration,
  getMyReview,
  submitReview,
  resubmitReview,
  deleteReview,
  listWrittenChoices,
  enrolWritten,
  listOralCampuses,
  listOralChoices,
  enrolOral,
  cancelEnrolment,
  createOrder,
  getOrder,
  refreshOrder,
  listMyTickets,
  // A passport captured offline (K3): its mobile's SMS check, and the outcomes of what was captured.
  sendMobileVerificationCode,
  verifyMobile,
  takeNotices,
};

export type KioskEndpoints = typeof kioskEndpoints;
export type KioskApi = ApiClient<KioskEndpoints>;

let client: KioskApi | undefined;

export function kioskApi(): KioskApi {
  client ??= createApiClient<KioskEndpoints>(platformBridge());
  return client;
}

/** A refused call: the server's code, the field it concerns and its message in both languages. */
export type Refusal = IpcError;

/** Codes that mean the candidate is no longer logged in: the flow goes back to the login screen. */
export const LOGGED_OUT_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);
