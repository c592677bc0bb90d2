// R4 and R8 by the clock: the sweep deletes unpaid enrolments 24 h after they were added and empty registrations after the TTL, returning seats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src-server/config/config.js';
import { outboxEmail, outboxSms } from '../../src-server/messages/outbox.js';
import type { ServiceContext } from '../../src-server/services/context.js';
import { referenceReader } from '../../src-server/services/reference-cache.js';
import { seatDrift } from '../../src-server/services/seats.js';
import { sweepExpired } from '../../src-server/services/sweeper.js';
import { offeringId, readyCandidate } from '../support/enrolment.js';
import { readableCaptchas, startServer, TEST_SECRET, type TestServer } from '../support/server.js';

let server: TestServer;
let ctx: ServiceContext;
beforeAll(async () => {
  server = await startServer();
  ctx = {
    db: server.db,
    clock: server.clock,
    config: loadConfig({ NODE_ENV: 'test', COOKIE_SECRET: TEST_SECRET }),
    messages: { sms: outboxSms(server.db, server.clock), email: outboxEmail(server.db, server.clock) },
    captchaImages: readableCaptchas,
    reference: referenceReader(),
  };
});
afterAll(() => server.close());

const HOUR = 3600_000;
const remaining = async (id: string) => (await server.db.selectFrom('offerings').select('remaining').where('id', '=', id).executeTakeFirstOrThrow()).remaining;

describe('R8 unpaid enrolments expire', () => {
  it('R8 keeps an unpaid enrolment for 24 h, then deletes it with its registration and returns the seat', async () => {
    const candidate = await readyCandidate(server);
    const seats = await remaining(offeringId('993010', '1'));
    expect((await candidate.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '1')] })).status).toBe(200);
    server.clock.advance(24 * HOUR - 1000);
    await sweepExpired(ctx);
    expect((await candidate.client.get('/api/registration')).body.registration.written.enrolments).toHaveLength(1);
    server.clock.advance(1000);
    const swept = await sweepExpired(ctx);
    expect(swept.enrolmentsRemoved).toBeGreaterThanOrEqual(1);
    expect((await candidate.client.get('/api/registration')).body.registration).toBeNull();
    expect(await remaining(offeringId('993010', '1'))).toBe(seats);
    expect(await seatDrift(server.db)).toEqual([]);
  });

  it('R8 leaves paid enrolments and those held by a group payment', async () => {
    const paid = await readyCandidate(server);
    const locked = await readyCandidate(server);
    const a = await paid.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '2')] });
    const b = await locked.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '2')] });
    await server.db.updateTable('enrolments').set({ payment_status: 'PAID', paid_at: server.clock.now() }).where('id', '=', a.body.enrolments[0].id).execute();
    const orderId = `group-${b.body.enrolments[0].id}`;
    await server.db
      .insertInto('payment_orders')
      .values({ id: orderId, exam_session_id: 'demo-2026-2', provider: 'BANK', amount_fen: 3000, group_school_code: '99301', passport_id: null, created_by_staff_id: null, created_at: server.clock.now(), settled_at: null, released_at: null, provider_ref: null, pay_url: null })
      .execute();
    await server.db.updateTable('enrolments').set({ group_payment_order_id: orderId }).where('id', '=', b.body.enrolments[0].id).execute();
    server.clock.advance(25 * HOUR);
    await sweepExpired(ctx);
    expect((await paid.client.get('/api/registration')).body.registration.written.enrolments).toHaveLength(1);
    expect((await locked.client.get('/api/registration')).body.registration.written.enrolments).toHaveLength(1);
  });
});

describe('R4 empty registrations expire', () => {
  it('R4 deletes a registration without subjects after the 12 h time-to-live, not before', async () => {
    const candidate = await readyCandidate(server);
    server.clock.advance(12 * HOUR - 1000);
    await sweepExpired(ctx);
    expect((await candidate.client.get('/api/registration')).body.registration).not.toBeNull();
    server.clock.advance(1000);
    await sweepExpired(ctx);
    expect((await candidate.client.get('/api/registration')).body.registration).toBeNull();
  });

  it('R4 keeps a registration that has subjects', async () => {
    const candidate = await readyCandidate(server);
    await candidate.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '1')] });
    server.clock.advance(13 * HOUR);
    await sweepExpired(ctx);
    expect((await candidate.client.get('/api/registration')).body.registration.written.enrolments).toHaveLength(1);
  });

  it('R4 two sweeps at once delete each registration once', async () => {
    const candidates = await Promise.all([readyCandidate(server), readyCandidate(server), readyCandidate(server)]);
    server.clock.advance(13 * HOUR);
    const [first, second] = await Promise.all([sweepExpired(ctx), sweepExpired(ctx)]);
    expect(first.registrationsRemoved + second.registrationsRemoved).toBeGreaterThanOrEqual(candidates.length);
    for (const candidate of candidates) expect((await candidate.client.get('/api/registration')).body.registration).toBeNull();
    expect(await seatDrift(server.db)).toEqual([]);
  });
});
