// The channels a server process (or the CLI acting for one) sends through, chosen by the settings.
import type { Clock } from '../../shared/domain/clock.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { MessageChannels } from './adapters.js';
import { outboxEmail, outboxSms } from './outbox.js';
import { smtpEmail } from './smtp.js';

/** No SMS gateway is contracted yet, so SMS always goes to the outbox; email may go out over SMTP. */
export function messageChannels(config: Config, db: Db, clock: Clock): MessageChannels & { close(): void } {
  const sms = outboxSms(db, clock);
  if (config.email.transport === 'smtp') {
    const email = smtpEmail(config.email);
    return { sms, email, close: () => email.close() };
  }
  return { sms, email: outboxEmail(db, clock), close: () => undefined };
}
