// The enrolled kiosk the sync suites push and pull as: a teacher issues a one-time code, the device spends it for its bearer credential.
import { expect } from 'vitest';
import type { OperationKind } from '../../shared/contracts/operations.js';
import type { Operation } from '../../shared/contracts/sync.js';
import { DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import { newCandidate, passportRegisterPayload, staffLogin, type TestCandidate } from '../support/candidates.js';
import type { TestClient } from '../support/client.js';
import { insertRosterRecord, rosterRecordFor } from '../support/registrations.js';
import type { TestServer } from '../support/server.js';

export interface Device {
  readonly deviceId: string;
  /** A client sending the device's bearer credential, as the kiosk's main process does. */
  readonly client: TestClient;
  /** The bearer credential itself, for a client that also carries a staff session (staffDevice endpoints). */
  readonly credential: string;
}

/** A teacher of school 99301 issues a one-time code and a kiosk spends it, as K3's devices are enrolled (another school's teacher and campus when told). */
export async function enrolDevice(server: TestServer, at: { teacher: string; campusCode: string } = { teacher: 'teacher99301', campusCode: '993010' }): Promise<Device> {
  const teacher = server.client();
  expect((await staffLogin(teacher, at.teacher, DEMO_STAFF_PASSWORD)).status).toBe(200);
  const issued = await teacher.post('/api/staff/devices/enrolment-codes', { campusCode: at.campusCode });
  expect(issued.status).toBe(200);
  const enrolled = await server.client().post('/api/devices/enrol', { code: issued.body.code, deviceName: '图书馆一楼 1号机', softwareVersion: '1.0.0' });
  expect(enrolled.status).toBe(200);
  return { deviceId: enrolled.body.deviceId, credential: enrolled.body.credential, client: server.client({ authorization: `Bearer ${enrolled.body.credential}` }) };
}


/** One operation's answer in a push response. */
export interface PushedResult {
  seq: number;
  status: string;
  result?: Record<string, unknown>;
  error?: { code: string; field?: string; params?: Record<string, string | number>; message: { 'zh-CN': string; en: string } };
}

/** A device's queue as the outbox numbers it: each operation takes the next seq; `push` sends what is not sent yet. */
export class Queue {
  private seq = 0;
  readonly ops: Operation[] = [];
  constructor(readonly device: Device) {}

  add(kind: OperationKind, payload: unknown, extra: { dependsOn?: number[]; capturedAt?: Date } = {}): number {
    this.seq += 1;
    this.ops.push({ seq: this.seq, kind, payload, capturedAt: (extra.capturedAt ?? new Date()).toISOString(), ...(extra.dependsOn === undefined ? {} : { dependsOn: extra.dependsOn }) });
    return this.seq;
  }

  async push(): Promise<PushedResult[]> {
    const answer = await this.device.client.post('/api/sync/push', { deviceId: this.device.deviceId, operations: this.ops.splice(0) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.results as PushedResult[];
  }
}

/** A new candidate on the roster of campus 993010, qualified for English CET4 written and oral. */
export async function rosteredCandidate(server: TestServer): Promise<TestCandidate> {
  const candidate = newCandidate();
  await insertRosterRecord(server.db, rosterRecordFor({ idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name }, { qualificationSubjectCodes: ['1', 'F'] }), server.clock.now());
  return candidate;
}

let ticketSerial = 0;

/** A rostered candidate with a CET4 record under another ID number, so a CET6 review application of theirs waits for the teacher (C4); with the record's ticket. */
export async function pendingReviewCandidate(server: TestServer): Promise<{ candidate: TestCandidate; ticketNumber: string }> {
  const candidate = await rosteredCandidate(server);
  ticketSerial += 1;
  const ticketNumber = `99301024112${String(ticketSerial).padStart(4, '0')}`;
  await server.db.insertInto('cet4_scores').values({ ticket_number: ticketNumber, id_number: `OLD${candidate.idNumber.slice(-8)}`, name: candidate.name, score: 500, exam_year: 2024 }).execute();
  return { candidate, ticketNumber };
}

/** Such a candidate registered and their application submitted offline on a device of its own, left 未复核; returns the application's id. */
export async function pendingOfflineApplication(server: TestServer): Promise<{ applicationId: string; candidate: TestCandidate }> {
  const { candidate, ticketNumber } = await pendingReviewCandidate(server);
  const q = new Queue(await enrolDevice(server));
  const passport = q.add('passport.register', passportRegisterPayload(candidate));
  q.add('review.submit', { candidate: { by: 'operation', seq: passport }, idType: candidate.idType, idNumber: candidate.idNumber, name: candidate.name, ticketNumber, confirmed: true }, { dependsOn: [passport] });
  const results = await q.push();
  expect(results[1]?.result).toMatchObject({ status: 'PENDING' });
  return { applicationId: String(results[1]?.result?.applicationId), candidate };
}
