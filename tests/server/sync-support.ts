// The enrolled kiosk the sync suites push and pull as: a teacher issues a one-time code, the device spends it for its bearer credential.
import { expect } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../../src-server/demo/seed.js';
import { staffLogin } from '../support/candidates.js';
import type { TestClient } from '../support/client.js';
import type { TestServer } from '../support/server.js';

export interface Device {
  readonly deviceId: string;
  /** A client sending the device's bearer credential, as the kiosk's main process does. */
  readonly client: TestClient;
}

/** A teacher of school 99301 issues a one-time code and a kiosk spends it, as K3's devices are enrolled. */
export async function enrolDevice(server: TestServer): Promise<Device> {
  const teacher = server.client();
  expect((await staffLogin(teacher, 'teacher99301', DEMO_STAFF_PASSWORD)).status).toBe(200);
  const issued = await teacher.post('/api/staff/devices/enrolment-codes', { campusCode: '993010' });
  expect(issued.status).toBe(200);
  const enrolled = await server.client().post('/api/devices/enrol', { code: issued.body.code, deviceName: '图书馆一楼 1号机', softwareVersion: '1.0.0' });
  expect(enrolled.status).toBe(200);
  return { deviceId: enrolled.body.deviceId, client: server.client({ authorization: `Bearer ${enrolled.body.credential}` }) };
}

