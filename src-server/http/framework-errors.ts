// Refusals made outside our own checks (Fastify's router, Node's parser, PostgreSQL refusing text it cannot store), in our body with a code like every other 4xx.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { refuse } from '../../shared/errors/domain-error.js';
import { errorBodyOf } from './errors.js';

/** Router refusals (FST_ERR_MAX_PARAM_LENGTH, FST_ERR_BAD_URL): the caller's URL is wrong, with Fastify's status. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  void reply.code(status).send(errorBodyOf(refuse('VALIDATION_FAILED')));
}

/**
 * Node's HTTP parser refuses a request before Fastify sees it (oversized headers or URL, garbage);
 * Fastify's default answer there is its own JSON, so this writes ours on the raw socket instead.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(errorBodyOf(refuse(status === 431 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED')));
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** SQLSTATE 22021 (a NUL byte or invalid UTF-8) and 22P05: text PostgreSQL cannot store is the caller's input, not our failure. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

export function isUnstorableText(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && UNSTORABLE_TEXT.has(code);
}
