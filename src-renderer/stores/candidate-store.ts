// Everything of the candidate at the kiosk, in memory only: the session, forms in progress, qualification, registration and payment.
import { create } from 'zustand';
import type { ResponseOf } from '../../shared/contracts/http/endpoint.js';
import type { OrderView } from '../../shared/contracts/http/payment.js';
import type { PassportForm } from '../../shared/contracts/http/account-fields.js';
import type { RegistrationView } from '../../shared/contracts/http/registration.js';
import type { SessionView } from '../../shared/contracts/http/session.js';
import type { Identity } from '../../shared/domain/identity.js';
import type { KioskEndpoints } from '../platform/kiosk-api.js';

export type RegistrationPreview = ResponseOf<KioskEndpoints['previewRegistration']>;
export type RegisteredPassport = ResponseOf<KioskEndpoints['registerPassport']>;
export type QualificationResult = ResponseOf<KioskEndpoints['queryQualification']>;

interface CandidateState {
  readonly session: SessionView | null;
  /** The 注册 form as typed, kept while the 注册信息确认 step shows it back. */
  readonly passportDraft: PassportForm | null;
  readonly passportPreview: RegistrationPreview | null;
  readonly registeredPassport: RegisteredPassport | null;
  /** The identity last queried on the 资格信息查询 screen, and what the server answered. */
  readonly queriedIdentity: Identity | null;
  readonly qualification: QualificationResult | null;
  readonly registration: RegistrationView | null;
  /** The payment order on screen, polled until it settles. */
  readonly order: OrderView | null;
  patch(values: Partial<Omit<CandidateState, 'patch' | 'reset'>>): void;
  reset(): void;
}

const EMPTY = {
  session: null,
  passportDraft: null,
  passportPreview: null,
  registeredPassport: null,
  queriedIdentity: null,
  qualification: null,
  registration: null,
  order: null,
} as const;

export const useCandidateStore = create<CandidateState>()((set) => ({
  ...EMPTY,
  patch: (values) => set(values),
  reset: () => set(EMPTY),
}));
