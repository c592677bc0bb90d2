// Who is calling: the session from the HttpOnly cookie or a bearer token, and the guards routes declare.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../../shared/contracts/http/endpoint.js';
import { refuse, type Result } from '../../shared/errors/domain-error.js';
import type { Config } from '../config/config.js';
import type { Actor, CandidateActor, DeviceActor, StaffActor } from '../services/actors.js';

export const SESSION_COOKIE = 'cet_session';

/** A bearer token (enrolled devices) wins over a cookie; a cookie must carry a valid signature. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie === undefined) return null;
  const unsigned = request.unsignCookie(cookie);
  return unsigned.valid ? unsigned.value : null;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', expires: expiresAt, signed: true });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
}

/** What a route needs of its caller. `hadToken` tells an expired session (401 SESSION_EXPIRED) from none at all. */
export interface Guard<A> {
  readonly audience: Audience;
  admit(actor: Actor | null, hadToken: boolean): Result<A>;
}

function requireRole<A extends Actor>(audience: Audience, accepts: (actor: Actor) => actor is A): Guard<A> {
  return {
    audience,
    admit(actor, hadToken) {
      if (actor === null) return { ok: false, error: refuse(hadToken ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED') };
      return accepts(actor) ? { ok: true, value: actor } : { ok: false, error: refuse('FORBIDDEN') };
    },
  };
}

export const anyone: Guard<Actor | null> = { audience: 'public', admit: (actor) => ({ ok: true, value: actor }) };

export const requireCandidate = requireRole('candidate', (actor): actor is CandidateActor => actor.role === 'candidate');
/** A teacher acts for `actor.schoolCode` only; services that touch a school's data must compare it. */
export const requireTeacher = requireRole('teacher', (actor): actor is StaffActor & { role: 'teacher' } => actor.role === 'teacher');
export const requireAdmin = requireRole('admin', (actor): actor is StaffActor & { role: 'admin' } => actor.role === 'admin');
export const requireStaff = requireRole('staff', (actor): actor is StaffActor => actor.role === 'teacher' || actor.role === 'admin');
/** An enrolled kiosk acts for `actor.campusCode` only. */
export const requireDevice = requireRole('device', (actor): actor is DeviceActor => actor.role === 'device');
