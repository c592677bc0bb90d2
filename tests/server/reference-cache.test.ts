// The per-process reference cache: which writes raise the reference generation, and a request never sees reference data older than what was committed before it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../src-server/db/database.js';
import { ReferenceCache } from '../../src-server/services/reference-cache.js';
import { DEMO_EXAM_SESSION_ID } from '../../src-server/demo/seed.js';
import { offeringId, readyCandidate } from '../support/enrolment.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const OFFERING = offeringId('993010', '1');

async function generation(db: Executor): Promise<number> {
  const { rows } = await sql<{ generation: string }>`SELECT generation FROM reference_generation`.execute(db);
  return Number(rows[0]?.generation);
}

describe('the reference generation', () => {
  const raising: [string, () => Promise<unknown>][] = [
    ['a registration window edited', () => server.db.updateTable('exam_sessions').set({ registration_closes_at: new Date('2099-01-01T00:00:00Z') }).where('id', '=', DEMO_EXAM_SESSION_ID).execute()],
    ['a subject renamed', () => server.db.updateTable('subjects').set({ name: sql`name` }).where('code', '=', '1').execute()],
    ['a campus’s oral policy changed', () => server.db.updateTable('campuses').set({ allows_external_oral: sql`allows_external_oral` }).where('code', '=', '993010').execute()],
    ['a school renamed', () => server.db.updateTable('schools').set({ name: sql`name` }).where('code', '=', '99301').execute()],
    ['a province’s notice edited', () => server.db.updateTable('provinces').set({ notice: sql`notice` }).where('code', '=', '99').execute()],
    ['a provincial window edited', () => server.db.updateTable('exam_session_province_windows').set({ closes_at: sql`closes_at` }).where('province_code', '=', '99').execute()],
    ['an offering’s capacity changed', () => server.db.updateTable('offerings').set({ capacity: sql`capacity + 1`, remaining: sql`remaining + 1` }).where('id', '=', OFFERING).execute()],
    ['an offering’s window moved', () => server.db.updateTable('offerings').set({ opens_at: sql`opens_at - interval '1 second'` }).where('id', '=', OFFERING).execute()],
  ];
  it.each(raising)('rises when %s', async (_what, write) => {
    const before = await generation(server.db);
    await write();
    expect(await generation(server.db)).toBeGreaterThan(before);
  });

  const leaving: [string, () => Promise<unknown>][] = [
    ['a seat is taken and given back', async () => {
      await server.db.updateTable('offerings').set({ remaining: sql`remaining - 1`, version: sql`nextval('reference_version')` }).where('id', '=', OFFERING).execute();
      await server.db.updateTable('offerings').set({ remaining: sql`remaining + 1`, version: sql`nextval('reference_version')` }).where('id', '=', OFFERING).execute();
    }],
    ['a candidate saves a registration', () => readyCandidate(server)],
  ];
  it.each(leaving)('stays when %s', async (_what, write) => {
    const before = await generation(server.db);
    await write();
    expect(await generation(server.db)).toBe(before);
  });
});

describe('the cache', () => {
  const campusName = async (cache: ReferenceCache, db: Executor, seen: number | null) => (await cache.requestReader(seen).snapshot(db)).names.campus('993010').name;

  it('keeps its snapshot for a request that saw no newer generation, and reloads for one that did', async () => {
    const cache = new ReferenceCache();
    const first = await cache.requestReader(null).snapshot(server.db);
    expect(await cache.requestReader(first.generation).snapshot(server.db)).toBe(first);
    await server.db.updateTable('campuses').set({ name: '新名字校区' }).where('code', '=', '993010').execute();
    // A request whose session lookup ran before the edit may still be served the kept snapshot…
    expect(await campusName(cache, server.db, first.generation)).not.toBe('新名字校区');
    // …one that saw the edit's generation never is, and neither is a caller no session vouches for.
    expect(await campusName(cache, server.db, await generation(server.db))).toBe('新名字校区');
    expect(await campusName(new ReferenceCache(), server.db, null)).toBe('新名字校区');
  });

  it('does not keep what a transaction read of its own uncommitted edit, once it rolls back', async () => {
    const cache = new ReferenceCache();
    const before = await campusName(cache, server.db, null);
    const seenInside = await server.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('campuses').set({ name: '未提交的名字' }).where('code', '=', '993010').execute();
        const inside = await cache.liveReader().snapshot(trx);
        throw Object.assign(new Error('roll back'), { inside: inside.names.campus('993010').name });
      })
      .catch((error: Error & { inside?: string }) => error.inside);
    expect(seenInside).toBe('未提交的名字');
    expect(await campusName(cache, server.db, await generation(server.db))).toBe(before);
  });

  it('R5 a candidate’s next request sees an offering window closed straight in the database', async () => {
    const candidate = await readyCandidate(server);
    const selectable = async () => {
      const answer = await candidate.client.get('/api/enrolment/written/choices');
      expect(answer.status).toBe(200);
      const choice = answer.body.choices.find((entry: { offering: { id: string } }) => entry.offering.id === OFFERING);
      return { selectable: choice.selectable, refusal: choice.refusal?.code ?? null };
    };
    expect(await selectable()).toEqual({ selectable: true, refusal: null });
    const closesAt = (await server.db.selectFrom('offerings').select('closes_at').where('id', '=', OFFERING).executeTakeFirstOrThrow()).closes_at;
    await server.db.updateTable('offerings').set({ closes_at: new Date(server.clock.now().getTime() - 60_000) }).where('id', '=', OFFERING).execute();
    try {
      expect(await selectable()).toEqual({ selectable: false, refusal: 'OFFERING_CLOSED' });
    } finally {
      await server.db.updateTable('offerings').set({ closes_at: closesAt }).where('id', '=', OFFERING).execute();
    }
    expect(await selectable()).toEqual({ selectable: true, refusal: null });
  });
});
