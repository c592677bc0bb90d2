// What every service function is given: the database, the time, the settings and the ways out (messages, captcha pictures).
import type { Clock } from '../../shared/domain/clock.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { MessageChannels } from '../messages/adapters.js';
import type { CaptchaImages } from './captcha.js';

export interface ServiceContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Config;
  readonly messages: MessageChannels;
  readonly captchaImages: CaptchaImages;
}
