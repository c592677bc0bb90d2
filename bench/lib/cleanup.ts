// Everything a benchmark starts (server processes, PostgreSQL clusters, temp folders) is undone here, on success, failure or Ctrl-C.

/** A cleanup that must also work from process.on('exit'), where nothing asynchronous runs: so it is synchronous. */
type Cleanup = () => void;

const cleanups: { name: string; run: Cleanup }[] = [];
let installed = false;
let done = false;

/** Runs the registered cleanups newest first (servers before the database they use), each once, errors reported but not fatal. */
export function runCleanups(): void {
  if (done) return;
  done = true;
  for (const { name, run } of cleanups.splice(0).reverse()) {
    try {
      run();
    } catch (error) {
      process.stderr.write(`bench: cleanup of ${name} failed: ${String(error)}\n`);
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping what was started\n`);
      runCleanups();
      process.exit(130);
    });
  }
  // The last resort: a thrown error or process.exit() anywhere still removes clusters and children.
  process.once('exit', runCleanups);
}

/** Registers work to undo; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(name: string, run: Cleanup): () => void {
  install();
  const entry = { name, run };
  cleanups.push(entry);
  return () => {
    const at = cleanups.indexOf(entry);
    if (at === -1) return;
    cleanups.splice(at, 1);
    run();
  };
}
