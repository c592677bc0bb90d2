// Reports candidate activity to the host at most once per interval: the countdown lives in the host, and a keystroke per IPC call would flood it.
export function throttle(report: () => void, intervalMs: number, now: () => number = Date.now): () => void {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const at = now();
    if (at - last < intervalMs) return;
    last = at;
    report();
  };
}
