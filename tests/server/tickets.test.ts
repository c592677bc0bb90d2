// R10 over HTTP: the admin's arrangement gives paid enrolments tickets, rooms and seats; the candidate prints them inside the print window only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import { staffLogin } from '../support/candidates.js';
import type { TestClient } from '../support/client.js';
import { offeringId, readyCandidate, type ReadyCandidate } from '../support/enrolment.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startServer();
  admin = server.client();
  expect((await staffLogin(admin, 'admin', DEMO_STAFF_PASSWORD)).status).toBe(200);
});
afterAll(() => server.close());

const DAY = 24 * 3600_000;

async function paidWritten(candidate: ReadyCandidate): Promise<string> {
  const { body } = await candidate.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '1')] });
  const id = body.enrolments[0].id as string;
  await server.db.updateTable('enrolments').set({ payment_status: 'PAID', paid_at: server.clock.now() }).where('id', '=', id).execute();
  return id;
}

describe('R10 admission tickets', () => {
  it('R10 arrangement numbers paid enrolments only, once, and is audited', async () => {
    const paid = await readyCandidate(server);
    const unpaid = await readyCandidate(server);
    const paidId = await paidWritten(paid);
    await unpaid.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '1')] });
    const first = await admin.post('/api/admin/arrangement', { seatsPerRoom: 30 });
    expect(first.body).toMatchObject({ newlyArranged: 1, alreadyArranged: 0 });
    const again = await admin.post('/api/admin/arrangement', {});
    expect(again.body).toMatchObject({ newlyArranged: 0, alreadyArranged: 1 });
    const ticket = await server.db.selectFrom('admission_tickets').selectAll().where('enrolment_id', '=', paidId).executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ room: '001', seat: 1 });
    // 993010 | year | half | subject digit 1 | room 001 | seat 01
    expect(ticket.ticket_number).toMatch(/^993010\d{2}[12]100101$/);
    expect((await server.db.selectFrom('audit_log').select('action').where('action', '=', 'arrangement.ran').execute()).length).toBe(2);
    expect((await paid.client.post('/api/admin/arrangement', {})).status).toBe(403);
  });

  it('R10 prints the ticket inside the written print window only, with the snapshot identity', async () => {
    const candidate = await readyCandidate(server);
    const id = await paidWritten(candidate);
    await admin.post('/api/admin/arrangement', {});
    const early = await candidate.client.get(`/api/tickets/${id}`);
    expect(early.body.error.code).toBe('TICKET_NOT_PRINTABLE');
    expect((await candidate.client.get('/api/tickets')).body.tickets).toEqual([]);
    const session = await server.db.selectFrom('exam_sessions').select(['written_print_opens_at', 'written_print_closes_at']).executeTakeFirstOrThrow();
    const wait = session.written_print_opens_at.getTime() - server.clock.now().getTime();
    // The bearer session of a ready candidate lasts 30 days; the print window opens ~50 days out, so renew it.
    await server.db.updateTable('sessions').set({ expires_at: new Date(session.written_print_closes_at.getTime() + DAY) }).where('passport_id', '=', candidate.passportId).execute();
    const start = server.clock.now().getTime();
    server.clock.advance(wait);
    try {
      const printed = await candidate.client.get(`/api/tickets/${id}`);
      expect(printed.status).toBe(200);
      expect(printed.body).toMatchObject({ enrolmentId: id, candidateName: candidate.identity.name, room: '001', subject: { code: '1' }, campus: { code: '993010' } });
      expect((await candidate.client.get('/api/registration')).body.registration.ticketsPrintable).toBe(true);
      server.clock.advance(session.written_print_closes_at.getTime() - session.written_print_opens_at.getTime());
      expect((await candidate.client.get(`/api/tickets/${id}`)).body.error.code).toBe('TICKET_NOT_PRINTABLE');
    } finally {
      server.clock.advance(start - server.clock.now().getTime());
    }
  });
});
