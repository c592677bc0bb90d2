// Refusals are values: a stable code the server returns and the UI turns into a message.
import { catalogues, interpolate, type Locale } from '../locales/index.js';
import type { zhCN } from '../locales/zh-CN/index.js';

export type ErrorCode = keyof typeof zhCN.errors;

export interface DomainError {
  readonly code: ErrorCode;
  /** The input field the refusal concerns, so a form can show it next to that field. */
  readonly field?: string;
  /** Values for the message's placeholders, e.g. `{ max: 18 }`. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse(code: ErrorCode, details: Omit<DomainError, 'code'> = {}): DomainError {
  return { code, ...details };
}

export function failed<T = never>(code: ErrorCode, details: Omit<DomainError, 'code'> = {}): Result<T> {
  return { ok: false, error: refuse(code, details) };
}

export function errorMessage(error: DomainError, locale: Locale): string {
  return interpolate(catalogues[locale].errors[error.code], error.params);
}

/** Both languages at once: what the server puts beside the code in every refusal. */
export function errorMessages(error: DomainError): Record<Locale, string> {
  return { 'zh-CN': errorMessage(error, 'zh-CN'), en: errorMessage(error, 'en') };
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(catalogues['zh-CN'].errors, value);
}
