// Loopback helpers for the processes a benchmark starts.
export { freePort } from '../../tests/support/processes.js';

/** Polls until the condition holds, failing after the ceiling (start-up only, never a measured figure). */
export async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms`);
}
