// Typechecks every runtime's project on its own, so each sees only the types of its runtime.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['shared', 'src-server', 'src-main', 'src-main/preload', 'src-renderer', 'tests', 'bench'];
let failed = false;
for (const project of projects) {
  if (!existsSync(`${project}/tsconfig.json`)) continue;
  const run = spawnSync('npx', ['tsc', '-p', project], { stdio: 'inherit' });
  console.log(`typecheck ${project}: ${run.status === 0 ? 'ok' : 'FAILED'}`);
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
