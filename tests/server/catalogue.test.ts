// The public reference data over HTTP: exam session, places with notices, subjects, offerings with seats, and the kiosk bundle's deltas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityColour } from '../../shared/rules/index.js';
import { offeringId, readyCandidate } from '../support/enrolment.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('reference data', () => {
  it('serves the current exam session with its windows, TTLs and exam days in the session time zone', async () => {
    const { status, body } = await server.client().get('/api/reference/exam-session');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'demo-2026-2', name: '2026年下半年CET考试', timeZone: 'Asia/Shanghai', unpaidEnrolmentTtlMs: 24 * 3600_000, emptyRegistrationTtlMs: 12 * 3600_000 });
    expect(body.writtenExamDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.provincialRegistrationWindows['99']).toBeDefined();
  });

  it('serves provinces → schools → campuses with their notices and the 外校口语 flag', async () => {
    const { body } = await server.client().get('/api/reference/provinces');
    const province = body.provinces.find((p: { code: string }) => p.code === '99');
    expect(province.notice[0]).toBe('一、遵守时间');
    expect(province.schools.map((s: { code: string }) => s.code)).toEqual(['99301', '99302']);
    expect(province.schools[0].campuses).toContainEqual({ code: '993011', name: '测试校区机构002', schoolCode: '99301', allowsExternalOral: false });
  });

  it('serves the subject catalogue and filters offerings by campus and kind', async () => {
    expect((await server.client().get('/api/reference/subjects')).body.subjects).toHaveLength(8);
    const { body } = await server.client().get('/api/reference/offerings?campusCode=993010&kind=oral');
    expect(body.offerings.map((o: { subjectCode: string }) => o.subjectCode)).toEqual(['F', 'S']);
    expect(body.offerings[0]).toMatchObject({ capacity: 5, remaining: 5, feeFen: 5000 });
  });

  it('R6 offerings carry remaining and capacity for the colour, and the count drops as a seat is taken', async () => {
    const candidate = await readyCandidate(server);
    expect((await candidate.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '1')] })).status).toBe(200);
    const { body } = await server.client().get('/api/reference/offerings?campusCode=993010&kind=written');
    const cet4 = body.offerings.find((o: { subjectCode: string }) => o.subjectCode === '1');
    expect(cet4.remaining).toBe(29);
    expect(capacityColour(cet4.remaining, cet4.capacity)).toBe('green');
  });

  it('the kiosk bundle gives everything, then only what changed after its version', async () => {
    const full = await server.client().get('/api/reference/bundle');
    expect(full.status).toBe(200);
    expect(full.body.offerings).toHaveLength(18);
    expect(full.body.provinces.length).toBeGreaterThan(0);
    const quiet = await server.client().get(`/api/reference/bundle?since=${full.body.version}`);
    expect(quiet.body).toMatchObject({ offerings: [], provinces: [], subjects: [], removed: [] });
    const candidate = await readyCandidate(server);
    await candidate.client.post('/api/enrolment/written', { offeringIds: [offeringId('993010', '2')] });
    const delta = await server.client().get(`/api/reference/bundle?since=${full.body.version}`);
    expect(delta.body.offerings.map((o: { id: string }) => o.id)).toEqual([offeringId('993010', '2')]);
    expect(delta.body.version).toBeGreaterThan(full.body.version);
  });
});
