// K3 inside one replay run: the append-only rows a run collects (stored outcomes, review events, audit entries, notices and their messages) are written with the run, stay in order against later operations, and vanish with a failed operation exactly as rows written one by one would.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import type { Operation } from '../../shared/contracts/sync.js';
import type { TestClient } from '../support/client.js';
import { passportRegisterPayload, staffLogin, type TestCandidate } from '../support/candidates.js';
import { startServer, type TestServer } from '../support/server.js';
import { enrolDevice, pendingOfflineApplication, pendingReviewCandidate, Queue, type Device, type PushedResult } from './sync-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function grantOn(device: Device): Promise<string> {
  const teacher: TestClient = server.client({ authorization: `Bearer ${device.credential}` });
  expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
  const answer = await teacher.post('/api/staff/offline-grant', {});
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.grant as string;
}

async function push(device: Device, operations: readonly Operation[]): Promise<PushedResult[]> {
  const answer = await device.client.post('/api/sync/push', { deviceId: device.deviceId, operations });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.results as PushedResult[];
}

/** Everything a decision leaves, per application: status, decision events, audit entries, the notice, the stored outcome, the messages in the dev outbox. */
async function traces(device: Device, applicationId: string, candidate: TestCandidate, seq: number) {
  const db = server.db;
  const [application, events, audits, notices, stored, messages] = await Promise.all([
    db.selectFrom('review_applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow(),
    db.selectFrom('review_events').select('kind').where('application_id', '=', applicationId).where('kind', 'in', ['APPROVED', 'REJECTED']).execute(),
    db.selectFrom('audit_log').select('action').where('target_id', '=', applicationId).where('action', 'in', ['review.approved', 'review.rejected']).execute(),
    db.selectFrom('candidate_notices').select('code').where('device_id', '=', device.deviceId).where('seq', '=', seq).execute(),
    db.selectFrom('sync_operations').select('status').where('device_id', '=', device.deviceId).where('seq', '=', seq).execute(),
    db.selectFrom('message_outbox').select('channel').where('recipient', 'in', [candidate.mobile, candidate.email]).where('body', 'like', '%复核申请已有审核结果%').orderBy('channel').execute(),
  ]);
  return {
    status: application.status,
    events: events.length,
    audits: audits.length,
    notices: notices.length,
    stored: stored.map((row) => row.status),
    messages: messages.map((row) => row.channel),
  };
}

/** `count` pending applications, a new device with the teacher's grant, and an approval of each as that device's seqs 1…count. */
async function approvalsOnNewDevice(count: number): Promise<{ applications: { applicationId: string; candidate: TestCandidate }[]; device: Device; operations: Operation[] }> {
  const applications: { applicationId: string; candidate: TestCandidate }[] = [];
  for (let i = 0; i < count; i += 1) applications.push(await pendingOfflineApplication(server));
  const device = await enrolDevice(server);
  const grant = await grantOn(device);
  const capturedAt = server.clock.now().toISOString();
  const operations: Operation[] = applications.map(({ applicationId }, index) => ({ seq: index + 1, kind: 'review.decide', payload: { grant, applicationId, decision: 'APPROVED' }, capturedAt }));
  return { applications, device, operations };
}

describe('K3 a run of decisions', () => {
  it('K3 a database failure in the middle of a run keeps the decisions before it, each with all its rows, drops the failed one whole, and the re-send applies the rest once', async () => {
    const { applications, device, operations } = await approvalsOnNewDevice(5);
    const failing = applications[2]?.applicationId ?? '';
    // A transient failure (not a refusal) of the third decision's UPDATE, as a lost connection or a deadlock would be.
    await sql
      .raw(`CREATE FUNCTION fail_decision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id = '${failing}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`)
      .execute(server.db);
    await sql.raw(`CREATE TRIGGER fail_decision BEFORE UPDATE ON review_applications FOR EACH ROW EXECUTE FUNCTION fail_decision()`).execute(server.db);
    let first: PushedResult[];
    try {
      first = await push(device, operations);
    } finally {
      await sql.raw(`DROP TRIGGER fail_decision ON review_applications`).execute(server.db);
      await sql.raw(`DROP FUNCTION fail_decision()`).execute(server.db);
    }
    expect(first.map((result) => [result.seq, result.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
    ]);
    const whole = { status: 'APPROVED', events: 1, audits: 1, notices: 1, stored: ['applied'], messages: ['email', 'sms'] };
    const none = { status: 'PENDING', events: 0, audits: 0, notices: 0, stored: [], messages: [] };
    const all = () => Promise.all(applications.map(({ applicationId, candidate }, index) => traces(device, applicationId, candidate, index + 1)));
    expect(await all()).toEqual([whole, whole, none, none, none]);

    // The device re-sends from the first unanswered seq, and the whole queue once more: the first two are duplicates.
    const rest = await push(device, operations.slice(2));
    expect(rest.map((result) => [result.seq, result.status])).toEqual([
      [3, 'applied'],
      [4, 'applied'],
      [5, 'applied'],
    ]);
    const again = await push(device, operations);
    expect(again.map((result) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(again[0]?.result).toEqual({ applicationId: applications[0]?.applicationId, status: 'APPROVED' });
    expect(await all()).toEqual([whole, whole, whole, whole, whole]);
    const unsent = await server.db.selectFrom('outbound_messages').select('id').where('sent_at', 'is', null).execute();
    expect(unsent).toEqual([]);
  });

  it('K3 the same decisions pushed twice at once: the device lock orders the two runs, each decision is applied once with one set of rows, and the later push answers duplicates', async () => {
    const { applications, device, operations } = await approvalsOnNewDevice(3);
    const answers = await Promise.all([push(device, operations), push(device, operations)]);
    const statuses = answers.map((results) => results.map((result) => result.status)).sort();
    expect(statuses).toEqual([
      ['applied', 'applied', 'applied'],
      ['duplicate', 'duplicate', 'duplicate'],
    ]);
    expect(answers[0]?.map((result) => result.result)).toEqual(answers[1]?.map((result) => result.result));
    const whole = { status: 'APPROVED', events: 1, audits: 1, notices: 1, stored: ['applied'], messages: ['email', 'sms'] };
    expect(await Promise.all(applications.map(({ applicationId, candidate }, index) => traces(device, applicationId, candidate, index + 1)))).toEqual([whole, whole, whole]);
  });

  it('C6 K3 a rejection and the candidate’s resubmission in one push keep the history in the order they happened', async () => {
    const { candidate, ticketNumber } = await pendingReviewCandidate(server);
    const device = await enrolDevice(server);
    const grant = await grantOn(device);
    const q = new Queue(device);
    const passport = q.add('passport.register', passportRegisterPayload(candidate));
    const submission = { candidate: { by: 'operation', seq: passport }, idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name, ticketNumber, confirmed: true };
    q.add('review.submit', submission, { dependsOn: [passport] });
    const [registered, submitted] = await q.push();
    expect([registered?.status, submitted?.status]).toEqual(['applied', 'applied']);
    const applicationId = String(submitted?.result?.applicationId);
    // The decision is collected for the run's end; the resubmission after it (named by the
    // candidate's password, so it depends on no operation) writes its event at once.
    q.add('review.decide', { grant, applicationId, decision: 'REJECTED', reason: '证件号码与成绩记录不符' });
    q.add('review.submit', { ...submission, candidate: { by: 'credentials', provinceCode: '99', account: candidate.email, password: candidate.password } });
    const [decided, resubmitted] = await q.push();
    expect(decided).toMatchObject({ status: 'applied', result: { applicationId, status: 'REJECTED' } });
    expect(resubmitted).toMatchObject({ status: 'applied', result: { applicationId, status: 'PENDING' } });
    const history = await server.db.selectFrom('review_events').select('kind').where('application_id', '=', applicationId).orderBy('seq').execute();
    expect(history.map((event) => event.kind)).toEqual(['SUBMITTED', 'REJECTED', 'RESUBMITTED']);
  });
});
