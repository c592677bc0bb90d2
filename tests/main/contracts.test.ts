// The shared sync, device and IPC contracts refuse what the protocol forbids, so neither side has to re-check it.
import { describe, expect, it } from 'vitest';
import { deviceEndpoints, enrolmentCode } from '../../shared/contracts/device.js';
import { IPC_EVENT_NAMES, IPC_METHOD_NAMES, ipcChannel, ipcEventChannel, ipcMethods, subscriberName, wireCall } from '../../shared/contracts/ipc.js';
import { operationBatch, operationResult, pullRequest, pushResponse, syncEndpoints } from '../../shared/contracts/sync.js';

const at = '2026-09-01T02:00:00Z';
const op = (seq: number, extra: Record<string, unknown> = {}) => ({ seq, kind: 'registration.save', payload: {}, capturedAt: at, ...extra });

describe('sync contract: push', () => {
  it('accepts a contiguous ascending batch', () => {
    expect(operationBatch.safeParse([op(4), op(5), op(6, { dependsOn: [4] })]).success).toBe(true);
  });

  it.each([
    ['an empty batch', []],
    ['a hole', [op(1), op(3)]],
    ['descending seqs', [op(2), op(1)]],
    ['a repeated seq', [op(1), op(1)]],
    ['seq 0', [op(0)]],
    ['a fractional seq', [op(1.5)]],
    ['a dependency on a later operation', [op(1, { dependsOn: [2] }), op(2)]],
    ['a dependency on itself', [op(1, { dependsOn: [1] })]],
    ['a kind outside area.verb', [op(1, { kind: 'DROP TABLE' })]],
    ['a local time without zone', [op(1, { capturedAt: '2026-09-01T10:00:00' })]],
    ['more than 100 operations', Array.from({ length: 101 }, (_, i) => op(i + 1))],
  ])('refuses %s', (_name, batch) => {
    expect(operationBatch.safeParse(batch).success).toBe(false);
  });

  it.each([
    [{ seq: 1, status: 'applied', result: { registrationId: 'r1' } }, true],
    [{ seq: 1, status: 'refused', error: { code: 'OFFERING_FULL', message: { 'zh-CN': '已满', en: 'Full' } } }, true],
    [{ seq: 1, status: 'refused' }, false],
    [{ seq: 1, status: 'applied', error: { code: 'X', message: { 'zh-CN': 'x', en: 'x' } } }, false],
    [{ seq: 1, status: 'duplicate', result: { registrationId: 'r1' } }, true],
    [{ seq: 1, status: 'duplicate', error: { code: 'OFFERING_FULL', message: { 'zh-CN': '已满', en: 'Full' } } }, true],
    [{ seq: 1, status: 'lost' }, false],
  ])('operation result %j valid: %s', (result, valid) => {
    expect(operationResult.safeParse(result).success).toBe(valid);
  });

  it('a push response carries the last applied seq', () => {
    expect(pushResponse.safeParse({ results: [], lastAppliedSeq: 0 }).success).toBe(true);
    expect(pushResponse.safeParse({ results: [] }).success).toBe(false);
  });

  it('push and pull are device endpoints; enrolment is public (the code is the authority)', () => {
    expect(syncEndpoints.syncPush).toMatchObject({ method: 'POST', path: '/api/sync/push', audience: 'device' });
    expect(syncEndpoints.syncPull).toMatchObject({ method: 'GET', path: '/api/sync/pull', audience: 'device' });
    expect(deviceEndpoints.enrolDevice).toMatchObject({ method: 'POST', path: '/api/devices/enrol', audience: 'public' });
  });

  it('pull reads its limit from a query string', () => {
    expect(pullRequest.parse({ cursor: 'c1', limit: '50' })).toEqual({ cursor: 'c1', limit: 50 });
    expect(pullRequest.safeParse({ limit: '0' }).success).toBe(false);
  });
});

describe('device contract', () => {
  it.each([
    ['7K3M-9QXA', '7K3M9QXA'],
    ['7k3m 9qxa', '7K3M9QXA'],
    ['7K3M9QXA', '7K3M9QXA'],
  ])('normalises the one-time code %s', (typed, code) => {
    expect(enrolmentCode.parse(typed)).toBe(code);
  });

  it.each(['7K3M9QX', '7K3M9QXAB', 'OIL09QXA', '7K3M9QX!'])('refuses the code %s', (typed) => {
    expect(enrolmentCode.safeParse(typed).success).toBe(false);
  });
});

describe('IPC contract', () => {
  it('names channels with our own prefixes', () => {
    for (const name of IPC_METHOD_NAMES) expect(ipcChannel(name)).toBe(`cet:${name}`);
    for (const name of IPC_EVENT_NAMES) expect(ipcEventChannel(name)).toBe(`cet-event:${name}`);
    expect(subscriberName('syncStatusChanged')).toBe('onSyncStatusChanged');
  });

  it('keeps idle and wipe calls to the kiosk window', () => {
    expect(ipcMethods.idlePolicy.windows).toEqual(['kiosk']);
    expect(ipcMethods.idleActivity.windows).toEqual(['kiosk']);
    expect(ipcMethods.idleWiped.windows).toEqual(['kiosk']);
  });

  it('refuses unknown fields in requests that take none', () => {
    expect(ipcMethods.appInfo.request.safeParse({}).success).toBe(true);
    expect(ipcMethods.appInfo.request.safeParse({ extra: 1 }).success).toBe(false);
    expect(ipcMethods.appInfo.request.safeParse(undefined).success).toBe(false);
  });

  it('browser-mode call frames carry an id, a method name and a payload', () => {
    expect(wireCall.safeParse({ type: 'call', id: 1, method: 'appInfo', payload: {} }).success).toBe(true);
    expect(wireCall.safeParse({ type: 'call', id: -1, method: 'appInfo', payload: {} }).success).toBe(false);
    expect(wireCall.safeParse({ type: 'result', id: 1 }).success).toBe(false);
  });
});
