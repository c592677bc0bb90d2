// R7 under load: 200 simultaneous enrolments for 50 seats through two real server processes on one PostgreSQL database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src-server/db/database.js';
import { seedDemo } from '../../src-server/demo/seed.js';
import { seatDrift } from '../../src-server/services/seats.js';
import { TestClient } from '../support/client.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';
import { offeringId, passportWithSession } from '../support/enrolment.js';
import { insertSavedRegistration } from '../support/registrations.js';
import { TEST_SECRET } from '../support/server.js';

const isPg = databaseKind() === 'pg';
if (!isPg) console.log('R7 seat race skipped on PGlite: one embedded database belongs to one process, so two server processes cannot share it; the server:pg project runs it.');

const CANDIDATES = 200;
const SEATS = 50;
const OFFERING = offeringId('993010', '1');

/** `npm run server` as a child process: its own pool, its own clock, the same database. Resolves with its URL once it listens. */
function serverProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/bin/server.ts'], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'info', COOKIE_SECRET: TEST_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (listening?.[1] !== undefined) resolve({ url: listening[1], child });
    });
  });
}

describe.skipIf(!isPg)('R7 seat race across two server processes', () => {
  let database: TestDatabase;
  let db: Db;
  const servers: { url: string; child: ChildProcess }[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    db = database.db;
    const now = new Date();
    await seedDemo(db, now);
    await db.updateTable('offerings').set({ capacity: SEATS, remaining: SEATS }).where('id', '=', OFFERING).execute();
    // Preparation only: passports, sessions and saved registrations go straight in; the enrolments go over HTTP.
    for (let n = 0; n < CANDIDATES; n += 1) {
      const { passportId, identity, token } = await passportWithSession(db, now);
      await insertSavedRegistration(db, { passportId, identity, at: now });
      tokens.push(token);
    }
    const url = database.url ?? '';
    servers.push(...(await Promise.all([serverProcess(url), serverProcess(url)])));
  }, 120_000);

  afterAll(async () => {
    for (const { child } of servers) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await database?.dispose();
  });

  it('R7 200 simultaneous enrolments for 50 seats: exactly 50 enrolled, 150 refused OFFERING_FULL', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      tokens.map((token, n) => new TestClient(servers[n % 2]!.url, { authorization: `Bearer ${token}` }).post('/api/enrolment/written', { offeringIds: [OFFERING] })),
    );
    const elapsedMs = Math.round(performance.now() - started);
    const enrolled = answers.filter((answer) => answer.status === 200).length;
    const full = answers.filter((answer) => answer.status === 409 && answer.body.error.code === 'OFFERING_FULL').length;
    console.log(`R7 seat race: ${CANDIDATES} requests over 2 processes in ${elapsedMs} ms → ${enrolled} enrolled, ${full} OFFERING_FULL`);
    expect({ enrolled, full, other: answers.length - enrolled - full }).toEqual({ enrolled: SEATS, full: CANDIDATES - SEATS, other: 0 });
    const held = await db.selectFrom('enrolments').select(({ fn }) => fn.countAll<string>().as('n')).where('offering_id', '=', OFFERING).executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(SEATS);
    const offering = await db.selectFrom('offerings').select('remaining').where('id', '=', OFFERING).executeTakeFirstOrThrow();
    expect(offering.remaining).toBe(0);
    expect(await seatDrift(db)).toEqual([]);
  }, 60_000);
});
