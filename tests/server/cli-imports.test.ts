// The operator's CSV imports through the CLI, as customer service runs them: a row-level report,
// exit code 2 and nothing written when any row is refused; every row written when all are good.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, pgliteDirOf } from '../../src-server/db/database.js';
import { residentId } from '../support/candidates.js';
import { databaseKind, freshDatabase, type TestDatabase } from '../support/database.js';

const root = resolve(import.meta.dirname, '../..');
let folder: string;
let database: TestDatabase | null = null;

/** The CLI's database: the run's PostgreSQL database, or an embedded one on disk (PGlite in memory can't be shared). */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: folder, LOG_LEVEL: 'silent' };
  if (database?.url) env['DATABASE_URL'] = database.url;
  else delete env['DATABASE_URL'];
  return env;
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src-server/bin/cli.ts', ...args], { cwd: root, env: cliEnv() });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

async function cet4Rows(): Promise<number> {
  const db = database?.db ?? openDatabase({ databaseUrl: null, pgliteDir: pgliteDirOf(folder) });
  try {
    return (await db.selectFrom('cet4_scores').select('ticket_number').execute()).length;
  } finally {
    if (database === null) await db.destroy();
  }
}

const HEADER = '准考证号,证件号码,姓名,成绩,考试年份';
const NAMES = '甲乙丙丁戊己庚辛壬癸';
const row = (seat: number, score = '520') => `99301024110010${seat},${residentId(90_000 + seat)},考生${NAMES[seat]},${score},2024`;

async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
  return path;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cet-cli-imports-'));
  if (databaseKind() === 'pg') database = await freshDatabase();
  expect((await cli('seed-demo')).code).toBe(0);
}, 180_000);

afterAll(async () => {
  await database?.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('CET4 score import from the CLI', () => {
  it('lists its commands on --help, and refuses an unknown one with the list', async () => {
    const help = await cli('--help');
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toContain('import-cet4 --file x.csv [--dry-run]');
    expect((await cli('nonsense')).code).toBe(1);
  }, 120_000);

  it('C2 refuses a file with bad rows: each with its line and reason, exit code 2, nothing written', async () => {
    const before = await cet4Rows();
    const file = await csv('bad.csv', [HEADER, row(1), row(2, 'abc'), row(1)]);
    const { code, stdout } = await cli('import-cet4', '--file', file);
    expect(code).toBe(2);
    expect(stdout).not.toMatch(/^line 2 /m);
    expect(stdout).toMatch(/^line 3 \[成绩\]: IMPORT_NUMBER_INVALID /m);
    expect(stdout).toMatch(/^line 4 .*IMPORT_DUPLICATE_TICKET /m);
    expect(stdout).toContain('nothing imported');
    expect(await cet4Rows()).toBe(before);
  }, 120_000);

  it('C2 checks a good file without writing on --dry-run, then imports every row', async () => {
    const before = await cet4Rows();
    const file = await csv('good.csv', [HEADER, row(5), row(6), row(7)]);
    const dry = await cli('import-cet4', '--file', file, '--dry-run');
    expect(dry.stdout).not.toMatch(/^line /m);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('3 rows, 3 valid, 0 issues — checked only (dry run), nothing written');
    expect(await cet4Rows()).toBe(before);
    const real = await cli('import-cet4', '--file', file);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('— imported');
    expect(await cet4Rows()).toBe(before + 3);
  }, 120_000);
});
