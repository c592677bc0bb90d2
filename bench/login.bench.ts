// Login: candidate logins per second per core with the argon2id settings of src-server/services/passwords.ts, and per-login latency.
import { availableParallelism } from 'node:os';
import { hashPassword, verifyPassword } from '../src-server/services/passwords.js';
import { insertCandidates } from './lib/candidates.js';
import { preparedPg } from './lib/database.js';
import { runPart } from './lib/harness.js';
import { timed, withConcurrency } from './lib/load.js';
import { startPgCluster } from './lib/pg-cluster.js';
import { startServerProcess } from './lib/server-process.js';
import { percentile, round, summarise } from './lib/stats.js';

const PASSWORD = 'Bench@2026';
const VERIFICATIONS = 40;

/** The parameters inside a PHC string ($argon2id$v=19$m=19456,t=2,p=1$…): what every stored hash was made with. */
function argon2Parameters(phc: string) {
  const [, algorithm = '', version = '', params = ''] = phc.split('$');
  const values = Object.fromEntries(params.split(',').map((pair) => pair.split('=') as [string, string]));
  return { algorithm, version: Number(version.replace('v=', '')), memory_kib: Number(values.m), iterations: Number(values.t), parallelism: Number(values.p) };
}

await runPart('login', { logins: 400, concurrency: 4, accounts: 200, durable: true }, async (flags) => {
  const passwordHash = await hashPassword(PASSWORD);
  // The argon2 cost alone, one at a time on this thread: the most a core could give if a login were nothing else.
  // Wall time suffers when others use the cores; CPU time (process-wide, so the hashing thread's too) does not.
  const verifyMs: number[] = [];
  const cpuBeforeVerify = process.cpuUsage();
  for (let i = 0; i < VERIFICATIONS; i += 1) verifyMs.push((await timed(() => verifyPassword(passwordHash, PASSWORD))).ms);
  const verifyCpu = process.cpuUsage(cpuBeforeVerify);
  const verifyCpuMs = (verifyCpu.user + verifyCpu.system) / 1000 / VERIFICATIONS;

  const cluster = await startPgCluster({ durable: flags.durable });
  const db = await preparedPg(cluster.url);
  // One hash for every account: hashing hundreds of them would only lengthen the set-up.
  const candidates = await insertCandidates(db, flags.accounts, { saved: false, passwordHash });
  await db.destroy();
  // Development mode only for readable captchas (CAPTCHA_TEST_ANSWERS): a login needs one, and production draws them for people.
  const server = await startServerProcess({ DATABASE_URL: cluster.url, NODE_ENV: 'development', CAPTCHA_TEST_ANSWERS: '1' });

  const captcha = async () => {
    const response = await fetch(`${server.url}/api/captchas`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const body = (await response.json()) as { captchaId: string; svg: string };
    return { id: body.captchaId, answer: /data-answer="([^"]+)"/.exec(body.svg)?.[1] ?? '' };
  };
  const login = async (n: number, solved: { id: string; answer: string }) => {
    const candidate = candidates[n % candidates.length];
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provinceCode: '99', account: `bench${n % candidates.length}@example.com`, password: PASSWORD, captcha: solved }),
    });
    await response.arrayBuffer();
    if (response.status !== 200 || candidate === undefined) throw new Error(`login ${n} answered ${response.status}`);
  };

  // Captchas are fetched before the clock starts: the figure is the login itself (lookup, argon2id verify, session insert).
  const warmUp = await Promise.all(Array.from({ length: 20 }, captcha));
  await withConcurrency(warmUp.length, flags.concurrency, (n) => login(n, warmUp[n]!));
  const solved: { id: string; answer: string }[] = [];
  for (let n = 0; n < flags.logins; n += 50) solved.push(...(await Promise.all(Array.from({ length: Math.min(50, flags.logins - n) }, captcha))));

  const latencies: number[] = [];
  const cpuBefore = server.cpuSeconds();
  const started = performance.now();
  await withConcurrency(flags.logins, flags.concurrency, async (n) => {
    latencies.push((await timed(() => login(n, solved[n]!))).ms);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = server.cpuSeconds() - cpuBefore;
  await server.stop();
  cluster.stop();

  const parameters = argon2Parameters(passwordHash);
  const perCpuSecond = round(flags.logins / cpu);
  const latency = summarise(latencies);
  const verify = { p50_ms: round(percentile(verifyMs, 50)), p99_ms: round(percentile(verifyMs, 99)), cpu_ms: round(verifyCpuMs, 2) };
  return {
    figures: {
      logins: flags.logins,
      concurrency: flags.concurrency,
      logins_per_s: round(flags.logins / seconds),
      logins_per_core_s: perCpuSecond,
      server_cpu_s: round(cpu, 2),
      p50_ms: latency.p50_ms,
      p99_ms: latency.p99_ms,
      argon2: parameters,
      argon2_verify_ms: verify,
      argon2_verify_per_core_s: round(1000 / verifyCpuMs),
    },
    settings: { cores: availableParallelism(), database: `PostgreSQL ${cluster.version}`, postgres: cluster.settings, server: 'one process, NODE_ENV=development (readable captchas), LOG_LEVEL=warn' },
    headline: [
      { figure: 'logins/s per core (server CPU)', value: perCpuSecond },
      { figure: `logins/s (${availableParallelism()} cores, concurrency ${flags.concurrency})`, value: round(flags.logins / seconds) },
      { figure: 'login p50 / p99', value: `${latency.p50_ms} / ${latency.p99_ms}`, unit: 'ms' },
      { figure: 'argon2id', value: `m=${parameters.memory_kib} KiB, t=${parameters.iterations}, p=${parameters.parallelism}; verify ${verify.cpu_ms} ms CPU (${round(1000 / verifyCpuMs)}/s per core)` },
    ],
    notes: [
      'logins/s per core divides the logins by the CPU seconds the server process used (user + system, from /proc), so the client and PostgreSQL on the same 2 cores do not count against it.',
      'argon2id runs on libuv worker threads (4 by default), so one server process can use both cores for hashing while its event loop waits.',
    ],
  };
});
