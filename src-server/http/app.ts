// The HTTP application: every route of the central server on one Fastify instance, built from injected dependencies.
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { refuse } from '../../shared/errors/domain-error.js';
import type { Clock } from '../../shared/domain/clock.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { MessageChannels } from '../messages/adapters.js';
import { svgCaptchaImages, type CaptchaImages } from '../services/captcha.js';
import type { ServiceContext } from '../services/context.js';
import { referenceReader, type ReferenceReader } from '../services/reference-cache.js';
import { errorBodyOf, statusOf } from './errors.js';
import { clientErrorHandler, frameworkErrors, isUnstorableText } from './framework-errors.js';
import { accountRoutes } from './routes/accounts.js';
import { adminRoutes } from './routes/admin.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { enrolmentRoutes } from './routes/enrolment.js';
import { paymentRoutes } from './routes/payment.js';
import { registrationRoutes } from './routes/registration.js';
import { ticketRoutes } from './routes/tickets.js';
import { deviceRoutes } from './routes/devices.js';
import { devOutboxRoutes } from './routes/dev-outbox.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { offlineRoutes } from './routes/offline.js';
import { reviewRoutes } from './routes/review.js';
import { sessionRoutes } from './routes/sessions.js';
import { staffRoutes } from './routes/staff.js';
import { syncRoutes } from './routes/sync.js';

export interface AppDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Config;
  readonly messages: MessageChannels;
  readonly logger: FastifyBaseLogger;
  /** svg-captcha unless a test draws pictures it can read. */
  readonly captchaImages?: CaptchaImages;
  /** The process's reference cache, shared with its background jobs; a new one by default. */
  readonly reference?: ReferenceReader;
}

export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    frameworkErrors,
    clientErrorHandler,
  });
  const ctx: ServiceContext = {
    db: deps.db,
    clock: deps.clock,
    config: deps.config,
    messages: deps.messages,
    captchaImages: deps.captchaImages ?? svgCaptchaImages,
    reference: deps.reference ?? referenceReader(),
  };

  app.register(cookie, { secret: deps.config.secret });

  // Fastify's own 4xx (malformed JSON, wrong media type, body too large) get our body and a code;
  // anything else is our fault: logged in full, answered without a trace of it.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = isUnstorableText(error) ? 400 : (error.statusCode ?? 500);
    if (status === 413) return reply.code(413).send(errorBodyOf(refuse('PAYLOAD_TOO_LARGE')));
    if (status >= 400 && status < 500) return reply.code(status).send(errorBodyOf(refuse('VALIDATION_FAILED')));
    request.log.error({ err: error }, 'request failed');
    return reply.code(statusOf('INTERNAL_ERROR')).send(errorBodyOf(refuse('INTERNAL_ERROR')));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBodyOf(refuse('NOT_FOUND'))));

  healthRoutes(app, ctx);
  sessionRoutes(app, ctx);
  accountRoutes(app, ctx);
  adminRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  registrationRoutes(app, ctx);
  enrolmentRoutes(app, ctx);
  paymentRoutes(app, ctx);
  ticketRoutes(app, ctx);
  reviewRoutes(app, ctx);
  deviceRoutes(app, ctx);
  importRoutes(app, ctx);
  staffRoutes(app, ctx);
  syncRoutes(app, ctx);
  offlineRoutes(app, ctx);
  if (deps.config.devPages) devOutboxRoutes(app, deps.db);
  return app;
}
