// Building the result values every IPC call returns, with the shared bilingual message when the code has one.
import { errorMessages, isErrorCode } from '../../shared/errors/domain-error.js';
import type { IpcError, IpcResult } from '../../shared/contracts/ipc.js';

export function success<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export interface FailureDetails {
  readonly field?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function ipcError(code: string, details: FailureDetails = {}): IpcError {
  const error: IpcError = { code, ...details };
  return isErrorCode(code) ? { ...error, message: errorMessages({ code, ...details }) } : error;
}

export function failure<T = never>(code: string, details: FailureDetails = {}): IpcResult<T> {
  return { ok: false, error: ipcError(code, details) };
}

/** The first zod issue as a field path, so a form can put the refusal next to the field. */
export function fieldOf(issues: readonly { readonly path: readonly PropertyKey[] }[]): string | undefined {
  const path = issues[0]?.path ?? [];
  return path.length > 0 ? path.map(String).join('.') : undefined;
}
