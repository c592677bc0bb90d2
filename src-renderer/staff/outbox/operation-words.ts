// An operation in the domain's words for the monitor: its kind, what it carried (non-personal summary only) and its state.
import type { TFunction } from 'i18next';
import { SYNC_DEPENDENCY_REFUSED } from '../../../shared/contracts/sync.js';
import type { Locale } from '../../../shared/locales/index.js';
import type { OutboxOperation } from '../../outbox/index.js';
import { refusalMessage } from '../../ui/refusal-message.js';

export function kindName(t: TFunction, kind: string): string {
  return t(`staff.outbox.kinds.${kind}`, { defaultValue: kind });
}

/** The kind a person recognises: a tombstone is shown as the operation it voided. */
export function shownKind(operation: OutboxOperation): string {
  return operation.kind === 'outbox.void' && operation.voidedKind !== undefined ? operation.voidedKind : operation.kind;
}

/** What the operation carried, from its summary (a decision's reason stays sealed: it may name the candidate). */
export function summaryText(t: TFunction, operation: OutboxOperation): string {
  const params = operation.summary.params ?? {};
  if (shownKind(operation) === 'review.decide' && typeof params['decision'] === 'string') return t(`staff.outbox.decision.${params['decision']}`);
  return Object.entries(params)
    .map(([key, value]) => `${key}: ${value}`)
    .join('，');
}

export type DisplayState = 'pending' | 'applied' | 'refused' | 'expired' | 'discarded' | 'retried';

/** `discarded`: the seqs a person discarded, from the local audit trail (a discarded refusal keeps its refused record). */
export function displayState(operation: OutboxOperation, discarded: ReadonlySet<number> = new Set()): DisplayState {
  if (operation.state === 'voided') return operation.voidReason === 'expired' ? 'expired' : 'discarded';
  if (operation.state === 'refused' && operation.retriedAs !== undefined) return 'retried';
  if (operation.state === 'refused' && discarded.has(operation.seq)) return 'discarded';
  return operation.state;
}

/** Operation numbers as a list in the reader's language: 1、2 or 1, 2. */
export function seqList(locale: Locale, seqs: readonly number[]): string {
  return seqs.join(locale === 'en' ? ', ' : '、');
}

/** The refusal in the reader's language; a cascaded refusal names the earlier operations it followed. */
export function reasonText(t: TFunction, locale: Locale, operation: OutboxOperation): string {
  if (operation.error === undefined) return '';
  if (operation.error.code === SYNC_DEPENDENCY_REFUSED) return t('staff.outbox.cascade', { seqs: seqList(locale, operation.dependsOn) });
  return refusalMessage(operation.error, locale);
}
