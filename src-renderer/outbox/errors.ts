// The outbox's refusals, thrown to the caller: `refusal` is the bridge's error shape, so `refusalMessage(error.refusal, locale)` shows it in either language.
import type { IpcError } from '../../shared/contracts/ipc.js';
import type { ErrorCode } from '../../shared/errors/domain-error.js';

export class OutboxError extends Error {
  readonly refusal: IpcError;

  /** `code` is one of the shared catalogue (the outbox codes are in shared/locales/zh-CN/errors/outbox.ts), or a refusal the host passed on. */
  constructor(code: ErrorCode | IpcError, params?: Readonly<Record<string, string | number>>, field?: string) {
    const refusal: IpcError =
      typeof code === 'string' ? { code, ...(params === undefined ? {} : { params: { ...params } }), ...(field === undefined ? {} : { field }) } : code;
    super(`${refusal.code}${refusal.params ? ` ${JSON.stringify(refusal.params)}` : ''}`);
    this.name = 'OutboxError';
    this.refusal = refusal;
  }

  get code(): string {
    return this.refusal.code;
  }
}
