// Device configuration: a JSON file in userData, flags over it, every value checked before the app starts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, parseFlags } from '../../src-main/core/config.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cet-config-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withFile(content: unknown): Promise<void> {
  await writeFile(join(dir, 'config.json'), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('device configuration', () => {
  it('without a file or flags, a kiosk with K2 defaults (90 s idle, 15 s warning) and the default printer', async () => {
    const outcome = await loadConfig(dir, []);
    expect(outcome).toMatchObject({ ok: true, fileFound: false });
    if (!outcome.ok) return;
    expect(outcome.config).toMatchObject({
      window: 'kiosk',
      serverUrl: 'http://127.0.0.1:3000',
      printers: { receipt: null, admissionTicket: null },
      idle: { timeoutSeconds: 90, warningSeconds: 15 },
      devTools: false,
    });
    expect(outcome.config.campusCode).toBeUndefined();
  });

  it('reads the file and lets flags win, key by key', async () => {
    await withFile({
      serverUrl: 'https://cet.example.edu.cn',
      window: 'kiosk',
      campusCode: '993010',
      printers: { receipt: 'EPSON TM-T82', admissionTicket: 'HP LaserJet' },
      idle: { timeoutSeconds: 120, warningSeconds: 20 },
    });
    const outcome = await loadConfig(dir, ['--window=staff', '--printer-receipt', 'Star TSP100', '--idle-warning=30', '--no-sandbox']);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.config).toMatchObject({
      serverUrl: 'https://cet.example.edu.cn',
      window: 'staff',
      campusCode: '993010',
      printers: { receipt: 'Star TSP100', admissionTicket: 'HP LaserJet' },
      idle: { timeoutSeconds: 120, warningSeconds: 30 },
    });
  });

  it('takes another config file from --config', async () => {
    const other = join(dir, 'other.json');
    await writeFile(other, JSON.stringify({ window: 'staff' }));
    const outcome = await loadConfig(join(dir, 'nowhere'), [`--config=${other}`]);
    expect(outcome).toMatchObject({ ok: true, file: other, config: { window: 'staff' } });
  });

  it.each([
    ['a window kind that does not exist', { window: 'admin' }, 'window'],
    ['a server URL that is not http(s)', { serverUrl: 'ftp://cet.example.edu.cn' }, 'serverUrl'],
    ['a campus code of the wrong length', { campusCode: '99301' }, 'campusCode'],
    ['a warning longer than the timeout', { idle: { timeoutSeconds: 60, warningSeconds: 60 } }, 'idle.warningSeconds'],
    ['an idle timeout below 30 s', { idle: { timeoutSeconds: 10, warningSeconds: 5 } }, 'idle.timeoutSeconds'],
    ['an unknown key (a typo)', { idleTimeout: 90 }, '(top level)'],
    ['an unknown printer key', { printers: { reciept: 'x' } }, 'printers'],
  ])('refuses %s', async (_name, file, path) => {
    await withFile(file);
    const outcome = await loadConfig(dir, []);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.some((problem) => problem.startsWith(`${path}:`))).toBe(true);
  });

  it('reports a flag that does not parse instead of dropping it', async () => {
    const outcome = await loadConfig(dir, ['--idle-timeout=soon']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatch(/^idle\.timeoutSeconds:/);
  });

  it('reports a file that is not JSON, or not an object', async () => {
    await withFile('{ window: kiosk');
    expect((await loadConfig(dir, [])).ok).toBe(false);
    await withFile('[1, 2]');
    expect(await loadConfig(dir, [])).toMatchObject({ ok: false, problems: [expect.stringContaining('JSON object')] });
  });
});

describe('command-line flags', () => {
  it('ignores what Chromium and Electron put on the same command line', () => {
    expect(parseFlags(['.', '--no-sandbox', '--enable-logging', '--window=staff', '--server-url=http://10.0.0.2:3000'])).toEqual({
      overrides: { window: 'staff', serverUrl: 'http://10.0.0.2:3000' },
    });
  });

  it('maps every flag onto the config shape', () => {
    expect(
      parseFlags([
        '--campus=993010',
        '--device-name=图书馆1号机',
        '--printer-ticket=HP',
        '--idle-timeout=120',
        '--dev-tools',
        '--config=/etc/cet/config.json',
      ]),
    ).toEqual({
      configPath: '/etc/cet/config.json',
      overrides: {
        campusCode: '993010',
        deviceName: '图书馆1号机',
        printers: { admissionTicket: 'HP' },
        idle: { timeoutSeconds: 120 },
        devTools: true,
      },
    });
  });
});
