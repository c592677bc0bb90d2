// `npm run bench`: every part in turn, each in its own process (its servers and clusters are its own), then one summary table.
// A part is a file bench/<part>.bench.ts that writes bench/results/<part>.json; adding one needs no change here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { headlineTable, RESULTS_DIR, type Headline, type ResultFile } from './lib/harness.js';

const BENCH_DIR = resolve(import.meta.dirname);
/** Server parts first (they need no renderer build), then the browser ones; any other part after, by name. */
const ORDER = ['login', 'seats', 'rush', 'replay', 'kiosk'];

function parts(): string[] {
  const found = readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts'))
    .map((name) => name.slice(0, -'.bench.ts'.length));
  const rank = (part: string) => (ORDER.includes(part) ? ORDER.indexOf(part) : ORDER.length);
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function selection(argv: readonly string[]): { only: Set<string> | null; skip: Set<string> } {
  let only: Set<string> | null = null;
  const skip = new Set<string>();
  for (const arg of argv) {
    const match = /^--(only|skip)=(.+)$/.exec(arg);
    if (match === null) {
      process.stderr.write(`unknown argument ${arg}; use --only=seats,rush or --skip=kiosk (a part's own flags: npm run bench:<part> -- --flag=value)\n`);
      process.exit(2);
    }
    const names = new Set((match[2] ?? '').split(','));
    if (match[1] === 'only') only = names;
    else for (const name of names) skip.add(name);
  }
  return { only, skip };
}

const { only, skip } = selection(process.argv.slice(2));
const unknown = [...(only ?? []), ...skip].filter((name) => !parts().includes(name));
if (unknown.length > 0) {
  process.stderr.write(`no such part: ${unknown.join(', ')} (parts: ${parts().join(', ')})\n`);
  process.exit(2);
}
const chosen = parts().filter((part) => (only === null || only.has(part)) && !skip.has(part));
const failed: string[] = [];
const rows: (Headline & { part: string })[] = [];
for (const part of chosen) {
  process.stdout.write(`\n=== ${part} ===\n`);
  const resultPath = join(RESULTS_DIR, `${part}.json`);
  const before = existsSync(resultPath) ? statSync(resultPath).mtimeMs : 0;
  // Its own process, so a part's Ctrl-C handler and cleanup run for it alone; Ctrl-C here reaches it too (same process group).
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, `${part}.bench.ts`)], { stdio: 'inherit' });
  if (run.signal === 'SIGINT' || run.status === 130) process.exit(130);
  const fresh = existsSync(resultPath) && statSync(resultPath).mtimeMs > before;
  if (run.status !== 0) failed.push(part);
  if (!fresh) {
    rows.push({ part, figure: 'no result', value: run.status === 0 ? 'no JSON written' : `failed (exit ${run.status})` });
    continue;
  }
  const result = JSON.parse(readFileSync(resultPath, 'utf8')) as ResultFile;
  for (const line of result.headline) rows.push({ part, ...line });
  if (run.status !== 0) rows.push({ part, figure: 'violations', value: result.violations.join('; ') || `exit ${run.status}` });
}
process.stdout.write(`\n=== summary (${chosen.length} parts; JSON in bench/results/, explained in BENCHMARKS.md) ===\n${headlineTable(rows, true)}\n`);
if (failed.length > 0) process.stdout.write(`\nfailed: ${failed.join(', ')}\n`);
process.exit(failed.length > 0 ? 1 : 0);
