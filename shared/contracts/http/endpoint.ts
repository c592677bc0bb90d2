// One HTTP endpoint described once: the server registers it, the main process forwards to it, the
// renderer calls it by name. Request and response schemas are the single source of truth.
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an endpoint; the server enforces it, clients use it to pick credentials.
 * `staffDevice`: a teacher or admin logged in on an enrolled device, so the request carries both
 * the staff session (cookie) and the device credential (bearer), e.g. an offline decision grant,
 * which is issued to one teacher on one machine.
 */
export type Audience = 'public' | 'candidate' | 'teacher' | 'admin' | 'staff' | 'device' | 'staffDevice';

export interface Endpoint<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly method: HttpMethod;
  /** Fastify-style path, `:param` segments filled from the request object of the same name. */
  readonly path: string;
  readonly audience: Audience;
  readonly request: Req;
  readonly response: Res;
}

export function endpoint<Req extends z.ZodType, Res extends z.ZodType>(spec: Endpoint<Req, Res>): Endpoint<Req, Res> {
  return spec;
}

export type RequestOf<E> = E extends Endpoint<infer Req, z.ZodType> ? z.input<Req> : never;
export type ResponseOf<E> = E extends Endpoint<z.ZodType, infer Res> ? z.output<Res> : never;

/** The body of every refusal: a stable code, the field it concerns, and the message in both languages. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    field: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    message: z.object({ 'zh-CN': z.string(), en: z.string() }),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
