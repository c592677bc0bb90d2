// Runs every test suite of the project and ends with one line that adds them all up.
// Each runner writes a JSON report; the totals come from those reports, not from scraping logs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'test-results/reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** @type {{ name: string, passed: number, failed: number, skipped: number, crashed: boolean }[]} */
const suites = [];

function run(name, command, args, readTotals) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  let totals;
  try {
    totals = readTotals();
  } catch (error) {
    console.error(`${name}: no report could be read (${error.message})`);
    totals = { passed: 0, failed: 0, skipped: 0 };
  }
  // A runner that exits non-zero without reporting a failed test crashed (setup error, bad config).
  const crashed = result.status !== 0 && totals.failed === 0;
  suites.push({ name, ...totals, crashed });
}

const vitestReport = `${reports}/vitest.json`;
run('vitest (unit and server integration)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`], () => {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
});

if (existsSync('playwright.config.ts')) {
  const playwrightReport = `${reports}/playwright.json`;
  run('playwright (browser)', 'npx', ['playwright', 'test'], () => {
    const report = JSON.parse(readFileSync(playwrightReport, 'utf8'));
    return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped };
  });
}

console.log('');
for (const suite of suites) {
  const crash = suite.crashed ? ' (runner failed before reporting: see its output above)' : '';
  console.log(`${suite.name}: ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped${crash}`);
}
const sum = (key) => suites.reduce((total, suite) => total + suite[key], 0);
const crashes = suites.filter((suite) => suite.crashed).length;
const failed = sum('failed') + crashes;
const skipped = sum('skipped');
console.log(`${sum('passed')} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
