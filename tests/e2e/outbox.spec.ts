// Issue #7, the renderer's durable outbox in real Chromium: the real module on a page of a real browser host (its syncer), against the real e2e server.
// The host reaches the server through a TCP relay this test can cut, which is how "the server becomes unreachable" is made.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { residentIdCheckCharacter } from '../../shared/rules/id-number.js';
import { DEMO_AGREEMENT_VERSION } from '../../src-server/demo/seed.js';
import { freePort, waitFor } from '../support/processes.js';
import { candidateSession, teacherSession } from './support/api.js';
import type { NewCandidate } from './support/candidates.js';
import { rawIndexedDb } from './support/indexeddb.js';
import type { HarnessOpenOptions } from './support/outbox-harness.js';
import { E2E } from './support/ports.js';

const root = resolve(import.meta.dirname, '../..');
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

// ---- a relay to the server that can be cut, and a browser host of our own behind it -------------

class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private down = false;
  port = 0;

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = createServer((client) => {
      if (this.down) return void client.destroy();
      const upstream = connect(E2E.serverPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done) => this.server?.listen(this.port, '127.0.0.1', done));
  }

  /** The network is cut: open connections drop and new ones are reset, as when a campus link fails. */
  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((done) => this.server?.close(done));
  }
}

const relay = new Relay();
let host: ChildProcess | undefined;
let hostDir = '';
let hostUrl = '';

async function hostAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${hostUrl}/index.html`)).ok;
  } catch {
    return false;
  }
}

test.beforeAll(async ({ browser }) => {
  const bundle = await build({
    entryPoints: [join(root, 'tests/e2e/support/outbox-harness.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  await relay.start();
  hostDir = await mkdtemp(join(tmpdir(), 'cet-outbox-host-'));
  const rendererDir = join(hostDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'outbox-harness.js'), bundle.outputFiles[0]?.text ?? '');
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script src="/outbox-harness.js"></script></head><body></body></html>');
  // Quick health polls, so going offline and coming back are noticed within a second or two.
  await writeFile(join(hostDir, 'config.json'), JSON.stringify({ sync: { onlineIntervalSeconds: 1, offlineBaseSeconds: 0.2, offlineCapSeconds: 1, requestTimeoutSeconds: 5 } }));
  const port = await freePort();
  hostUrl = `http://127.0.0.1:${port}`;
  host = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/browser-host/main.ts', '--windows=kiosk,staff', `--server-url=http://127.0.0.1:${relay.port}`, `--port=${port}`, `--data-dir=${hostDir}`, `--renderer-dir=${rendererDir}`],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitFor(hostAnswers, 60_000);
  // The device is enrolled as a teacher would: a one-time code for the campus, typed into the device.
  const teacher = await teacherSession();
  const issued = await teacher.ok('POST', '/api/staff/devices/enrolment-codes', { campusCode: '993010' });
  const page = await harnessPage(browser);
  // The host has found the server (its first health poll) before the code is typed.
  await expect.poll(async () => page.evaluate(async () => {
    const status = await window.outboxHarness.hostStatus();
    return status.ok ? status.value.connectivity : 'no answer';
  }), { timeout: 30_000 }).toBe('online');
  const enrolled = await page.evaluate((code) => window.outboxHarness.enrol(code), String(issued['code']));
  expect(enrolled, JSON.stringify(enrolled)).toMatchObject({ ok: true, value: { campusCode: '993010' } });
  await page.context().close();
});

test.afterAll(async () => {
  if (host && host.exitCode === null && host.signalCode === null) {
    const running = host;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill('SIGTERM');
    // A host that does not stop within five seconds is killed: the test's own process, never anyone else's.
    const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  await relay.stop();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

/** The host serves the harness as its renderer, so the page is of the host's own origin (its socket is accepted) and no app of ours pumps beside it. */
async function harnessOn(page: Page): Promise<Page> {
  await page.goto(`${hostUrl}/index.html?window=kiosk`);
  await page.waitForFunction(() => window.outboxHarness !== undefined);
  return page;
}

async function harnessPage(browser: Browser | BrowserContext): Promise<Page> {
  return harnessOn(await browser.newPage());
}

async function openOutbox(page: Page, options: HarnessOpenOptions = {}): Promise<void> {
  expect(await page.evaluate((opts) => window.outboxHarness.open(opts), options)).toEqual({ ok: true, value: true });
}

// ---- candidates and payloads ---------------------------------------------------------------------

let serial = 0;
const run = Date.now() % 100_000;

/** Identities no other spec of the run uses (their own region code and mobile prefix). */
function outboxCandidate(overrides: Partial<NewCandidate> = {}): NewCandidate {
  serial += 1;
  const first17 = `320102${1995 + (serial % 10)}${String(1 + (serial % 12)).padStart(2, '0')}${String(1 + (serial % 28)).padStart(2, '0')}${String((run + serial * 7) % 1000).padStart(3, '0')}`;
  return {
    email: `outbox${run}-${serial}@example.com`,
    mobile: `136${String(run).padStart(5, '0')}${String(serial).padStart(3, '0')}`,
    password: 'Outbox2026!',
    idNumber: first17 + residentIdCheckCharacter(first17),
    name: '赵敏',
    ...overrides,
  };
}

function registerPayload(candidate: NewCandidate) {
  return {
    email: candidate.email,
    mobile: candidate.mobile,
    password: candidate.password,
    passwordConfirmation: candidate.password,
    idType: 'RESIDENT_ID' as const,
    idNumber: candidate.idNumber,
    name: candidate.name,
    agreementAccepted: true,
  };
}

function savePayload(candidate: NewCandidate, registerSeq: number) {
  return {
    candidate: { by: 'operation' as const, seq: registerSeq },
    agreementVersion: DEMO_AGREEMENT_VERSION,
    idType: 'RESIDENT_ID' as const,
    idNumber: candidate.idNumber,
    name: candidate.name,
    confirmed: true as const,
  };
}

async function capture(page: Page, kind: 'passport.register' | 'registration.save', payload: unknown, options: { dependsOn?: number[]; params?: Record<string, string>; local?: { id: string; value: unknown } } = {}): Promise<number> {
  const captured = await page.evaluate(
    ([k, p, o]) => window.outboxHarness.capture(k, p, { summary: { params: o.params ?? { campus: '993010' } }, ...(o.dependsOn ? { dependsOn: o.dependsOn } : {}), ...(o.local ? { local: o.local } : {}) }),
    [kind, payload, options] as const,
  );
  if (!captured.ok) throw new Error(`capture refused: ${JSON.stringify(captured)}`);
  return captured.value;
}

async function operation(page: Page, seq: number) {
  const [found] = await page.evaluate((s) => window.outboxHarness.operations({ seqs: [s] }), seq);
  if (!found) throw new Error(`no operation ${seq}`);
  return found;
}

async function loginWorks(candidate: NewCandidate): Promise<boolean> {
  try {
    await candidateSession(candidate);
    return true;
  } catch {
    return false;
  }
}

// ---- the tests ---------------------------------------------------------------------------------

test('K3 seqs are contiguous per device, continue above the server’s last applied seq, and survive a reload', async ({ page }) => {
  await harnessOn(page);
  await openOutbox(page);
  const host = await page.evaluate(() => window.outboxHarness.hostStatus());
  const lastApplied = host.ok ? host.value.lastAppliedSeq : -1;
  const first = await capture(page, 'passport.register', registerPayload(outboxCandidate()));
  const second = await capture(page, 'passport.register', registerPayload(outboxCandidate()));
  expect([first, second]).toEqual([lastApplied + 1, lastApplied + 2]);

  await page.reload();
  await page.waitForFunction(() => window.outboxHarness !== undefined);
  await openOutbox(page);
  const third = await capture(page, 'passport.register', registerPayload(outboxCandidate()));
  expect(third).toBe(lastApplied + 3);
  const seqs = (await page.evaluate(() => window.outboxHarness.operations())).map((op) => op.seq);
  expect(seqs).toEqual([third, second, first]);
  expect(await page.evaluate(() => window.outboxHarness.status())).toMatchObject({ ready: true, pending: 3, refused: 0 });
});

test('K3 an operation and its local state are one transaction: a failing local write leaves no operation and no seq used', async ({ page }) => {
  await harnessOn(page);
  await openOutbox(page, { failLocalWrites: true });
  const candidate = outboxCandidate();
  const failed = await page.evaluate(
    (payload) => window.outboxHarness.capture('passport.register', payload, { summary: {}, local: { id: 'kiosk:candidate', value: { step: 'registered' } } }),
    registerPayload(candidate),
  );
  expect(failed.ok).toBe(false);
  expect(await page.evaluate(() => window.outboxHarness.operations())).toEqual([]);
  expect(await page.evaluate(() => window.outboxHarness.provisional('kiosk:candidate'))).toEqual({ ok: true });

  // The same outbox without the failure: the seq that failed is the one given out, nothing was skipped.
  await page.evaluate(() => window.outboxHarness.close());
  await openOutbox(page);
  const host = await page.evaluate(() => window.outboxHarness.hostStatus());
  const seq = await capture(page, 'passport.register', registerPayload(candidate), { local: { id: 'kiosk:candidate', value: { step: 'registered' } } });
  expect(seq).toBe((host.ok ? host.value.lastAppliedSeq : -1) + 1);
  expect(await page.evaluate(() => window.outboxHarness.provisional('kiosk:candidate'))).toMatchObject({ ok: true, value: { value: { step: 'registered' }, seqs: [seq] } });
});

test('K2 #7 the stored outbox holds no plaintext ID number, name, mobile, email or password (raw IndexedDB records), and a sealed payload cannot be moved to another seq', async ({ page }) => {
  await harnessOn(page);
  await openOutbox(page);
  const candidate = outboxCandidate({ name: '欧阳娜娜' });
  const registered = await capture(page, 'passport.register', registerPayload(candidate), {
    local: { id: 'kiosk:candidate', value: { name: candidate.name, idNumber: candidate.idNumber, mobile: candidate.mobile } },
  });
  await capture(page, 'registration.save', savePayload(candidate, registered), { dependsOn: [registered], local: { id: 'kiosk:candidate', value: { name: candidate.name, saved: true } } });
  // A login typed on the kiosk, checked by the server at replay: account and password are sealed too.
  const byLogin = await page.evaluate(
    ([account, password, idNumber, name]) =>
      window.outboxHarness.capture(
        'registration.save',
        { candidate: { by: 'credentials', provinceCode: '99', account, password }, agreementVersion: '2026-1', idType: 'RESIDENT_ID', idNumber, name, confirmed: true },
        { summary: { params: { campus: '993010' } } },
      ),
    [candidate.email, candidate.password, candidate.idNumber, candidate.name] as const,
  );
  expect(byLogin.ok).toBe(true);
  // Local state kept without a capture (the staff window's offline decision grant) is sealed the same way.
  const grant = `grant-${run}-${'q'.repeat(40)}`;
  expect(await page.evaluate(([g, name]) => window.outboxHarness.keep('staff:offline-grant', { grant: g, teacher: name }), [grant, candidate.name] as const)).toEqual({ ok: true });
  expect(await page.evaluate(() => window.outboxHarness.provisional('staff:offline-grant'))).toMatchObject({ ok: true, value: { value: { grant }, seqs: [] } });

  // A control: the same reading finds a value stored in the clear, as bytes, in another database.
  await page.evaluate(
    (plain) =>
      new Promise<void>((done) => {
        const open = indexedDB.open('control-plaintext', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('records');
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          tx.objectStore('records').put({ bytes: new TextEncoder().encode(plain).buffer }, 'one');
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
        };
      }),
    `control:${candidate.idNumber.split('').reverse().join('')}`,
  );
  const raw = await rawIndexedDb(page);
  expect(raw.text).toContain(`control:${candidate.idNumber.split('').reverse().join('')}`);
  expect(raw.databases).toContain('cet-outbox');
  expect(raw.text).toContain('cet-outbox/operations');
  const outboxText = raw.text.split('\n').filter((line) => line.startsWith('cet-outbox/')).join('\n');
  for (const secret of [candidate.idNumber, candidate.idNumber.slice(-8), candidate.name, candidate.mobile, candidate.email, candidate.password, grant]) {
    expect(outboxText, secret).not.toContain(secret);
  }
  // Browser mode's key is a CryptoKey object that cannot be exported.
  expect(outboxText).toMatch(/"cryptoKey":\{"name":"AES-GCM","length":256\},"extractable":false/);

  // Boundaries: a malformed payload and a summary repeating personal data are refused, nothing stored.
  const before = (await page.evaluate(() => window.outboxHarness.operations())).length;
  const malformed = await page.evaluate(() => window.outboxHarness.capture('passport.register', { email: 'x' }, { summary: {} }));
  expect(malformed).toMatchObject({ ok: false, code: 'OUTBOX_PAYLOAD_INVALID' });
  const leaky = await page.evaluate((payload) => window.outboxHarness.capture('passport.register', payload, { summary: { params: { who: payload.name } } }), registerPayload(outboxCandidate({ name: '司马光' })));
  expect(leaky).toMatchObject({ ok: false, code: 'OUTBOX_SUMMARY_PERSONAL', field: 'summary' });
  expect(await page.evaluate(() => window.outboxHarness.operations())).toHaveLength(before);

  // The seq and kind are the sealed payload's additional data: swapped between two records, neither opens, and the pump stops instead of sending.
  await page.evaluate(
    ([a, b]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('cet-outbox');
        open.onsuccess = () => {
          const tx = open.result.transaction('operations', 'readwrite');
          const store = tx.objectStore('operations');
          const getA = store.get(a);
          const getB = store.get(b);
          tx.oncomplete = () => {
            const write = open.result.transaction('operations', 'readwrite');
            write.objectStore('operations').put({ ...getA.result, sealed: getB.result.sealed });
            write.objectStore('operations').put({ ...getB.result, sealed: getA.result.sealed });
            write.oncomplete = () => {
              open.result.close();
              done();
            };
          };
        };
        open.onerror = () => fail(open.error);
      }),
    [registered, registered + 1] as const,
  );
  const pumped = await page.evaluate(() => window.outboxHarness.pump());
  expect(pumped).toMatchObject({ ok: true, value: { outcome: 'blocked', answered: 0 } });
  expect(await page.evaluate(() => window.outboxHarness.status().blocked)).toEqual({ code: 'OUTBOX_UNREADABLE', expectedSeq: registered });
  expect(await page.evaluate(() => window.outboxHarness.pushed())).toEqual([]);
});

test('K3 the pump replays in order against the real server: applied, refused with the reason, cascaded; payloads of applied operations are dropped', async ({ page }) => {
  await harnessOn(page);
  await openOutbox(page);
  const holder = outboxCandidate();
  const twin = outboxCandidate({ idNumber: holder.idNumber, name: holder.name });
  const other = outboxCandidate();
  const a = await capture(page, 'passport.register', registerPayload(holder));
  const b = await capture(page, 'passport.register', registerPayload(twin));
  const c = await capture(page, 'registration.save', savePayload(twin, b));
  const d = await capture(page, 'passport.register', registerPayload(other));
  expect(await page.evaluate(() => window.outboxHarness.status())).toMatchObject({ pending: 4, connectivity: 'online' });

  expect(await page.evaluate(() => window.outboxHarness.pump())).toEqual({ ok: true, value: { outcome: 'done', answered: 4 } });
  expect(await page.evaluate(() => window.outboxHarness.pushed())).toEqual([[a, b, c, d]]);
  expect(await operation(page, a)).toMatchObject({ state: 'applied', sent: true, hasPayload: false, result: { passportId: expect.stringMatching(/^[0-9A-F]{32}$/), provisional: true } });
  expect(await operation(page, b)).toMatchObject({ state: 'refused', hasPayload: true, error: { code: 'INFORMATION_OCCUPIED', message: { 'zh-CN': expect.any(String), en: expect.any(String) } } });
  // dependsOn came from the candidate reference itself.
  expect(await operation(page, c)).toMatchObject({ state: 'refused', dependsOn: [b], error: { code: 'SYNC_DEPENDENCY_REFUSED', params: { seq: b } } });
  expect(await operation(page, d)).toMatchObject({ state: 'applied', hasPayload: false });
  expect(await page.evaluate(() => window.outboxHarness.status())).toMatchObject({ pending: 0, refused: 2 });
  // The server holds what was applied and nothing of what was refused.
  expect(await loginWorks(holder)).toBe(true);
  expect(await loginWorks(other)).toBe(true);
  expect(await loginWorks(twin)).toBe(false);
  const host = await page.evaluate(() => window.outboxHarness.hostStatus());
  expect(host).toMatchObject({ ok: true, value: { lastAppliedSeq: d, pending: 0, blocked: null } });
});

test('K3 the pump stops when the server becomes unreachable, shows offline, and retries with backoff until it is back', async ({ page }) => {
  await harnessOn(page);
  await openOutbox(page, { autoPump: true, backoff: { baseMs: 300, capMs: 1_500 } });
  try {
    relay.cut();
    await expect.poll(() => page.evaluate(() => window.outboxHarness.status().connectivity), { timeout: 20_000 }).toBe('offline');
    const candidate = outboxCandidate();
    const seq = await capture(page, 'passport.register', registerPayload(candidate));
    const pumped = await page.evaluate(() => window.outboxHarness.pump());
    expect(pumped).toMatchObject({ ok: true, value: { outcome: 'offline', answered: 0 } });
    expect(await operation(page, seq)).toMatchObject({ state: 'pending', sent: false, hasPayload: true });
    expect(await page.evaluate(() => window.outboxHarness.status())).toMatchObject({ pending: 1, connectivity: 'offline', nextRetryAt: expect.any(String) });
    // The backoff timer keeps trying while the link is down; nothing is applied.
    await expect.poll(async () => (await page.evaluate(() => window.outboxHarness.pushed())).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    expect(await operation(page, seq)).toMatchObject({ state: 'pending' });

    relay.restore();
    // No call from the test: the reconnect or the next retry sends it.
    await expect.poll(async () => (await operation(page, seq)).state, { timeout: 30_000 }).toBe('applied');
    expect(await page.evaluate(() => window.outboxHarness.status())).toMatchObject({ pending: 0, connectivity: 'online', nextRetryAt: null, blocked: null });
    expect(await loginWorks(candidate)).toBe(true);
  } finally {
    relay.restore();
  }
});

test('K3 #7 two windows pumping at once push each operation once', async ({ context }) => {
  const first = await harnessPage(context);
  const second = await harnessPage(context);
  await openOutbox(first);
  await openOutbox(second);
  const seqs: number[] = [];
  for (let i = 0; i < 25; i += 1) seqs.push(await capture(i % 2 === 0 ? first : second, 'passport.register', registerPayload(outboxCandidate())));
  // Both windows share the one queue and its numbering.
  expect(seqs).toEqual(seqs.map((_seq, i) => (seqs[0] ?? 0) + i));

  const outcomes = await Promise.all([first.evaluate(() => window.outboxHarness.pump()), second.evaluate(() => window.outboxHarness.pump())]);
  const pushed = [...(await first.evaluate(() => window.outboxHarness.pushed())), ...(await second.evaluate(() => window.outboxHarness.pushed()))].flat();
  expect([...pushed].sort((x, y) => x - y)).toEqual(seqs);
  expect(outcomes.map((outcome) => (outcome.ok ? outcome.value.outcome : outcome.code)).sort()).toEqual(['busy', 'done']);
  const states = await first.evaluate(() => window.outboxHarness.operations());
  expect(states.map((op) => op.state)).toEqual(seqs.map(() => 'applied'));
  expect(await first.evaluate(() => window.outboxHarness.hostStatus())).toMatchObject({ ok: true, value: { lastAppliedSeq: seqs[seqs.length - 1] } });
});

test('K3 an operation pending past the retention time is voided as expired (seq kept, payload dropped), audited, shown, and its dependants are refused', async ({ page }) => {
  await harnessOn(page);
  await openOutbox(page);
  const late = outboxCandidate();
  const expiring = await capture(page, 'passport.register', registerPayload(late));
  // 72 h and a minute later by the outbox's clock: a capture depending on it, and one on its own.
  await page.evaluate(() => window.outboxHarness.setClockOffset(72 * 3600_000 + 60_000));
  const dependant = await capture(page, 'passport.register', registerPayload(outboxCandidate()), { dependsOn: [expiring] });
  const fresh = outboxCandidate();
  const freshSeq = await capture(page, 'passport.register', registerPayload(fresh));
  const expired = await page.evaluate(() => window.outboxHarness.expireOverdue());
  expect(expired).toMatchObject({ ok: true, value: [{ action: 'expire', seq: expiring, kind: 'passport.register', actor: 'system' }] });
  expect(expired.ok && expired.value).toHaveLength(1);
  expect(await operation(page, expiring)).toMatchObject({ kind: 'outbox.void', state: 'voided', voidReason: 'expired', voidedKind: 'passport.register', hasPayload: false });
  expect(await page.evaluate(() => window.outboxHarness.status())).toMatchObject({ expired: 1, pending: 2 });
  expect(await page.evaluate(() => window.outboxHarness.auditTrail())).toMatchObject([{ action: 'expire', seq: expiring, actor: 'system' }]);
  await page.evaluate(() => window.outboxHarness.setClockOffset(0));

  expect(await page.evaluate(() => window.outboxHarness.pump())).toMatchObject({ ok: true, value: { outcome: 'done', answered: 3 } });
  expect(await operation(page, expiring)).toMatchObject({ state: 'voided', sent: true, error: { code: 'OPERATION_EXPIRED' } });
  expect(await operation(page, dependant)).toMatchObject({ state: 'refused', error: { code: 'SYNC_DEPENDENCY_REFUSED', params: { seq: expiring, reason: 'OPERATION_EXPIRED' } } });
  expect(await operation(page, freshSeq)).toMatchObject({ state: 'applied' });
  expect(await loginWorks(late)).toBe(false);
  expect(await loginWorks(fresh)).toBe(true);
});

test('K4 #7 retry captures a refused operation again (dependants follow the retry), discard voids a pending one as a tombstone; both audited', async ({ page }) => {
  await harnessOn(page);
  await openOutbox(page);
  const holder = outboxCandidate();
  const twin = outboxCandidate({ idNumber: holder.idNumber, name: holder.name });
  const a = await capture(page, 'passport.register', registerPayload(holder));
  const b = await capture(page, 'passport.register', registerPayload(twin));
  const c = await capture(page, 'registration.save', savePayload(twin, b));
  expect(await page.evaluate(() => window.outboxHarness.pump())).toMatchObject({ ok: true, value: { outcome: 'done' } });

  const retriedB = await page.evaluate((seq) => window.outboxHarness.retry(seq, 'teacher99301'), b);
  expect(retriedB).toMatchObject({ ok: true, value: { action: 'retry', seq: b, newSeq: c + 1, kind: 'passport.register', actor: 'teacher99301' } });
  const retriedC = await page.evaluate((seq) => window.outboxHarness.retry(seq, 'teacher99301'), c);
  expect(retriedC).toMatchObject({ ok: true, value: { seq: c, newSeq: c + 2 } });
  expect(await operation(page, b)).toMatchObject({ state: 'refused', retriedAs: c + 1, hasPayload: false });
  expect(await operation(page, c + 1)).toMatchObject({ kind: 'passport.register', state: 'pending', retryOf: b, hasPayload: true });
  expect(await operation(page, c + 2)).toMatchObject({ kind: 'registration.save', dependsOn: [c + 1], retryOf: c });
  expect(await page.evaluate((seq) => window.outboxHarness.retry(seq, 'teacher99301'), b)).toMatchObject({ ok: false, code: 'OUTBOX_ALREADY_RETRIED', params: { seq: b, newSeq: c + 1 } });
  expect(await page.evaluate((seq) => window.outboxHarness.retry(seq, 'teacher99301'), a)).toMatchObject({ ok: false, code: 'OUTBOX_NOT_REFUSED' });

  // The candidate gives up on the one still waiting: it becomes a tombstone at its seq.
  const noReason = await page.evaluate((seq) => window.outboxHarness.discard(seq, 'teacher99301', '  '), c + 2);
  expect(noReason).toMatchObject({ ok: false, code: 'FIELD_REQUIRED', field: 'reason' });
  const discarded = await page.evaluate((seq) => window.outboxHarness.discard(seq, 'teacher99301', '考生放弃本次报名'), c + 2);
  expect(discarded).toMatchObject({ ok: true, value: { action: 'discard', seq: c + 2, kind: 'registration.save', actor: 'teacher99301', reason: '考生放弃本次报名' } });
  expect(await operation(page, c + 2)).toMatchObject({ kind: 'outbox.void', state: 'voided', voidReason: 'discarded', hasPayload: false });
  expect(await page.evaluate((seq) => window.outboxHarness.discard(seq, 'teacher99301', '重复'), a)).toMatchObject({ ok: false, code: 'OUTBOX_NOT_PENDING' });

  expect(await page.evaluate(() => window.outboxHarness.pump())).toMatchObject({ ok: true, value: { outcome: 'done', answered: 2 } });
  // The same payload again: the same refusal, from the server.
  expect(await operation(page, c + 1)).toMatchObject({ state: 'refused', error: { code: 'INFORMATION_OCCUPIED' } });
  expect(await operation(page, c + 2)).toMatchObject({ state: 'voided', error: { code: 'OPERATION_DISCARDED' } });

  // A refusal nobody will retry: discarding it drops the payload the outbox kept for a retry.
  const dismissed = await page.evaluate((seq) => window.outboxHarness.discard(seq, 'teacher99301', '证件号码已被他人使用'), c + 1);
  expect(dismissed).toMatchObject({ ok: true, value: { action: 'discard', seq: c + 1 } });
  expect(await operation(page, c + 1)).toMatchObject({ state: 'refused', hasPayload: false });
  expect(await page.evaluate(() => window.outboxHarness.status())).toMatchObject({ refused: 0, pending: 0 });
  expect((await page.evaluate(() => window.outboxHarness.auditTrail())).map((entry) => [entry.action, entry.seq])).toEqual([
    ['discard', c + 1],
    ['discard', c + 2],
    ['retry', c],
    ['retry', b],
  ]);
});

test('K3 the reference cache pulls every page from its stored cursor, and the next refresh only what changed', async ({ page }) => {
  await harnessOn(page);
  await openOutbox(page);
  const first = await page.evaluate(() => window.outboxHarness.refreshReference());
  expect(first.ok && first.value.changes).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.outboxHarness.referenceKeys('campus'))).toContain('993010');
  expect((await page.evaluate(() => window.outboxHarness.referenceKeys('offering'))).length).toBeGreaterThan(0);
  const again = await page.evaluate(() => window.outboxHarness.refreshReference());
  expect(again).toEqual({ ok: true, value: { changes: 0 } });
});

test('K3 a gap in the numbering blocks the queue with the seq the server expects, without looping', async ({ page }) => {
  await harnessOn(page);
  // An outbox that lost its last five operations (a restored backup, say): it numbers above them.
  const host = await page.evaluate(() => window.outboxHarness.hostStatus());
  const lastApplied = host.ok ? host.value.lastAppliedSeq : -1;
  await openOutbox(page);
  await page.evaluate(() => window.outboxHarness.close());
  await page.evaluate(
    ([seq]) =>
      new Promise<void>((done) => {
        const open = indexedDB.open('cet-outbox');
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          const store = tx.objectStore('meta');
          const read = store.get('queue');
          read.onsuccess = () => store.put({ key: 'queue', value: { ...read.result.value, lastSeq: seq } });
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
        };
      }),
    [lastApplied + 5] as const,
  );
  await openOutbox(page, { autoPump: true, backoff: { baseMs: 100, capMs: 200 } });
  const seq = await capture(page, 'passport.register', registerPayload(outboxCandidate()));
  expect(seq).toBe(lastApplied + 6);
  await expect.poll(() => page.evaluate(() => window.outboxHarness.status().blocked), { timeout: 15_000 }).toEqual({ code: 'SYNC_SEQUENCE_GAP', expectedSeq: lastApplied + 1 });
  const pushes = (await page.evaluate(() => window.outboxHarness.pushed())).length;
  expect(await page.evaluate(() => window.outboxHarness.status().nextRetryAt)).toBeNull();
  // A second later nothing more was tried: blocked waits for a person.
  await page.waitForTimeout(1_000);
  expect((await page.evaluate(() => window.outboxHarness.pushed())).length).toBe(pushes);
  expect(await operation(page, seq)).toMatchObject({ state: 'pending', sent: false });
});
