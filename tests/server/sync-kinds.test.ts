// K3 over HTTP, kind by kind: every operation kind a device may queue applies through the same services as the online routes, or is refused with the online code; chains cascade; seats stay consistent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationResults, type OperationKind } from '../../shared/contracts/operations.js';
import { DEMO_AGREEMENT_VERSION } from '../../src-server/demo/seed.js';
import { seatDrift } from '../../src-server/services/seats.js';
import { login, newCandidate, passportRegisterPayload, type TestCandidate } from '../support/candidates.js';
import { offeringId } from '../support/enrolment.js';
import { insertRosterRecord, rosterRecordFor } from '../support/registrations.js';
import { startServer, type TestServer } from '../support/server.js';
import { enrolDevice, Queue } from './sync-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  expect(await seatDrift(server.db)).toEqual([]);
  await server.close();
});

const WRITTEN_CET4 = offeringId('993010', '1');
const ORAL_CET4 = offeringId('993010', 'F');

async function queue(): Promise<Queue> {
  return new Queue(await enrolDevice(server));
}

/** A candidate with a roster record at 993010 (CET4 written and oral), captured offline as passport.register. */
async function rosteredCandidate(qualifications = ['1', 'F']): Promise<TestCandidate> {
  const candidate = newCandidate();
  await insertRosterRecord(server.db, rosterRecordFor({ idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name }, { qualificationSubjectCodes: qualifications }), server.clock.now());
  return candidate;
}

const byOperation = (seq: number) => ({ by: 'operation', seq });
const byCredentials = (candidate: TestCandidate, password = candidate.password) => ({ by: 'credentials', provinceCode: '99', account: candidate.email, password });
const identity = (candidate: TestCandidate) => ({ idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name });
const savePayload = (candidate: TestCandidate, ref: unknown) => ({ candidate: ref, agreementVersion: DEMO_AGREEMENT_VERSION, ...identity(candidate), confirmed: true });

/** The whole offline journey of one candidate: register → save → written → oral, each naming the passport by operation. */
function journey(q: Queue, candidate: TestCandidate, written = [WRITTEN_CET4], oral = [ORAL_CET4]): number[] {
  const passport = q.add('passport.register', passportRegisterPayload(candidate));
  const save = q.add('registration.save', savePayload(candidate, byOperation(passport)), { dependsOn: [passport] });
  const w = q.add('enrolment.written', { candidate: byOperation(passport), offeringIds: written }, { dependsOn: [passport, save] });
  const o = q.add('enrolment.oral', { candidate: byOperation(passport), offeringIds: oral }, { dependsOn: [passport, w] });
  return [passport, save, w, o];
}

async function remaining(id: string): Promise<number> {
  return (await server.db.selectFrom('offerings').select('remaining').where('id', '=', id).executeTakeFirstOrThrow()).remaining;
}

async function passportOf(candidate: TestCandidate): Promise<string> {
  return (await server.db.selectFrom('passports').select('id').where('email', '=', candidate.email).executeTakeFirstOrThrow()).id;
}

async function textsTo(mobile: string): Promise<string[]> {
  const rows = await server.db.selectFrom('message_outbox').select('body').where('channel', '=', 'sms').where('recipient', '=', mobile).orderBy('created_at').execute();
  return rows.map((row) => row.body);
}

describe('K3 registration.save and enrolments', () => {
  it('K3 a captured journey applies whole: the registration, the written and oral enrolments with their seats, results as the contract says', async () => {
    const q = await queue();
    const candidate = await rosteredCandidate();
    const [writtenBefore, oralBefore] = [await remaining(WRITTEN_CET4), await remaining(ORAL_CET4)];
    journey(q, candidate);
    const results = await q.push();
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([['applied', undefined], ['applied', undefined], ['applied', undefined], ['applied', undefined]]);
    const kinds = ['passport.register', 'registration.save', 'enrolment.written', 'enrolment.oral'] as const;
    results.forEach((r, i) => expect(operationResults[kinds[i] as OperationKind].safeParse(r.result).success, JSON.stringify(r.result)).toBe(true));
    const passportId = await passportOf(candidate);
    const registration = await server.db.selectFrom('registrations').select('id').where('passport_id', '=', passportId).executeTakeFirstOrThrow();
    expect(results[1]?.result).toEqual({ registrationId: registration.id });
    const enrolments = await server.db.selectFrom('enrolments').select(['id', 'offering_id']).where('registration_id', '=', registration.id).orderBy('created_at').execute();
    expect(enrolments.map((e) => e.offering_id)).toEqual([WRITTEN_CET4, ORAL_CET4]);
    expect(results[2]?.result).toEqual({ enrolmentIds: [enrolments[0]?.id] });
    expect(results[3]?.result).toEqual({ enrolmentIds: [enrolments[1]?.id] });
    expect([await remaining(WRITTEN_CET4), await remaining(ORAL_CET4)]).toEqual([writtenBefore - 1, oralBefore - 1]);
    // No personal data in what is stored and re-sent.
    expect(JSON.stringify(results)).not.toContain(candidate.idNumber);
  });

  it('K3 a re-sent journey answers the stored results and takes no second seat', async () => {
    const q = await queue();
    const candidate = await rosteredCandidate();
    journey(q, candidate);
    const batch = [...q.ops];
    const first = await q.push();
    const seats = await remaining(WRITTEN_CET4);
    q.ops.push(...batch);
    const again = await q.push();
    expect(again).toEqual(first.map((r) => ({ ...r, status: 'duplicate' })));
    expect(await remaining(WRITTEN_CET4)).toBe(seats);
  });

  it('K3 a refused passport cascades SYNC_DEPENDENCY_REFUSED down the chain, and its typed mobile hears why', async () => {
    const q = await queue();
    const holder = await rosteredCandidate();
    const online = await q.add('passport.register', passportRegisterPayload(holder));
    expect(online).toBe(1);
    await q.push();
    // The same identity again from another mobile: INFORMATION_OCCUPIED, and everything after it falls.
    const impostor = newCandidate({ idNumber: holder.idNumber, name: holder.name });
    const [passport, save, written, oral] = journey(q, impostor);
    const seats = await remaining(WRITTEN_CET4);
    const results = await q.push();
    expect(results.map((r) => [r.seq, r.status, r.error?.code, r.error?.params?.seq])).toEqual([
      [passport, 'refused', 'INFORMATION_OCCUPIED', undefined],
      [save, 'refused', 'SYNC_DEPENDENCY_REFUSED', passport],
      [written, 'refused', 'SYNC_DEPENDENCY_REFUSED', passport],
      [oral, 'refused', 'SYNC_DEPENDENCY_REFUSED', passport],
    ]);
    expect(await remaining(WRITTEN_CET4)).toBe(seats);
    const texts = await textsTo(impostor.mobile);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('未能受理');
  });

  it.each([
    ['a seq that is not listed in dependsOn', (_q: Queue, passport: number) => ({ ref: byOperation(passport), dependsOn: [] })],
    ['a seq that is not a passport registration', (_q: Queue, _passport: number, save: number) => ({ ref: byOperation(save), dependsOn: [save] })],
    ['a seq of nothing applied', () => ({ ref: byOperation(999), dependsOn: [] })],
  ])('K3 a candidate named by %s is refused with SYNC_CANDIDATE_REF_INVALID', async (_name, make) => {
    const q = await queue();
    const candidate = await rosteredCandidate();
    const passport = q.add('passport.register', passportRegisterPayload(candidate));
    const save = q.add('registration.save', savePayload(candidate, byOperation(passport)), { dependsOn: [passport] });
    const { ref, dependsOn } = make(q, passport, save);
    q.add('enrolment.written', { candidate: ref, offeringIds: [WRITTEN_CET4] }, { dependsOn });
    const results = await q.push();
    expect(results[2]).toMatchObject({ status: 'refused', error: { code: 'SYNC_CANDIDATE_REF_INVALID', field: 'payload.candidate.seq' } });
  });

  it.each([
    ['R3 a roster record that does not match', (c: TestCandidate) => ({ ...savePayload(c, null), name: '别人' }), 'QUALIFICATION_NOT_FOUND'],
    ['R1 an outdated agreement version', (c: TestCandidate) => ({ ...savePayload(c, null), agreementVersion: '2019-1' }), 'REGISTRATION_AGREEMENT_OUTDATED'],
  ])('K3 registration.save refuses %s with the online code', async (_name, payload, code) => {
    const q = await queue();
    const candidate = await rosteredCandidate();
    const passport = q.add('passport.register', passportRegisterPayload(candidate));
    q.add('registration.save', { ...payload(candidate), candidate: byOperation(passport) }, { dependsOn: [passport] });
    const results = await q.push();
    expect(results[1]).toMatchObject({ status: 'refused', error: { code } });
    expect(await server.db.selectFrom('registrations').select('id').where('passport_id', '=', await passportOf(candidate)).execute()).toEqual([]);
  });

  it.each([
    ['R5 a written subject the candidate is not qualified for', 'enrolment.written', [offeringId('993010', '2')], 'SUBJECT_NOT_QUALIFIED'],
    ['R6 an oral subject without its written subject', 'enrolment.oral', [ORAL_CET4], 'ORAL_WRITTEN_REQUIRED'],
    ['an offering the catalogue does not hold', 'enrolment.written', ['no-such-offering'], 'NOT_FOUND'],
  ] as const)('K3 %s is refused with the online code', async (_name, kind, offerings, code) => {
    const q = await queue();
    const candidate = await rosteredCandidate();
    const passport = q.add('passport.register', passportRegisterPayload(candidate));
    const save = q.add('registration.save', savePayload(candidate, byOperation(passport)), { dependsOn: [passport] });
    q.add(kind, { candidate: byOperation(passport), offeringIds: [...offerings] }, { dependsOn: [passport, save] });
    const results = await q.push();
    expect(results[2]).toMatchObject({ status: 'refused', error: { code } });
  });

  it('R7 a full offering refuses the enrolment with OFFERING_FULL, and the seat counts stay those of the enrolments', async () => {
    // Japanese CET4 written at 993010: nobody else in this file uses it, so it can be filled by hand.
    const full = offeringId('993010', '3');
    const taken = await server.db.selectFrom('enrolments').select((eb) => eb.fn.countAll<string>().as('n')).where('offering_id', '=', full).executeTakeFirstOrThrow();
    await server.db.updateTable('offerings').set({ capacity: Number(taken.n), remaining: 0 }).where('id', '=', full).execute();
    const q = await queue();
    const candidate = await rosteredCandidate(['3', 'F']);
    journey(q, candidate, [full], []);
    q.ops.pop();
    const results = await q.push();
    expect(results[2]).toMatchObject({ status: 'refused', error: { code: 'OFFERING_FULL' } });
    expect(await remaining(full)).toBe(0);
    expect(await seatDrift(server.db)).toEqual([]);
  });
});

describe('K3 candidates named by their credentials', () => {
  it('K3 the right password acts for that passport; a wrong one is LOGIN_FAILED and counts toward the login lock', async () => {
    const q = await queue();
    const candidate = await rosteredCandidate();
    q.add('passport.register', passportRegisterPayload(candidate));
    await q.push();
    q.add('registration.save', savePayload(candidate, byCredentials(candidate)));
    expect((await q.push())[0]).toMatchObject({ status: 'applied', result: { registrationId: expect.any(String) } });

    for (let i = 0; i < 5; i += 1) q.add('enrolment.written', { candidate: byCredentials(candidate, 'Wrong-pass1'), offeringIds: [WRITTEN_CET4] });
    const wrong = await q.push();
    expect(wrong.map((r) => r.error?.code)).toEqual(Array(5).fill('LOGIN_FAILED'));
    expect(wrong[0]?.error?.field).toBe('payload.candidate.password');
    // Five failures lock the account for the online login as well, right password or not.
    const locked = await login(server.client(), candidate.email, candidate.password);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
    q.add('enrolment.written', { candidate: byCredentials(candidate), offeringIds: [WRITTEN_CET4] });
    expect((await q.push())[0]?.error?.code).toBe('LOGIN_LOCKED');
  });

  it('K3 an unknown account answers exactly like a wrong password', async () => {
    const q = await queue();
    q.add('registration.save', savePayload(newCandidate(), { by: 'credentials', provinceCode: '99', account: 'nobody@example.com', password: 'Whatever1!' }));
    expect((await q.push())[0]).toMatchObject({ status: 'refused', error: { code: 'LOGIN_FAILED', field: 'payload.candidate.password' } });
  });
});

describe('K3 review.submit', () => {
  let ticketSerial = 0;
  async function cet4Record(candidate: TestCandidate, idNumber = candidate.idNumber): Promise<string> {
    ticketSerial += 1;
    const ticketNumber = `99301024110${String(ticketSerial).padStart(4, '0')}`;
    await server.db.insertInto('cet4_scores').values({ ticket_number: ticketNumber, id_number: idNumber, name: candidate.name, score: 480, exam_year: 2024 }).execute();
    return ticketNumber;
  }

  it.each([
    ['C3 a CET4 record of the same ID number is approved at once', (c: TestCandidate) => cet4Record(c), 'applied', 'AUTO_APPROVED'],
    ['C4 a record under another ID number waits for the teacher', (c: TestCandidate) => cet4Record(c, `OLD${c.idNumber.slice(-6)}`), 'applied', 'PENDING'],
    ['C5 a ticket with no record is refused', async () => '993010241199999', 'refused', 'REVIEW_NO_MATCHING_RECORD'],
  ])('%s', async (_name, ticket, status, expected) => {
    const q = await queue();
    const candidate = await rosteredCandidate();
    const passport = q.add('passport.register', passportRegisterPayload(candidate));
    q.add('review.submit', { candidate: byOperation(passport), ...identity(candidate), ticketNumber: await ticket(candidate), confirmed: true }, { dependsOn: [passport] });
    const results = await q.push();
    expect(results[1]?.status).toBe(status);
    if (status === 'applied') {
      const application = await server.db.selectFrom('review_applications').select(['id', 'status']).where('passport_id', '=', await passportOf(candidate)).executeTakeFirstOrThrow();
      expect(results[1]?.result).toEqual({ applicationId: application.id, status: expected });
    } else {
      expect(results[1]?.error?.code).toBe(expected);
    }
  });
});

describe('K3 outbox.void', () => {
  it.each([
    ['discarded', 'OPERATION_DISCARDED'],
    ['expired', 'OPERATION_EXPIRED'],
  ] as const)('K3 a tombstone (%s) is refused with %s, audited, and its dependants cascade', async (reason, code) => {
    const q = await queue();
    const candidate = await rosteredCandidate();
    const voided = q.add('outbox.void', { reason, voidedKind: 'passport.register' });
    const save = q.add('registration.save', savePayload(candidate, byOperation(voided)), { dependsOn: [voided] });
    const results = await q.push();
    expect(results[0]).toMatchObject({ seq: voided, status: 'refused', error: { code, params: { voidedKind: 'passport.register' } } });
    expect(results[1]).toMatchObject({ seq: save, status: 'refused', error: { code: 'SYNC_DEPENDENCY_REFUSED', params: { seq: voided, reason: code } } });
    const audit = await server.db.selectFrom('audit_log').selectAll().where('target_id', '=', `${q.device.deviceId}:${voided}`).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_kind: 'DEVICE', actor_id: q.device.deviceId, action: `sync.operation_${reason}`, details: { seq: voided, voidedKind: 'passport.register' } });
  });
});
