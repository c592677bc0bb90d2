// The image captcha (A4, A5, A7): issued here, answered once inside another request.
import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { instant } from './fields.js';

export const createCaptcha = endpoint({
  method: 'POST',
  path: '/api/captchas',
  audience: 'public',
  request: z.object({}),
  /** `svg` is the picture itself, ready for an <img src="data:image/svg+xml,…">. */
  response: z.object({ captchaId: z.string(), svg: z.string(), expiresAt: instant }),
});
