// What the services need to reach a candidate: an SMS and an email channel, each behind its own adapter.
export interface SmsMessage {
  readonly to: string;
  readonly text: string;
}

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface SmsSender {
  sendSms(message: SmsMessage): Promise<void>;
}

export interface EmailSender {
  sendEmail(message: EmailMessage): Promise<void>;
}

export interface MessageChannels {
  readonly sms: SmsSender;
  readonly email: EmailSender;
}
