// Turns a refusal (the server's, or a shared rule's) into the message in the current language.
import type { IpcError } from '../../shared/contracts/ipc.js';
import { errorMessage, isErrorCode, type DomainError } from '../../shared/errors/domain-error.js';
import type { Locale } from '../../shared/locales/index.js';
import i18next from 'i18next';

export function refusalMessage(error: IpcError | DomainError, locale: Locale): string {
  if ('message' in error && error.message !== undefined) return error.message[locale];
  if (isErrorCode(error.code)) return errorMessage({ ...error, code: error.code }, locale);
  return i18next.t('app.unexpected', { code: error.code, lng: locale });
}
