// The browser suite's readable captchas: on in development and test when asked for, refused at start in production.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src-server/config/config.js';
import { readableCaptchaImages } from '../../src-server/services/captcha.js';

const PRODUCTION_SECRET = 'a-production-secret-that-is-long-enough-0123456789';

describe('CAPTCHA_TEST_ANSWERS', () => {
  it('is off unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).captchaTestAnswers).toBe(false);
  });

  it('turns readable captchas on in development and test', () => {
    expect(loadConfig({ NODE_ENV: 'development', CAPTCHA_TEST_ANSWERS: '1' }).captchaTestAnswers).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', CAPTCHA_TEST_ANSWERS: 'true' }).captchaTestAnswers).toBe(true);
  });

  it('refuses to start in production with it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: PRODUCTION_SECRET, CAPTCHA_TEST_ANSWERS: '1' })).toThrow(/CAPTCHA_TEST_ANSWERS/);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: PRODUCTION_SECRET }).captchaTestAnswers).toBe(false);
  });

  it('draws a picture that carries its own answer', () => {
    const image = readableCaptchaImages.draw();
    expect(image.text).toMatch(/^[A-Z2-9]{4}$/);
    expect(image.svg).toContain(`data-answer="${image.text}"`);
  });
});
