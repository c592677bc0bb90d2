// R1–R3 over HTTP: the agreement before the query, queries before and inside the window, saving 1:1 with a snapshot, the 报名信息 page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGREEMENT_VERSION } from '../../src-server/demo/seed.js';
import { readyCandidate } from '../support/enrolment.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const DAY = 24 * 3600_000;

/** Moves the current session's windows, so one test can stand before registration opens. */
async function setWindows(registrationOpensInDays: number, queryOpensInDays: number) {
  const now = server.clock.now().getTime();
  await server.db
    .updateTable('exam_sessions')
    .set({ qualification_query_opens_at: new Date(now + queryOpensInDays * DAY) })
    .execute();
  await server.db
    .updateTable('exam_session_province_windows')
    .set({ opens_at: new Date(now + registrationOpensInDays * DAY) })
    .execute();
}

describe('R1 registration agreement', () => {
  it('R1 refuses the qualification query before the agreement is accepted', async () => {
    const candidate = await readyCandidate(server, { saved: false, agreed: false });
    const query = await candidate.client.post('/api/registration/qualification', candidate.identity);
    expect(query.body.error.code).toBe('REGISTRATION_AGREEMENT_NOT_ACCEPTED');
  });

  it('R1 accepts the current agreement version, and refuses an outdated one or an unticked box', async () => {
    const candidate = await readyCandidate(server, { saved: false, agreed: false });
    expect((await candidate.client.post('/api/registration/agreement', { agreementVersion: 'old', accepted: true })).body.error.code).toBe('REGISTRATION_AGREEMENT_OUTDATED');
    expect((await candidate.client.post('/api/registration/agreement', { agreementVersion: DEMO_AGREEMENT_VERSION, accepted: false })).status).toBe(400);
    const accepted = await candidate.client.post('/api/registration/agreement', { agreementVersion: DEMO_AGREEMENT_VERSION, accepted: true });
    expect(accepted.status).toBe(200);
    expect((await candidate.client.post('/api/registration/qualification', candidate.identity)).status).toBe(200);
  });
});

describe('R2 qualification query', () => {
  it('R2 finds the roster record and its qualification subjects by ID type, number and name', async () => {
    const candidate = await readyCandidate(server, { saved: false, roster: { qualificationSubjectCodes: ['1', 'F'] } });
    const { status, body } = await candidate.client.post('/api/registration/qualification', candidate.identity);
    expect(status).toBe(200);
    expect(body.rosterRecord).toMatchObject({ name: candidate.identity.name, school: { code: '99301', name: '测试学校机构01' }, campus: { code: '993010' } });
    expect(body.rosterRecord.qualificationSubjects.map((s: { code: string }) => s.code)).toEqual(['1', 'F']);
    expect(body.saving.allowed).toBe(true);
    expect(body.cet6Review.offered).toBe(true);
  });

  it('R2 refuses a name that does not match the roster (QUALIFICATION_NOT_FOUND)', async () => {
    const candidate = await readyCandidate(server, { saved: false });
    const query = await candidate.client.post('/api/registration/qualification', { ...candidate.identity, name: '别人' });
    expect(query.body.error.code).toBe('QUALIFICATION_NOT_FOUND');
  });

  it('R2 before the registration window: a passport queries several candidates but cannot save; before the query opening time it cannot query', async () => {
    const candidate = await readyCandidate(server, { saved: false });
    const other = await readyCandidate(server, { saved: false });
    await setWindows(2, -1);
    try {
      const first = await candidate.client.post('/api/registration/qualification', candidate.identity);
      const second = await candidate.client.post('/api/registration/qualification', other.identity);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.body.saving.allowed).toBe(false);
      const save = await candidate.client.post('/api/registration', { ...candidate.identity, confirmed: true });
      expect(save.body.error.code).toBe('REGISTRATION_NOT_OPEN');
      await setWindows(2, 1);
      expect((await candidate.client.post('/api/registration/qualification', candidate.identity)).body.error.code).toBe('QUALIFICATION_QUERY_NOT_OPEN');
    } finally {
      await setWindows(-2, -3);
    }
  });
});

describe('R3 saving the registration', () => {
  it('R3 binds the passport to the roster record and shows the 报名信息 page with masked personal data', async () => {
    const candidate = await readyCandidate(server, { saved: false, roster: { qualificationSubjectCodes: ['1', 'F'] } });
    const saved = await candidate.client.post('/api/registration', { ...candidate.identity, confirmed: true });
    expect(saved.status).toBe(200);
    expect(saved.body.masked.name).toBe('陈*');
    expect(saved.body.written.paymentSummary).toBe('NONE');
    expect(saved.body.deletedIfEmptyAt).not.toBeNull();
    const mine = await candidate.client.get('/api/registration');
    expect(mine.body.registration.id).toBe(saved.body.id);
    const again = await candidate.client.post('/api/registration', { ...candidate.identity, confirmed: true });
    expect(again.body.id).toBe(saved.body.id);
    // The first save builds its review offer (C1: CET4 only, so offered) from what it read before the insert; the page and a repeated save read it again.
    expect(saved.body.cet6Review).toEqual({ offered: true, application: null });
    expect([mine.body.registration.cet6Review, again.body.cet6Review]).toEqual([saved.body.cet6Review, saved.body.cet6Review]);
  });

  it('R3 refuses without the confirmation tick', async () => {
    const candidate = await readyCandidate(server, { saved: false });
    const save = await candidate.client.post('/api/registration', { ...candidate.identity, confirmed: false });
    expect(save.status).toBe(400);
  });

  it('R3 one passport, one candidate: a second candidate for the same passport is refused', async () => {
    const candidate = await readyCandidate(server);
    const other = await readyCandidate(server, { saved: false });
    const save = await candidate.client.post('/api/registration', { ...other.identity, confirmed: true });
    expect(save.body.error.code).toBe('REGISTRATION_PASSPORT_ALREADY_BOUND');
  });

  it('R3 one candidate, one passport: a candidate bound elsewhere cannot be saved again', async () => {
    const candidate = await readyCandidate(server);
    const thief = await readyCandidate(server, { saved: false });
    const save = await thief.client.post('/api/registration', { ...candidate.identity, confirmed: true });
    expect(save.status).toBe(409);
    expect(save.body.error.code).toBe('REGISTRATION_CANDIDATE_ALREADY_BOUND');
  });

  it('R3 later roster edits do not change the saved registration', async () => {
    const candidate = await readyCandidate(server, { saved: false, roster: { qualificationSubjectCodes: ['1', 'F'] } });
    await candidate.client.post('/api/registration', { ...candidate.identity, confirmed: true });
    await server.db
      .updateTable('roster_records')
      .set({ campus_code: '993020', school_code: '99302', qualification_subject_codes: JSON.stringify(['1', '2', 'F', 'S']) })
      .where('id', '=', candidate.roster.id)
      .execute();
    const { body } = await candidate.client.get('/api/registration');
    expect(body.registration.campus.code).toBe('993010');
    expect(body.registration.qualificationSubjects.map((s: { code: string }) => s.code)).toEqual(['1', 'F']);
    const choices = await candidate.client.get('/api/enrolment/written/choices');
    expect(choices.body.choices.every((c: { campus: { code: string } }) => c.campus.code === '993010')).toBe(true);
  });

  it('R3 refuses saving after the window closed', async () => {
    const candidate = await readyCandidate(server, { saved: false });
    server.clock.advance(20 * DAY);
    try {
      const save = await candidate.client.post('/api/registration', { ...candidate.identity, confirmed: true });
      expect(save.body.error.code).toBe('REGISTRATION_CLOSED');
    } finally {
      server.clock.advance(-20 * DAY);
    }
  });
});
