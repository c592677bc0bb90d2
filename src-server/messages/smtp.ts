// The production email channel: SMTP through nodemailer.
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config/config.js';
import type { EmailSender } from './adapters.js';

export function smtpEmail(config: SmtpConfig): EmailSender & { close(): void } {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user === null ? {} : { auth: { user: config.user, pass: config.password ?? '' } }),
  });
  return {
    async sendEmail({ to, subject, text, idempotencyKey }) {
      // A repeat from the outbound dispatcher carries the same Message-ID, which receiving systems and
      // mail logs use to recognise it as the same message rather than a new one.
      const messageId = idempotencyKey === undefined ? {} : { messageId: `<${idempotencyKey}@outbound.cet-registration>` };
      await transport.sendMail({ from: config.from, to, subject, text, ...messageId });
    },
    close() {
      transport.close();
    },
  };
}
