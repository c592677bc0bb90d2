// K3 over HTTP: an enrolled device pulls reference data changes by cursor, paged, each change once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { enrolDevice, type Device } from './sync-support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function referenceRowCount(): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT (SELECT count(*) FROM provinces) + (SELECT count(*) FROM schools) + (SELECT count(*) FROM campuses)
         + (SELECT count(*) FROM exam_sessions) + (SELECT count(*) FROM subjects) + (SELECT count(*) FROM offerings) AS n`.execute(server.db);
  return Number(rows[0]?.n);
}

/** Pulls page after page until the server says there is no more, as the syncer does. */
async function pullAll(device: Device, cursor: string | undefined, limit: number) {
  const changes: { op: string; entity: string; key: string; value?: Record<string, unknown> }[] = [];
  let next = cursor;
  for (let page = 0; page < 100; page += 1) {
    const query = new URLSearchParams({ limit: String(limit), ...(next === undefined ? {} : { cursor: next }) });
    const answer = await device.client.get(`/api/sync/pull?${query}`);
    expect(answer.status).toBe(200);
    expect(answer.body.changes.length).toBeLessThanOrEqual(limit);
    changes.push(...answer.body.changes);
    next = answer.body.cursor;
    if (!answer.body.hasMore) return { changes, cursor: next as string };
  }
  throw new Error('pull never said hasMore: false');
}

describe('K3 pull', () => {
  it('K3 pull by cursor pages through all reference data, then returns nothing new', async () => {
    const device = await enrolDevice(server);
    const all = await pullAll(device, undefined, 7);
    expect(all.changes).toHaveLength(await referenceRowCount());
    expect(new Set(all.changes.map((c) => `${c.entity}:${c.key}`)).size).toBe(all.changes.length);
    expect(new Set(all.changes.map((c) => c.entity))).toEqual(new Set(['province', 'school', 'campus', 'examSession', 'subject', 'offering']));
    const offering = all.changes.find((c) => c.entity === 'offering');
    expect(offering?.value).toMatchObject({ id: offering?.key, feeFen: expect.any(Number), remaining: expect.any(Number), window: expect.any(Object) });
    const after = await device.client.get(`/api/sync/pull?cursor=${all.cursor}`);
    expect(after.body).toEqual({ cursor: all.cursor, changes: [], hasMore: false });
  });

  it('K3 pull after a seat is taken returns that offering only, and a deletion as a tombstone', async () => {
    const device = await enrolDevice(server);
    const { cursor } = await pullAll(device, undefined, 1000);
    const target = await server.db.selectFrom('offerings').select(['id', 'remaining']).where('remaining', '>', 0).executeTakeFirstOrThrow();
    // What services/seats.ts does when a seat is taken: a new count under a new version.
    await server.db.updateTable('offerings').set({ remaining: sql`remaining - 1`, version: sql`nextval('reference_version')` }).where('id', '=', target.id).execute();
    await server.db.insertInto('reference_tombstones').values({ entity: 'subject', key: 'ZZ' }).execute();
    const next = await pullAll(device, cursor, 1000);
    expect(next.changes).toEqual([
      { op: 'put', entity: 'offering', key: target.id, value: expect.objectContaining({ remaining: target.remaining - 1 }) },
      { op: 'delete', entity: 'subject', key: 'ZZ' },
    ]);
  });

  it('K3 pull refuses a cursor it did not hand out, and callers without a device credential', async () => {
    const device = await enrolDevice(server);
    expect((await device.client.get('/api/sync/pull?cursor=abc')).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
    expect((await server.client().get('/api/sync/pull')).status).toBe(401);
  });
});
