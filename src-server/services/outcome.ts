// How a service refuses: it throws a Refused (which also rolls back any open transaction) and `command` turns it into a Result.
import { refuse, type DomainError, type ErrorCode, type Result } from '../../shared/errors/domain-error.js';

export class Refused extends Error {
  constructor(readonly error: DomainError) {
    super(error.code);
  }
}

export function refuseWith(code: ErrorCode, details: Omit<DomainError, 'code'> = {}): never {
  throw new Refused(refuse(code, details));
}

/** Stops at the first rule that refuses (shared/rules return DomainError | null). */
export function check(...errors: readonly (DomainError | null)[]): void {
  const first = errors.find((error) => error !== null);
  if (first !== undefined && first !== null) throw new Refused(first);
}

/**
 * Wraps a state-changing command so that every caller (an HTTP route today, a replayed sync
 * operation later) gets the same Result: a value, or a refusal with nothing written.
 */
export async function command<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    throw error;
  }
}
