// R5–R8 over HTTP: written selections all or nothing, oral campus and subject rules with colours, cancelling with seats returned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatDrift } from '../../src-server/services/seats.js';
import { offeringId, readyCandidate, type ReadyCandidate } from '../support/enrolment.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  expect(await seatDrift(server.db)).toEqual([]);
  await server.close();
});

const DAY = 24 * 3600_000;
const written = (c: ReadyCandidate, ...ids: string[]) => c.client.post('/api/enrolment/written', { offeringIds: ids });
const oral = (c: ReadyCandidate, ...ids: string[]) => c.client.post('/api/enrolment/oral', { offeringIds: ids });
const remaining = async (id: string) => (await server.db.selectFrom('offerings').select('remaining').where('id', '=', id).executeTakeFirstOrThrow()).remaining;

describe('R5 written subjects', () => {
  it('R5 enrols a qualified candidate in English CET4 written and shows it unpaid with its expiry', async () => {
    const candidate = await readyCandidate(server);
    const { status, body } = await written(candidate, offeringId('993010', '1'));
    expect(status).toBe(200);
    expect(body.enrolments[0]).toMatchObject({ subject: { code: '1' }, paymentStatus: 'UNPAID', arrangementStatus: 'UNARRANGED', method: 'CANDIDATE', feeFen: 3000, cancellable: true, groupPaymentLock: false });
    expect(new Date(body.enrolments[0].expiresAt).getTime() - new Date(body.enrolments[0].createdAt).getTime()).toBe(DAY);
  });

  it('R5 refuses a subject the candidate is not qualified for', async () => {
    const candidate = await readyCandidate(server, { roster: { qualificationSubjectCodes: ['1', 'F'] } });
    expect((await written(candidate, offeringId('993010', '2'))).body.error.code).toBe('SUBJECT_NOT_QUALIFIED');
  });

  it('R5 C3 opens English CET6 written once the candidate’s own CET6 review is approved', async () => {
    const candidate = await readyCandidate(server, { roster: { qualificationSubjectCodes: ['1', 'F'] } });
    const cet6 = offeringId('993010', '2');
    expect((await written(candidate, cet6)).body.error.code).toBe('SUBJECT_NOT_QUALIFIED');
    const ticketNumber = '993010241100101';
    await server.db.insertInto('cet4_scores').values({ ticket_number: ticketNumber, id_number: candidate.identity.idNumber, name: candidate.identity.name, score: 520, exam_year: 2024 }).execute();
    const review = await candidate.client.post('/api/review', { ...candidate.identity, ticketNumber, confirmed: true });
    expect(review.body.status).toBe('AUTO_APPROVED');
    const enrolled = await written(candidate, cet6);
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.enrolments.map((enrolment: { subject: { code: string } }) => enrolment.subject.code)).toContain('2');
    const page = await candidate.client.get('/api/registration');
    expect(page.body.registration.cet6Review.application).toMatchObject({ status: 'AUTO_APPROVED' });
  });

  it('R5 refuses English CET4 with Japanese CET4 in one selection, and takes neither seat (all or nothing)', async () => {
    const candidate = await readyCandidate(server, { roster: { qualificationSubjectCodes: ['1', '3', '4', 'F'] } });
    const before = await remaining(offeringId('993010', '1'));
    const refused = await written(candidate, offeringId('993010', '1'), offeringId('993010', '3'));
    expect(refused.body.error).toMatchObject({ code: 'SUBJECT_LEVEL_CONFLICT', params: { levelName: '四级' } });
    expect(refused.body.error.message['zh-CN']).toBe('英语和小语种笔试同级别科目只能报考1科，四级笔试存在多科报考，请检查数据！');
    expect(await remaining(offeringId('993010', '1'))).toBe(before);
    expect((await written(candidate, offeringId('993010', '1'), offeringId('993010', '4'))).status).toBe(200);
  });

  it('R5 refuses a second same-level subject added later, and the same subject twice', async () => {
    const candidate = await readyCandidate(server, { roster: { qualificationSubjectCodes: ['1', '3', 'F'] } });
    await written(candidate, offeringId('993010', '1'));
    expect((await written(candidate, offeringId('993010', '3'))).body.error.code).toBe('SUBJECT_LEVEL_CONFLICT');
    expect((await written(candidate, offeringId('993010', '1'))).body.error.code).toBe('SUBJECT_ALREADY_ENROLLED');
  });

  it('R5 two tabs of one candidate sending English and Japanese CET4 at the same moment: one is enrolled, the other refused', async () => {
    // Each claim is judged on an unlocked reading; the registration's lock and fingerprint (or, on
    // PGlite, the locked reading) must stop the second from passing on what the first has not yet written.
    const candidates = await Promise.all(Array.from({ length: 8 }, () => readyCandidate(server, { roster: { qualificationSubjectCodes: ['1', '3', 'F'] } })));
    const outcomes = await Promise.all(
      candidates.map(async (candidate) => {
        const answers = await Promise.all([written(candidate, offeringId('993010', '1')), written(candidate, offeringId('993010', '3'))]);
        const held = await server.db.selectFrom('enrolments').innerJoin('registrations', 'registrations.id', 'enrolments.registration_id').select('enrolments.subject_code').where('registrations.passport_id', '=', candidate.passportId).execute();
        return { enrolled: answers.filter((answer) => answer.status === 200).length, refused: answers.flatMap((answer) => (answer.status === 200 ? [] : [answer.body.error.code])), held: held.length };
      }),
    );
    expect(outcomes).toEqual(candidates.map(() => ({ enrolled: 1, refused: ['SUBJECT_LEVEL_CONFLICT'], held: 1 })));
  });

  it('R5 refuses outside the offering window, and an unknown offering', async () => {
    const candidate = await readyCandidate(server);
    server.clock.advance(20 * DAY);
    try {
      expect((await written(candidate, offeringId('993010', '1'))).body.error.code).toBe('OFFERING_CLOSED');
    } finally {
      server.clock.advance(-20 * DAY);
    }
    expect((await written(candidate, 'no-such-offering')).body.error.code).toBe('NOT_FOUND');
  });

  it('R5 refuses without a saved registration', async () => {
    const candidate = await readyCandidate(server, { saved: false });
    expect((await written(candidate, offeringId('993010', '1'))).body.error.code).toBe('REGISTRATION_REQUIRED');
  });

  it('R5 the choice list marks what is selectable and why the rest is not', async () => {
    const candidate = await readyCandidate(server, { roster: { qualificationSubjectCodes: ['1', 'F'] } });
    const { body } = await candidate.client.get('/api/enrolment/written/choices');
    const byCode = Object.fromEntries(body.choices.map((c: { subject: { code: string } }) => [c.subject.code, c]));
    expect(byCode['1']).toMatchObject({ selectable: true, colour: 'green', refusal: null });
    expect(byCode['2'].refusal.code).toBe('SUBJECT_NOT_QUALIFIED');
  });
});

describe('R6 oral subjects', () => {
  it('R6 refuses an oral without the same-level written subject', async () => {
    const candidate = await readyCandidate(server);
    expect((await oral(candidate, offeringId('993010', 'F'))).body.error.code).toBe('ORAL_WRITTEN_REQUIRED');
  });

  it('R6 lists only campuses open now; 993020 opens three days late', async () => {
    const candidate = await readyCandidate(server);
    await written(candidate, offeringId('993010', '1'));
    const { body } = await candidate.client.get('/api/enrolment/oral/campuses');
    expect(body.fixed).toBe(false);
    expect(body.campuses.map((c: { campus: { code: string } }) => c.campus.code)).toEqual(['993010', '993011']);
  });

  it('R6 a written campus that forbids other campuses fixes the oral campus and refuses another', async () => {
    const candidate = await readyCandidate(server, { roster: { campusCode: '993011' } });
    await written(candidate, offeringId('993011', '1'));
    const { body } = await candidate.client.get('/api/enrolment/oral/campuses');
    expect(body).toMatchObject({ fixed: true, campuses: [{ campus: { code: '993011' } }] });
    expect((await oral(candidate, offeringId('993010', 'F'))).body.error.code).toBe('ORAL_CAMPUS_NOT_ALLOWED');
    expect((await oral(candidate, offeringId('993011', 'F'))).status).toBe(200);
  });

  it('R6 refuses an oral without an exam date', async () => {
    const candidate = await readyCandidate(server, { roster: { campusCode: '993011' } });
    await written(candidate, offeringId('993011', '2'));
    expect((await oral(candidate, offeringId('993011', 'S'))).body.error.code).toBe('ORAL_EXAM_DATE_NOT_SET');
  });

  it('R6 refuses an oral whose window is not open yet', async () => {
    const candidate = await readyCandidate(server);
    await written(candidate, offeringId('993010', '1'));
    expect((await oral(candidate, offeringId('993020', 'F'))).body.error.code).toBe('OFFERING_NOT_OPEN');
  });

  it('R6 refuses an oral whose fee is not set', async () => {
    const candidate = await readyCandidate(server, { roster: { campusCode: '993011' } });
    await written(candidate, offeringId('993011', '1'));
    await server.db.updateTable('offerings').set({ fee_fen: 0 }).where('id', '=', offeringId('993011', 'F')).execute();
    try {
      expect((await oral(candidate, offeringId('993011', 'F'))).body.error.code).toBe('ORAL_FEE_NOT_SET');
    } finally {
      await server.db.updateTable('offerings').set({ fee_fen: 5000 }).where('id', '=', offeringId('993011', 'F')).execute();
    }
  });

  it('R6 colours go green → yellow → red 无 as the 5 seats of 993010 F fill, and a full oral is not selectable', async () => {
    const colours: string[] = [];
    let last: ReadyCandidate | undefined;
    for (let n = 0; n < 6; n += 1) {
      const candidate = await readyCandidate(server);
      await written(candidate, offeringId('993010', '1'));
      const choices = await candidate.client.get('/api/enrolment/oral/campuses/993010/choices');
      const f = choices.body.choices.find((c: { subject: { code: string } }) => c.subject.code === 'F');
      colours.push(f.colour);
      const answer = await oral(candidate, offeringId('993010', 'F'));
      if (f.colour === 'red') {
        expect(f.selectable).toBe(false);
        expect(f.refusal.code).toBe('OFFERING_FULL');
        expect(answer.status).toBe(409);
        expect(answer.body.error.code).toBe('OFFERING_FULL');
      } else expect(answer.status).toBe(200);
      last = candidate;
    }
    // 5 and 4 and 3 left are more than half of 5; 2 and 1 are not; 0 is 无.
    expect(colours).toEqual(['green', 'green', 'green', 'yellow', 'yellow', 'red']);
    expect(last).toBeDefined();
  });
});

describe('R7 seats', () => {
  it('R7 remaining always equals capacity minus the enrolments holding a seat', async () => {
    expect(await seatDrift(server.db)).toEqual([]);
  });
});

describe('R8 cancelling', () => {
  it('R8 cancels an unpaid written subject, its dependent oral with it, and returns both seats', async () => {
    const candidate = await readyCandidate(server);
    await written(candidate, offeringId('993010', '1'), offeringId('993010', '2'));
    const f = await remaining(offeringId('993011', 'F'));
    const w = await remaining(offeringId('993010', '1'));
    const added = await oral(candidate, offeringId('993011', 'F'));
    expect(added.status).toBe(200);
    const mine = await candidate.client.get('/api/registration');
    const cet4 = mine.body.registration.written.enrolments.find((e: { subject: { code: string } }) => e.subject.code === '1');
    const cancelled = await candidate.client.request('DELETE', `/api/enrolment/${cet4.id}`);
    expect(cancelled.body).toEqual({ cancelled: true, registrationDeleted: false });
    const after = await candidate.client.get('/api/registration');
    expect(after.body.registration.oral.enrolments).toEqual([]);
    expect(after.body.registration.written.enrolments.map((e: { subject: { code: string } }) => e.subject.code)).toEqual(['2']);
    expect(await remaining(offeringId('993011', 'F'))).toBe(f);
    expect(await remaining(offeringId('993010', '1'))).toBe(w + 1);
  });

  it('R8 cancelling the last enrolment deletes the registration', async () => {
    const candidate = await readyCandidate(server);
    const { body } = await written(candidate, offeringId('993010', '1'));
    const cancelled = await candidate.client.request('DELETE', `/api/enrolment/${body.enrolments[0].id}`);
    expect(cancelled.body).toEqual({ cancelled: true, registrationDeleted: true });
    expect((await candidate.client.get('/api/registration')).body.registration).toBeNull();
  });

  it('R8 a paid enrolment cannot be cancelled', async () => {
    const candidate = await readyCandidate(server);
    const { body } = await written(candidate, offeringId('993010', '1'));
    await server.db.updateTable('enrolments').set({ payment_status: 'PAID', paid_at: server.clock.now() }).where('id', '=', body.enrolments[0].id).execute();
    expect((await candidate.client.request('DELETE', `/api/enrolment/${body.enrolments[0].id}`)).body.error.code).toBe('ENROLMENT_PAID_NOT_CANCELLABLE');
  });

  it('R8 cancelling outside the window is refused, and so is somebody else\'s enrolment', async () => {
    const candidate = await readyCandidate(server);
    const other = await readyCandidate(server);
    const { body } = await written(candidate, offeringId('993010', '1'));
    expect((await other.client.request('DELETE', `/api/enrolment/${body.enrolments[0].id}`)).body.error.code).toBe('NOT_FOUND');
    // Past the offering window, which closes with the registration window 14 days after seeding.
    server.clock.advance(15 * DAY);
    try {
      expect((await candidate.client.request('DELETE', `/api/enrolment/${body.enrolments[0].id}`)).body.error.code).toBe('ENROLMENT_CANCEL_CLOSED');
    } finally {
      server.clock.advance(-15 * DAY);
    }
  });
});
