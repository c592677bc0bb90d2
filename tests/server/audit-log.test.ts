// The admin's audit log over HTTP: newest first, filtered by action, actor and date, paged, without personal data in the details, refused to teachers and candidates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import { staffLogin } from '../support/candidates.js';
import type { TestClient } from '../support/client.js';
import { offeringId, passportWithSession, readyCandidate } from '../support/enrolment.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: TestClient;
let teacher: TestClient;

interface Entry {
  id: string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  target: { kind: string; id: string } | null;
  details: Record<string, unknown>;
  withheld: string[];
}

const GAP = 10 * 60_000;
/** When each staged action happened: ten minutes apart on the test clock (well inside a staff session), so the date filters can tell them apart. */
const at: Record<'groupPayment' | 'rebind' | 'arrangement', string> = { groupPayment: '', rebind: '', arrangement: '' };
let orderId = '';
let registrationId = '';

async function entries(query: string): Promise<Entry[]> {
  const { status, body } = await admin.get(`/api/admin/audit?limit=200${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.entries as Entry[];
}

beforeAll(async () => {
  server = await startServer();
  admin = server.client();
  teacher = server.client();
  expect((await staffLogin(admin, 'admin', DEMO_STAFF_PASSWORD)).status).toBe(200);
  expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);

  // A teacher's group payment (R9), then ten minutes later an admin's rebind with a reason (A8), then 编排 (R10).
  const payer = await readyCandidate(server);
  const written = await payer.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '1')] });
  const order = await teacher.post('/api/staff/group-payments', { enrolmentIds: [written.body.enrolments[0].id], provider: 'BANK' });
  expect(order.status, JSON.stringify(order.body)).toBe(200);
  orderId = order.body.orderId;
  at.groupPayment = server.clock.now().toISOString();

  server.clock.advance(GAP);
  const holder = await readyCandidate(server);
  registrationId = (await server.db.selectFrom('registrations').select('id').where('passport_id', '=', holder.passportId).executeTakeFirstOrThrow()).id;
  // The passport the candidate registered anew (its own identity: one passport per ID number).
  const fresh = await passportWithSession(server.db, server.clock.now());
  const rebound = await admin.post(`/api/admin/registrations/${registrationId}/rebind`, { passportId: fresh.passportId, reason: `${holder.identity.name}的邮箱填错了` });
  expect(rebound.status, JSON.stringify(rebound.body)).toBe(200);
  at.rebind = server.clock.now().toISOString();

  server.clock.advance(GAP);
  expect((await admin.post('/api/admin/arrangement', { campusCode: '993010' })).status).toBe(200);
  at.arrangement = server.clock.now().toISOString();
});
afterAll(() => server?.close());

describe('audit log (admin)', () => {
  it('lists the staff actions newest first, each with its actor and target', async () => {
    const all = await entries('');
    const times = all.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
    const actions = all.map((entry) => entry.action);
    expect(actions.indexOf('arrangement.ran')).toBeLessThan(actions.indexOf('registration.rebound'));
    expect(actions.indexOf('registration.rebound')).toBeLessThan(actions.indexOf('group_payment.created'));
    expect(all.find((entry) => entry.action === 'group_payment.created')).toMatchObject({
      actor: { kind: 'TEACHER', name: '测试学校机构01负责老师' },
      target: { kind: 'payment_order', id: orderId },
      details: { schoolCode: '99301', enrolments: 1, amountFen: 3000, provider: 'BANK' },
      withheld: [],
    });
  });

  it('shows no free text or ID number: the rebind reason and the masked ID number are named as withheld, not sent', async () => {
    const [rebind] = await entries('&action=registration.rebound');
    expect(rebind).toMatchObject({ actor: { kind: 'ADMIN', name: '客服管理员' }, target: { kind: 'registration', id: registrationId } });
    expect(Object.keys(rebind?.details ?? {}).sort()).toEqual(['fromPassportId', 'toPassportId']);
    expect(rebind?.withheld.sort()).toEqual(['idNumber', 'reason']);
    expect(JSON.stringify(rebind)).not.toContain('邮箱填错了');
    // The log itself keeps everything: only what is shown back is trimmed.
    const stored = await server.db.selectFrom('audit_log').select('details').where('target_id', '=', registrationId).executeTakeFirstOrThrow();
    expect(String(stored.details['reason'])).toContain('邮箱填错了');
  });

  it('filters by action, by actor kind, and by actor name in any case or by actor id', async () => {
    expect((await entries('&action=group_payment.created')).map((entry) => entry.target?.id)).toEqual([orderId]);
    const byTeachers = await entries('&actorKind=TEACHER');
    expect(byTeachers.length).toBeGreaterThan(0);
    expect(byTeachers.every((entry) => entry.actor.kind === 'TEACHER')).toBe(true);
    const byName = await entries(`&actor=${encodeURIComponent('学校机构01')}`);
    expect(byName.map((entry) => entry.action)).toContain('group_payment.created');
    expect(byName.every((entry) => entry.actor.name?.includes('学校机构01'))).toBe(true);
    const adminId = (await entries('&actorKind=ADMIN'))[0]?.actor.id;
    expect(adminId).toEqual(expect.any(String));
    const byId = await entries(`&actor=${adminId}`);
    expect(byId.map((entry) => entry.action)).toEqual(expect.arrayContaining(['arrangement.ran', 'registration.rebound']));
    expect(byId.every((entry) => entry.actor.id === adminId)).toBe(true);
    // A % is a character to find, not a wildcard.
    expect(await entries(`&actor=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('filters by date: from inclusive, to exclusive', async () => {
    const between = await entries(`&from=${at.rebind}&to=${at.arrangement}`);
    expect(between.map((entry) => entry.action)).toEqual(['registration.rebound']);
    expect((await entries(`&from=${at.arrangement}`)).map((entry) => entry.action)).toEqual(['arrangement.ran']);
    expect((await entries(`&to=${at.rebind}`)).map((entry) => entry.action)).not.toContain('registration.rebound');
  });

  it('pages by cursor without repeating or skipping an entry', async () => {
    const all = await entries('');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { entries: Entry[]; nextCursor: string | null } } = await admin.get(`/api/admin/audit?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      seen.push(...body.entries.map((entry) => entry.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.map((entry) => entry.id));
  });

  it.each([
    ['action=Review Approved', 'action'],
    ['actorKind=ROBOT', 'actorKind'],
    ['from=yesterday', 'from'],
    ['from=2026-09-02T00:00:00Z&to=2026-09-01T00:00:00Z', 'to'],
    ['limit=0', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
  ])('refuses a bad filter %s, naming the field', async (query, field) => {
    const { status, body } = await admin.get(`/api/admin/audit?${query}`);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });

  it('refuses teachers and candidates', async () => {
    const teacherAnswer = await teacher.get('/api/admin/audit');
    expect(teacherAnswer.status).toBe(403);
    expect(teacherAnswer.body.error.code).toBe('FORBIDDEN');
    expect(JSON.stringify(teacherAnswer.body)).not.toContain('group_payment');
    const candidate = await readyCandidate(server);
    expect((await candidate.client.get('/api/admin/audit')).status).toBe(403);
    expect((await server.client().get('/api/admin/audit')).status).toBe(401);
  });
});
