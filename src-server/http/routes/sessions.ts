// HTTP routes of login and logout: the session token goes into an HttpOnly cookie, never into a response body.
import type { FastifyInstance } from 'fastify';
import { sessionEndpoints, type SessionView } from '../../../shared/contracts/http/session.js';
import { ok } from '../../../shared/errors/domain-error.js';
import type { CandidateActor, StaffActor } from '../../services/actors.js';
import type { ServiceContext } from '../../services/context.js';
import * as sessions from '../../services/sessions.js';
import { anyone, clearSessionCookie, setSessionCookie } from '../auth.js';
import { route, type Wire } from '../route.js';

function sessionViewOf(actor: CandidateActor | StaffActor): Wire<SessionView> {
  if (actor.role === 'candidate') {
    return { role: 'candidate', passportId: actor.passportId, provinceCode: actor.provinceCode, expiresAt: actor.expiresAt, mobileVerificationRequired: actor.mobileUnverified };
  }
  const { role, staffId, username, displayName, schoolCode, expiresAt } = actor;
  return { role, staffId, username, displayName, schoolCode, expiresAt };
}

export function sessionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  route(app, ctx, sessionEndpoints.login, anyone, async (input, call) => {
    const result = await sessions.login(call.ctx, input, call.ip);
    if (!result.ok) return result;
    setSessionCookie(call.reply, call.ctx.config, result.value.token, result.value.actor.expiresAt);
    return ok(sessionViewOf(result.value.actor));
  });

  route(app, ctx, sessionEndpoints.staffLogin, anyone, async (input, call) => {
    const result = await sessions.staffLogin(call.ctx, input, call.ip);
    if (!result.ok) return result;
    setSessionCookie(call.reply, call.ctx.config, result.value.token, result.value.actor.expiresAt);
    return ok(sessionViewOf(result.value.actor));
  });

  route(app, ctx, sessionEndpoints.getSession, anyone, async (_input, call) => ok({ session: call.actor === null || call.actor.role === 'device' ? null : sessionViewOf(call.actor) }));

  route(app, ctx, sessionEndpoints.logout, anyone, async (_input, call) => {
    const loggedOut = call.token === null ? false : await sessions.logout(call.ctx, call.token);
    clearSessionCookie(call.reply, call.ctx.config);
    return ok({ loggedOut });
  });
}
