// The endpoints a window may call through apiInvoke: every endpoint of the shared HTTP contract, by its export name.
import type { Endpoint } from '../../shared/contracts/http/endpoint.js';
import * as appeals from '../../shared/contracts/http/appeals.js';
import * as captcha from '../../shared/contracts/http/captcha.js';
import * as catalogue from '../../shared/contracts/http/catalogue.js';
import * as enrolment from '../../shared/contracts/http/enrolment.js';
import * as imports from '../../shared/contracts/http/imports.js';
import * as passport from '../../shared/contracts/http/passport.js';
import * as passwordReset from '../../shared/contracts/http/password-reset.js';
import * as payment from '../../shared/contracts/http/payment.js';
import * as rebinding from '../../shared/contracts/http/rebinding.js';
import * as registration from '../../shared/contracts/http/registration.js';
import * as review from '../../shared/contracts/http/review.js';
import * as session from '../../shared/contracts/http/session.js';
import * as staff from '../../shared/contracts/http/staff.js';
import * as tickets from '../../shared/contracts/http/tickets.js';
import type { EndpointRegistry } from './forwarder.js';

/**
 * Not for a window: the payment provider's server-to-server notice, and the sandbox provider's
 * HTML pay page that a phone opens from the QR code. Health (the connectivity monitor's), device
 * enrolment and sync are not collected at all: they have their own IPC calls, which keep the
 * credential in main.
 */
const NOT_FOR_WINDOWS = new Set(['paymentCallback', 'sandboxPayPage', 'sandboxSettle']);

function isEndpoint(value: unknown): value is Endpoint {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Endpoint>;
  return typeof candidate.method === 'string' && typeof candidate.path === 'string' && typeof candidate.audience === 'string' && candidate.request !== undefined && candidate.response !== undefined;
}

/** Endpoints among the exports of contract modules; a name exported twice is a mistake worth failing on. */
export function collectEndpoints(modules: readonly Readonly<Record<string, unknown>>[], exclude: ReadonlySet<string> = new Set()): EndpointRegistry {
  const registry: Record<string, Endpoint> = {};
  for (const module of modules) {
    for (const [name, value] of Object.entries(module)) {
      if (!isEndpoint(value) || exclude.has(name)) continue;
      if (Object.hasOwn(registry, name)) throw new Error(`endpoint ${name} is exported by two contract modules`);
      registry[name] = value;
    }
  }
  return registry;
}

export const forwardedEndpoints: EndpointRegistry = collectEndpoints(
  [appeals, captcha, catalogue, enrolment, imports, passport, passwordReset, payment, rebinding, registration, review, session, staff, tickets],
  NOT_FOR_WINDOWS,
);
