// What every service function is given: the database, the time, the settings, the ways out (messages, captcha pictures) and the cached reference data.
import type { Clock } from '../../shared/domain/clock.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { MessageChannels } from '../messages/adapters.js';
import type { CaptchaImages } from './captcha.js';
import type { ReferenceReader } from './reference-cache.js';

export interface ServiceContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Config;
  readonly messages: MessageChannels;
  readonly captchaImages: CaptchaImages;
  /** The cached reference data; a request's context holds a reader that knows the generation its session lookup saw. */
  readonly reference: ReferenceReader;
}
