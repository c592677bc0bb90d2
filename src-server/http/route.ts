// Registers one shared endpoint: parse the request with its schema, admit the caller, call the handler, send the result.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Endpoint } from '../../shared/contracts/http/endpoint.js';
import type { Result } from '../../shared/errors/domain-error.js';
import { refuse } from '../../shared/errors/domain-error.js';
import type { ServiceContext } from '../services/context.js';
import { resolveSession } from '../services/sessions.js';
import { cookieTokenOf, sessionTokenOf, type Guard } from './auth.js';
import { errorBodyOf, refusalOfIssues, statusOf } from './errors.js';

/** Instants travel as ISO strings; handlers may hand over Dates, which JSON serialisation turns into exactly that. */
export type Wire<T> = T extends string ? string | Date : T extends readonly (infer U)[] ? readonly Wire<U>[] : T extends object ? { readonly [K in keyof T]: Wire<T[K]> } : T;

export interface Call<A> {
  readonly actor: A;
  /**
   * The services' context for this request: the route's, with a reference reader that knows the
   * generation the session lookup read (src-server/services/reference-cache.ts).
   */
  readonly ctx: ServiceContext;
  readonly ip: string;
  /** The caller's session token, when it sent one (logout ends it, a password change keeps it). */
  readonly token: string | null;
  readonly reply: FastifyReply;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** GET and DELETE carry their input in the query string, the others in a JSON object body; path parameters join either. */
function rawInput(request: FastifyRequest): Record<string, unknown> | null {
  const carrier = request.method === 'GET' || request.method === 'DELETE' ? request.query : (request.body ?? {});
  if (!isPlainObject(carrier)) return null;
  return { ...carrier, ...(request.params as Record<string, unknown>) };
}

export function route<Req extends z.ZodType, Res extends z.ZodType, A>(
  app: FastifyInstance,
  ctx: ServiceContext,
  spec: Endpoint<Req, Res>,
  guard: Guard<A>,
  handler: (input: z.output<Req>, call: Call<A>) => Promise<Result<Wire<z.output<Res>>>>,
): void {
  if (guard.audience !== spec.audience) throw new Error(`${spec.method} ${spec.path} is for ${spec.audience}, but its route guards ${guard.audience}`);
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      const token = sessionTokenOf(request);
      const session = token === null ? null : await resolveSession(ctx, token);
      const cookieToken = guard.withCookieSession === true ? cookieTokenOf(request) : null;
      const cookieSession = cookieToken === null ? null : await resolveSession(ctx, cookieToken);
      const admitted = guard.admit(session?.actor ?? null, token !== null, cookieSession?.actor);
      if (!admitted.ok) return reply.code(statusOf(admitted.error.code)).send(errorBodyOf(admitted.error));
      const raw = rawInput(request);
      const parsed = raw === null ? null : spec.request.safeParse(raw, { reportInput: true });
      if (parsed === null || !parsed.success) {
        const error = parsed === null ? refuse('VALIDATION_FAILED') : refusalOfIssues(parsed.error.issues);
        return reply.code(statusOf(error.code)).send(errorBodyOf(error));
      }
      const requestCtx: ServiceContext = { ...ctx, reference: ctx.reference.forRequest(session?.referenceGeneration ?? null) };
      const result = await handler(parsed.data, { actor: admitted.value, ctx: requestCtx, ip: request.ip, token, reply });
      if (!result.ok) return reply.code(statusOf(result.error.code)).send(errorBodyOf(result.error));
      if (ctx.config.checkResponses) {
        const checked = spec.response.safeParse(JSON.parse(JSON.stringify(result.value)));
        if (!checked.success) throw new Error(`${spec.method} ${spec.path} answered outside its contract: ${checked.error.message}`);
      }
      return reply.code(200).send(result.value);
    },
  });
}
