// Who is calling: the session from the HttpOnly cookie or a bearer token, and the guards routes declare.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../../shared/contracts/http/endpoint.js';
import { refuse, type Result } from '../../shared/errors/domain-error.js';
import type { Config } from '../config/config.js';
import type { Actor, CandidateActor, DeviceActor, StaffActor, StaffOnDevice } from '../services/actors.js';

export const SESSION_COOKIE = 'cet_session';

/** The session cookie's token, when it carries a valid signature. */
export function cookieTokenOf(request: FastifyRequest): string | null {
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie === undefined) return null;
  const unsigned = request.unsignCookie(cookie);
  return unsigned.valid ? unsigned.value : null;
}

/** A bearer token (enrolled devices) wins over a cookie; a cookie must carry a valid signature. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  return cookieTokenOf(request);
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', expires: expiresAt, signed: true });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
}

/**
 * What a route needs of its caller. `hadToken` tells an expired session (401 SESSION_EXPIRED) from
 * none at all. A guard that sets `withCookieSession` also gets the cookie's session resolved on its
 * own (`cookieActor`), beside the bearer's that `actor` holds when both are sent.
 */
export interface Guard<A> {
  readonly audience: Audience;
  readonly withCookieSession?: boolean;
  admit(actor: Actor | null, hadToken: boolean, cookieActor?: Actor | null): Result<A>;
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

/**
 * Every candidate route but the mobile check itself and the notices: a passport registered offline
 * proves its mobile by SMS first (K3), so an unproven number cannot go on to register and pay.
 */
export const requireCandidate: Guard<CandidateActor> = {
  audience: 'candidate',
  admit(actor, hadToken) {
    const admitted = requireAnyCandidate.admit(actor, hadToken);
    if (admitted.ok && admitted.value.mobileUnverified) return { ok: false, error: refuse('MOBILE_VERIFICATION_REQUIRED') };
    return admitted;
  },
};
/** A candidate whose mobile may still be unproven: the SMS check, the notices. */
export const requireAnyCandidate = requireRole('candidate', (actor): actor is CandidateActor => actor.role === 'candidate');
/** A teacher acts for `actor.schoolCode` only; services that touch a school's data must compare it. */
export const requireTeacher = requireRole('teacher', (actor): actor is StaffActor & { role: 'teacher' } => actor.role === 'teacher');
export const requireAdmin = requireRole('admin', (actor): actor is StaffActor & { role: 'admin' } => actor.role === 'admin');
export const requireStaff = requireRole('staff', (actor): actor is StaffActor => actor.role === 'teacher' || actor.role === 'admin');
/** An enrolled kiosk acts for `actor.campusCode` only. */
export const requireDevice = requireRole('device', (actor): actor is DeviceActor => actor.role === 'device');

/** A staff member's cookie session and the device's bearer credential in the same request; both must be valid. */
export const requireStaffOnDevice: Guard<StaffOnDevice> = {
  audience: 'staffDevice',
  withCookieSession: true,
  admit(actor, hadToken, cookieActor) {
    const device = requireDevice.admit(actor, hadToken);
    if (!device.ok) return device;
    const staff = requireStaff.admit(cookieActor ?? null, false);
    if (!staff.ok) return staff;
    return { ok: true, value: { staff: staff.value, device: device.value } };
  },
};
