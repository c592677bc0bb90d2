// K3 over HTTP: an enrolled device pushes numbered operations, applied exactly once, refusals recorded, gaps refused, dependencies cascaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/contracts/sync.js';
import { newCandidate, passportRegisterPayload, type TestCandidate } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';
import { enrolDevice, type Device } from './sync-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

function registerOp(seq: number, candidate: TestCandidate, extra: Partial<Operation> & { payload?: Record<string, unknown> } = {}): Operation {
  const { payload, ...rest } = extra;
  return {
    seq,
    kind: 'passport.register',
    payload: { ...passportRegisterPayload(candidate), ...payload },
    capturedAt: new Date().toISOString(),
    ...rest,
  };
}

function push(device: Device, operations: readonly Operation[]) {
  return device.client.post('/api/sync/push', { deviceId: device.deviceId, operations });
}

async function storedOperations(deviceId: string) {
  return server.db.selectFrom('sync_operations').select(['seq', 'status']).where('device_id', '=', deviceId).orderBy('seq').execute();
}

async function passportsOf(candidates: readonly TestCandidate[]) {
  return server.db.selectFrom('passports').select(['id', 'email']).where('email', 'in', candidates.map((c) => c.email)).execute();
}

describe('K3 push', () => {
  it('K3 applies a batch in order, storing each outcome and the last applied seq with the effect', async () => {
    const device = await enrolDevice(server);
    const candidates = [newCandidate(), newCandidate(), newCandidate()];
    const answer = await push(device, candidates.map((candidate, i) => registerOp(i + 1, candidate)));
    expect(answer.status).toBe(200);
    expect(answer.body.lastAppliedSeq).toBe(3);
    expect(answer.body.results.map((r: { seq: number; status: string }) => [r.seq, r.status])).toEqual([[1, 'applied'], [2, 'applied'], [3, 'applied']]);
    const passports = await passportsOf(candidates);
    expect(passports).toHaveLength(3);
    expect(answer.body.results.map((r: { result: { passportId: string } }) => r.result.passportId).sort()).toEqual(passports.map((p) => p.id).sort());
    expect((await storedOperations(device.deviceId)).map((row) => [Number(row.seq), row.status])).toEqual([[1, 'applied'], [2, 'applied'], [3, 'applied']]);
    // Offline: no SMS code proved the mobile, so each passport waits for that proof.
    const provisional = await server.db.selectFrom('provisional_passports').select(['passport_id', 'mobile_verified_at']).where('device_id', '=', device.deviceId).execute();
    expect(provisional).toHaveLength(3);
    expect(provisional.every((row) => row.mobile_verified_at === null)).toBe(true);
  });

  it('K3 a re-sent batch answers duplicates carrying the stored results, and applies nothing again', async () => {
    const device = await enrolDevice(server);
    const candidates = [newCandidate(), newCandidate()];
    const batch = candidates.map((candidate, i) => registerOp(i + 1, candidate));
    const first = await push(device, batch);
    const again = await push(device, batch);
    expect(again.status).toBe(200);
    expect(again.body.lastAppliedSeq).toBe(2);
    expect(again.body.results).toEqual(first.body.results.map((r: object) => ({ ...r, status: 'duplicate' })));
    expect(await passportsOf(candidates)).toHaveLength(2);
    expect(await storedOperations(device.deviceId)).toHaveLength(2);
  });

  it('K3 a batch that starts past last applied + 1 is refused whole with 409 SYNC_SEQUENCE_GAP and expectedSeq', async () => {
    const device = await enrolDevice(server);
    expect((await push(device, [registerOp(1, newCandidate())])).status).toBe(200);
    const late = [newCandidate(), newCandidate()];
    const answer = await push(device, late.map((candidate, i) => registerOp(i + 3, candidate)));
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'SYNC_SEQUENCE_GAP', params: { expectedSeq: 2 } });
    expect(await passportsOf(late)).toHaveLength(0);
    expect(await storedOperations(device.deviceId)).toHaveLength(1);
  });

  it('K3 a refused operation is recorded as applied-with-error and the queue moves on past it', async () => {
    const device = await enrolDevice(server);
    const holder = newCandidate();
    const impostor = newCandidate({ idNumber: holder.idNumber, name: holder.name });
    const after = newCandidate();
    const answer = await push(device, [registerOp(1, holder), registerOp(2, impostor), registerOp(3, after)]);
    expect(answer.status).toBe(200);
    expect(answer.body.lastAppliedSeq).toBe(3);
    expect(answer.body.results[1]).toMatchObject({ seq: 2, status: 'refused', error: { code: 'INFORMATION_OCCUPIED', message: { 'zh-CN': expect.any(String), en: expect.any(String) } } });
    expect(answer.body.results[2]).toMatchObject({ seq: 3, status: 'applied' });
    expect(await passportsOf([impostor])).toHaveLength(0);
    const resent = await push(device, [registerOp(2, impostor)]);
    expect(resent.body.results).toEqual([{ seq: 2, status: 'duplicate', error: answer.body.results[1].error }]);
  });

  it('K3 an operation that depends on a refused one is refused with SYNC_DEPENDENCY_REFUSED and the reason, down the chain', async () => {
    const device = await enrolDevice(server);
    const broken = newCandidate();
    const independent = newCandidate();
    const answer = await push(device, [
      registerOp(1, broken, { payload: { passwordConfirmation: 'Different1!' } }),
      { seq: 2, kind: 'passport.register', payload: {}, dependsOn: [1], capturedAt: new Date().toISOString() },
      { seq: 3, kind: 'passport.register', payload: {}, dependsOn: [2], capturedAt: new Date().toISOString() },
      registerOp(4, independent),
    ]);
    expect(answer.status).toBe(200);
    const [first, second, third, fourth] = answer.body.results;
    expect(first).toMatchObject({ status: 'refused', error: { code: expect.stringMatching(/PASSWORD/) } });
    expect(second).toMatchObject({ status: 'refused', error: { code: 'SYNC_DEPENDENCY_REFUSED', params: { seq: 1, reason: first.error.code } } });
    expect(third).toMatchObject({ status: 'refused', error: { code: 'SYNC_DEPENDENCY_REFUSED', params: { seq: 2, reason: 'SYNC_DEPENDENCY_REFUSED' } } });
    expect(fourth).toMatchObject({ seq: 4, status: 'applied' });
    expect(answer.body.lastAppliedSeq).toBe(4);
  });

  it('K3 a payload outside its kind\'s schema, or an unknown kind, is refused without blocking the queue', async () => {
    const device = await enrolDevice(server);
    const answer = await push(device, [
      { seq: 1, kind: 'passport.register', payload: { email: 42 }, capturedAt: new Date().toISOString() },
      { seq: 2, kind: 'nothing.known', payload: {}, capturedAt: new Date().toISOString() },
      registerOp(3, newCandidate()),
    ]);
    expect(answer.body.results.map((r: { status: string; error?: { field?: string } }) => [r.status, r.error?.field])).toEqual([
      ['refused', 'payload.email'],
      ['refused', 'kind'],
      ['applied', undefined],
    ]);
  });

  it('K3 two concurrent pushes of one batch (two windows, two connections) apply each operation once', async () => {
    const device = await enrolDevice(server);
    const candidates = Array.from({ length: 6 }, () => newCandidate());
    const batch = candidates.map((candidate, i) => registerOp(i + 1, candidate));
    const [a, b] = await Promise.all([push(device, batch), push(device, batch)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    for (let i = 0; i < batch.length; i += 1) {
      expect([a.body.results[i].status, b.body.results[i].status].sort()).toEqual(['applied', 'duplicate']);
      expect(a.body.results[i].result).toEqual(b.body.results[i].result);
    }
    expect(await passportsOf(candidates)).toHaveLength(6);
    expect(await storedOperations(device.deviceId)).toHaveLength(6);
    const position = await server.db.selectFrom('sync_devices').select('last_applied_seq').where('device_id', '=', device.deviceId).executeTakeFirstOrThrow();
    expect(Number(position.last_applied_seq)).toBe(6);
  });

  it('K3 only an enrolled device may push, and only for itself', async () => {
    const device = await enrolDevice(server);
    const other = await enrolDevice(server);
    expect((await server.client().post('/api/sync/push', { deviceId: device.deviceId, operations: [registerOp(1, newCandidate())] })).status).toBe(401);
    const crossed = await other.client.post('/api/sync/push', { deviceId: device.deviceId, operations: [registerOp(1, newCandidate())] });
    expect(crossed.status).toBe(403);
    expect(await storedOperations(device.deviceId)).toHaveLength(0);
  });
});
