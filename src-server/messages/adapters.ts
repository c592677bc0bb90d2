// What the services need to reach a candidate: an SMS and an email channel, each behind its own adapter.
/**
 * A message sent from the outbound outbox (src-server/messages/outbound.ts) carries its row's id as
 * `idempotencyKey`: delivery from there is at least once (a crash between the send and marking the
 * row sent sends it again), so an adapter that can recognise a repeat must drop it.
 */
export interface SmsMessage {
  readonly to: string;
  readonly text: string;
  readonly idempotencyKey?: string;
}

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly idempotencyKey?: string;
}

/**
 * The batch methods are optional: a channel that can take many messages in one call (the dev
 * outbox: one INSERT instead of one commit per message) offers them, and the outbound dispatcher
 * uses them for what it claimed. A batch is delivered or fails as a whole.
 */
export interface SmsSender {
  sendSms(message: SmsMessage): Promise<void>;
  sendSmsBatch?(messages: readonly SmsMessage[]): Promise<void>;
}

export interface EmailSender {
  sendEmail(message: EmailMessage): Promise<void>;
  sendEmailBatch?(messages: readonly EmailMessage[]): Promise<void>;
}

export interface MessageChannels {
  readonly sms: SmsSender;
  readonly email: EmailSender;
}
