// The server endpoints the staff window calls, by name and fully typed, through the host bridge; a "logged out" refusal ends the staff session on screen.
import { createCaptcha } from '../../../shared/contracts/http/captcha.js';
import { listProvinces } from '../../../shared/contracts/http/catalogue.js';
import type { RequestOf, ResponseOf } from '../../../shared/contracts/http/endpoint.js';
import { importCet4Scores, importRoster } from '../../../shared/contracts/http/imports.js';
import { issueOfflineGrant, listDeviceOperations, recordOutboxAction } from '../../../shared/contracts/http/offline.js';
import { createGroupPayment, getGroupPayment, listGroupPayable, releaseGroupPayment } from '../../../shared/contracts/http/payment.js';
import { decideReview, fileReviewOnBehalf, flagRepeatSubmitter, getReviewEvidence, listReviews } from '../../../shared/contracts/http/review.js';
import { getSession, logout, staffLogin } from '../../../shared/contracts/http/session.js';
import { campusOverview, issueDeviceEnrolmentCode, listAuditLog } from '../../../shared/contracts/http/staff.js';
import { runArrangement } from '../../../shared/contracts/http/tickets.js';
import type { IpcResult } from '../../../shared/contracts/ipc.js';
import { createApiClient, type ApiClient } from '../../platform/api-client.js';
import { platformBridge } from '../../platform/bridge.js';
import { resetStaffStores } from '../../stores/staff-session.js';

export const staffEndpoints = {
  createCaptcha,
  listProvinces,
  staffLogin,
  getSession,
  logout,
  listReviews,
  getReviewEvidence,
  decideReview,
  flagRepeatSubmitter,
  fileReviewOnBehalf,
  campusOverview,
  listGroupPayable,
  createGroupPayment,
  getGroupPayment,
  releaseGroupPayment,
  importRoster,
  importCet4Scores,
  issueDeviceEnrolmentCode,
  issueOfflineGrant,
  recordOutboxAction,
  listDeviceOperations,
  runArrangement,
  listAuditLog,
};

export type StaffEndpoints = typeof staffEndpoints;

let client: ApiClient<StaffEndpoints> | undefined;

const LOGGED_OUT_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

export async function staffCall<K extends keyof StaffEndpoints & string>(endpoint: K, request: RequestOf<StaffEndpoints[K]>): Promise<IpcResult<ResponseOf<StaffEndpoints[K]>>> {
  client ??= createApiClient<StaffEndpoints>(platformBridge());
  const result = await client.invoke(endpoint, request);
  if (!result.ok && LOGGED_OUT_CODES.has(result.error.code)) resetStaffStores();
  return result;
}
