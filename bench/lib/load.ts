// Running many asynchronous jobs with a fixed number in flight, timing each.

/** Runs `jobs` jobs with at most `concurrency` at once; each worker takes the next index until none are left. */
export async function withConcurrency(jobs: number, concurrency: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs) {
      const index = next;
      next += 1;
      await job(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, concurrency) }, worker));
}

/** The time `work` took in milliseconds, with its value. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}
