// Structured JSON logs (pino) with the secrets people put in URLs and headers kept out of them.
import { pino, type Logger } from 'pino';
import type { Config } from '../config/config.js';

/** Reset-link tokens travel in a path segment; everything after /email/ is a secret. */
export function urlForLog(url: string): string {
  return url.replace(/(\/api\/password-reset\/email\/)[^/?#]+/, '$1[redacted]');
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: urlForLog(req.url), ip: req.ip }),
    },
  });
}
