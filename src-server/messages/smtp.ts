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
    async sendEmail({ to, subject, text }) {
      await transport.sendMail({ from: config.from, to, subject, text });
    },
    close() {
      transport.close();
    },
  };
}
