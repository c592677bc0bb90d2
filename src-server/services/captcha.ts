// Image captchas: issued with an expiry, stored only as a keyed hash of the answer, and good for one attempt.
import { randomInt } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import type { Executor } from '../db/database.js';
import type { ServiceContext } from './context.js';
import { refuseWith } from './outcome.js';
import { keyedHash, newId, sameHash } from './secrets.js';

export interface CaptchaImage {
  readonly text: string;
  readonly svg: string;
}

/** Draws the picture; injected so tests can read the answer the way a person reads the image. */
export interface CaptchaImages {
  draw(): CaptchaImage;
}

/** Four characters without the ones people confuse on a kiosk screen (0/O/o, 1/I/l/i). */
export const svgCaptchaImages: CaptchaImages = {
  draw() {
    const captcha = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1iIlL', background: '#ffffff' });
    return { text: captcha.text, svg: captcha.data };
  },
};

const READABLE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * For tests and the browser suite (config.captchaTestAnswers): the answer rides in the picture, so
 * a test reads it from the response the way a person reads the image.
 */
export const readableCaptchaImages: CaptchaImages = {
  draw() {
    const text = Array.from({ length: 4 }, () => READABLE_LETTERS[randomInt(READABLE_LETTERS.length)]).join('');
    return {
      text,
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="44" data-answer="${text}"><rect width="120" height="44" fill="#ffffff"/><text x="12" y="30" font-size="24" font-family="monospace">${text}</text></svg>`,
    };
  },
};

function answerHash(secret: string, captchaId: string, answer: string): string {
  // Case-insensitive, as every captcha on the seeds' pages is.
  return keyedHash(secret, 'captcha', captchaId, answer.trim().toUpperCase());
}

export async function issueCaptcha(ctx: ServiceContext): Promise<{ captchaId: string; svg: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const image = (ctx.config.captchaTestAnswers ? readableCaptchaImages : ctx.captchaImages).draw();
  const captchaId = newId();
  const expiresAt = new Date(now.getTime() + ctx.config.ttl.captchaMs);
  await ctx.db.deleteFrom('captchas').where('expires_at', '<', now).execute();
  await ctx.db.insertInto('captchas').values({ id: captchaId, answer_hash: answerHash(ctx.config.secret, captchaId, image.text), expires_at: expiresAt }).execute();
  return { captchaId, svg: image.svg, expiresAt };
}

/**
 * Deleting is what makes a captcha one-time, even for two requests racing with the same answer:
 * only one of them gets the row back. A wrong answer burns it too, so each guess needs a new picture.
 */
export async function spendCaptcha(db: Executor, ctx: ServiceContext, captcha: { readonly id: string; readonly answer: string }): Promise<void> {
  const row = await db.deleteFrom('captchas').where('id', '=', captcha.id).returning(['answer_hash', 'expires_at']).executeTakeFirst();
  const valid = row !== undefined && row.expires_at > ctx.clock.now() && sameHash(row.answer_hash, answerHash(ctx.config.secret, captcha.id, captcha.answer));
  if (!valid) refuseWith('CAPTCHA_INVALID', { field: 'captcha' });
}
