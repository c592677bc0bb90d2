// The device queue monitor's words (K4, issue #7): every operation kind has a domain name in both languages, states read as a
// teacher would say them, a cascaded refusal names the operations it followed, and a tombstone reads as what it voided.
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { operationPayloads } from '../../shared/contracts/operations.js';
import { SYNC_DEPENDENCY_REFUSED } from '../../shared/contracts/sync.js';
import { initI18n } from '../../src-renderer/i18n/index.js';
import type { OutboxOperation } from '../../src-renderer/outbox/index.js';
import { displayState, kindName, reasonText, shownKind, summaryText } from '../../src-renderer/staff/outbox/operation-words.js';

let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  await initI18n('zh-CN');
  zh = i18next.getFixedT('zh-CN');
  en = i18next.getFixedT('en');
});

function operation(overrides: Partial<OutboxOperation>): OutboxOperation {
  return { seq: 3, kind: 'review.decide', dependsOn: [], capturedAt: '2026-05-01T02:00:00.000Z', state: 'pending', summary: {}, sent: false, hasPayload: true, updatedAt: '2026-05-01T02:00:00.000Z', ...overrides };
}

describe('K4 the device queue in domain words', () => {
  it.each(Object.keys(operationPayloads))('%s has a name in zh-CN and en', (kind) => {
    expect(kindName(zh, kind)).not.toBe(kind);
    expect(kindName(en, kind)).not.toBe(kind);
  });

  it.each([
    [{ state: 'pending' }, 'pending'],
    [{ state: 'applied' }, 'applied'],
    [{ state: 'refused' }, 'refused'],
    [{ state: 'refused', retriedAs: 5 }, 'retried'],
    [{ state: 'voided', kind: 'outbox.void', voidReason: 'expired' }, 'expired'],
    [{ state: 'voided', kind: 'outbox.void', voidReason: 'discarded' }, 'discarded'],
  ] as const)('%o is shown as %s', (fields, state) => {
    expect(displayState(operation(fields))).toBe(state);
  });

  it('a refusal a teacher discarded reads as discarded', () => {
    expect(displayState(operation({ state: 'refused', hasPayload: false }), new Set([3]))).toBe('discarded');
    expect(displayState(operation({ state: 'refused', hasPayload: false }), new Set([4]))).toBe('refused');
  });

  it('a cascaded refusal names the operations it depended on', () => {
    const cascaded = operation({ seq: 4, state: 'refused', dependsOn: [1, 2], error: { code: SYNC_DEPENDENCY_REFUSED } });
    expect(reasonText(zh, 'zh-CN', cascaded)).toBe('依赖的第1、2号操作被拒绝，本操作随之被拒绝');
    expect(reasonText(en, 'en', cascaded)).toBe('Refused because an operation it depends on (1, 2) was refused');
  });

  it('a refusal is shown in the reader’s language, from the server’s message when it sent one', () => {
    const refused = operation({ state: 'refused', error: { code: 'REVIEW_NOT_PENDING', message: { 'zh-CN': '该申请不是“未复核”状态', en: 'not pending' } } });
    expect(reasonText(zh, 'zh-CN', refused)).toBe('该申请不是“未复核”状态');
    expect(reasonText(en, 'en', refused)).toBe('not pending');
    expect(reasonText(zh, 'zh-CN', operation({}))).toBe('');
  });

  it('a tombstone reads as the decision it voided, without the sealed reason', () => {
    const tombstone = operation({ kind: 'outbox.void', voidedKind: 'review.decide', state: 'voided', voidReason: 'discarded', summary: { params: { application: 'app-1', decision: 'REJECTED' } } });
    expect(shownKind(tombstone)).toBe('review.decide');
    expect(summaryText(zh, tombstone)).toBe('复核不通过');
    expect(summaryText(en, tombstone)).toBe('Rejected');
  });
});
