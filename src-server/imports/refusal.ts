// Refusal values of the import, payment and arrangement modules, whose codes live in errors/import-payment.ts.
import type { DomainError, ErrorCode } from '../../shared/errors/domain-error.js';
import type { ImportPaymentErrorCode } from '../../shared/locales/zh-CN/errors/import-payment.js';

/**
 * A DomainError whose code may also be one of import-payment.ts. Once that file is spread into both
 * locale catalogues the two code sets coincide and this type is exactly DomainError, so the server's
 * error handler can send it as it sends every other refusal.
 */
export type Refusal = Omit<DomainError, 'code'> & { readonly code: ErrorCode | ImportPaymentErrorCode };

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Refusal };

export function refusal(code: Refusal['code'], details: Omit<Refusal, 'code'> = {}): Refusal {
  return { code, ...details };
}

export function succeeded<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function refused<T = never>(code: Refusal['code'], details: Omit<Refusal, 'code'> = {}): Outcome<T> {
  return { ok: false, error: refusal(code, details) };
}
