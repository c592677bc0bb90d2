// One bench part: flags, a run, its table on stdout and bench/results/<part>.json; cleanup of whatever it started, always.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseFlags } from './args.js';
import { runCleanups } from './cleanup.js';
import { describeMachine } from './machine.js';
import { formatTable, type Cell } from './table.js';

export const RESULTS_DIR = resolve(import.meta.dirname, '..', 'results');

/** One line of the summary that `npm run bench` and BENCHMARKS.md show for every part. */
export interface Headline {
  readonly figure: string;
  readonly value: number | string;
  readonly unit?: string;
  /** The target of issue #9, in words, e.g. '≥ 0.5'; absent where there is none. */
  readonly target?: string;
  /** Whether the target was met; absent where there is none. */
  readonly met?: boolean;
}

export interface PartResult {
  /** The part's own fields (the ones issue #9 names, e.g. contenders, oversold, ratio), written at the top of its JSON. */
  readonly figures: Record<string, unknown>;
  readonly settings: Record<string, unknown>;
  readonly headline: readonly Headline[];
  /** Extra tables for stdout (per-route latencies and the like); their data is in `figures` too. */
  readonly tables?: readonly { title: string; headers: readonly string[]; rows: readonly (readonly Cell[])[] }[];
  /** What limits the figures, in a sentence each. */
  readonly notes?: readonly string[];
  /** Correctness broken during the run (oversold seats, unexpected errors): the part exits 1 after writing its JSON. */
  readonly violations?: readonly string[];
}

export interface ResultFile extends Record<string, unknown> {
  readonly part: string;
  readonly ran_at: string;
  readonly duration_s: number;
  readonly machine: ReturnType<typeof describeMachine>;
  readonly settings: Record<string, unknown>;
  readonly headline: readonly Headline[];
  readonly notes: readonly string[];
  readonly violations: readonly string[];
}

export function headlineTable(rows: readonly (Headline & { part?: string })[], withPart: boolean): string {
  const headers = [...(withPart ? ['part'] : []), 'figure', 'value', 'target', 'met'];
  return formatTable(
    headers,
    rows.map((row) => [...(withPart ? [row.part] : []), row.figure, `${row.value}${row.unit === undefined ? '' : ` ${row.unit}`}`, row.target, row.met]),
  );
}

/** The whole life of one part; `npm run bench:<part> -- --flag=value` passes flags through. */
export async function runPart<F extends Record<string, number | string | boolean>>(part: string, defaults: F, run: (flags: F) => Promise<PartResult>): Promise<void> {
  const started = performance.now();
  let exitCode = 0;
  try {
    const flags = parseFlags(process.argv.slice(2), defaults);
    const machine = describeMachine();
    process.stdout.write(`bench ${part}: ${JSON.stringify(flags)} on ${machine.logical_cores} × ${machine.cpu_model}, load ${machine.load_at_start}\n`);
    const result = await run(flags);
    machine.load_at_end = Math.round((loadavg()[0] ?? 0) * 100) / 100;
    const file: ResultFile = {
      part,
      ran_at: new Date().toISOString(),
      duration_s: Math.round((performance.now() - started) / 100) / 10,
      ...result.figures,
      settings: { ...flags, ...result.settings },
      machine,
      headline: result.headline,
      notes: result.notes ?? [],
      violations: result.violations ?? [],
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, `${part}.json`), `${JSON.stringify(file, null, 2)}\n`);
    for (const table of result.tables ?? []) process.stdout.write(`\n${table.title}\n${formatTable(table.headers, table.rows)}\n`);
    process.stdout.write(`\n${part} (${file.duration_s} s, results in bench/results/${part}.json)\n${headlineTable(result.headline, false)}\n`);
    if (file.violations.length > 0) {
      process.stderr.write(`\n${part}: CORRECTNESS VIOLATED:\n${file.violations.map((line) => `  ${line}`).join('\n')}\n`);
      exitCode = 1;
    }
  } catch (error) {
    process.stderr.write(`bench ${part} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exitCode = 1;
  } finally {
    runCleanups();
  }
  process.exit(exitCode);
}
