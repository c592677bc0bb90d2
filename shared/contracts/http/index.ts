// Every endpoint of the central server, by its export name: one table the server, the main
// process's forwarder and the route fuzzer all read, so none of them keeps a list of its own.
import * as appeals from './appeals.js';
import * as captcha from './captcha.js';
import * as catalogue from './catalogue.js';
import type { Endpoint } from './endpoint.js';
import * as enrolment from './enrolment.js';
import * as health from './health.js';
import * as imports from './imports.js';
import * as offline from './offline.js';
import * as passport from './passport.js';
import * as passwordReset from './password-reset.js';
import * as payment from './payment.js';
import * as rebinding from './rebinding.js';
import * as registration from './registration.js';
import * as review from './review.js';
import * as session from './session.js';
import * as staff from './staff.js';
import * as tickets from './tickets.js';

export type EndpointRegistry = Readonly<Record<string, Endpoint>>;

function isEndpoint(value: unknown): value is Endpoint {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Endpoint>;
  return typeof candidate.method === 'string' && typeof candidate.path === 'string' && typeof candidate.audience === 'string' && candidate.request !== undefined && candidate.response !== undefined;
}

/** Endpoints among the exports of contract modules; a name exported twice is a mistake worth failing on. */
export function collectEndpoints(modules: readonly Readonly<Record<string, unknown>>[]): EndpointRegistry {
  const registry: Record<string, Endpoint> = {};
  for (const module of modules) {
    for (const [name, value] of Object.entries(module)) {
      if (!isEndpoint(value)) continue;
      if (Object.hasOwn(registry, name)) throw new Error(`endpoint ${name} is exported by two contract modules`);
      registry[name] = value;
    }
  }
  return registry;
}

/** The registry less the named endpoints. */
export function withoutEndpoints(registry: EndpointRegistry, names: ReadonlySet<string>): EndpointRegistry {
  return Object.fromEntries(Object.entries(registry).filter(([name]) => !names.has(name)));
}

export const httpEndpoints: EndpointRegistry = collectEndpoints([
  appeals,
  captcha,
  catalogue,
  enrolment,
  health,
  imports,
  offline,
  passport,
  passwordReset,
  payment,
  rebinding,
  registration,
  review,
  session,
  staff,
  tickets,
]);
