// `npm run bench:kiosk`: the kiosk renderer's bytes (all, and what the first screen loads), time to the first interactive screen over cold loads in Chromium, and memory after a full journey.
import { z } from 'zod';
import type { BrowserContext, Page } from '@playwright/test';
import { runPart, type Headline } from './lib/harness.js';
import { kioskJourney } from './lib/kiosk-journey.js';
import { buildRenderer, builtScriptsAndStyles, launchChromium, startBrowserHost, tempDir } from './lib/kiosk-stack.js';
import { startServerProcess } from './lib/server-process.js';
import { median, round } from './lib/stats.js';

const KB = 1024;

/**
 * "Interactive", checked on every animation frame from the first one: the home screen's 进入报名
 * button is in the DOM, enabled, in the tab order, laid out with a size, and painted in the theme's
 * primary colour (so antd's CSS-in-JS styles are in, not the browser's bare button), and the K1
 * progress bar shows its six steps laid out. The time taken is that of the next animation frame, by
 * which the frame that first met the condition has been painted. ms since navigation start.
 */
const INTERACTIVE_PROBE = `(() => {
  const PRIMARY = 'rgb(9, 88, 217)';
  const ready = () => {
    const steps = document.querySelectorAll('nav .ant-steps-item');
    if (steps.length !== 6) return false;
    for (const step of steps) {
      const box = step.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
    }
    const button = [...document.querySelectorAll('main button')].find((b) => b.textContent.replace(/\\s/g, '') === '进入报名');
    if (button === undefined || button.disabled || button.tabIndex < 0) return false;
    const box = button.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const style = getComputedStyle(button);
    return style.visibility === 'visible' && style.pointerEvents !== 'none' && style.backgroundColor === PRIMARY;
  };
  const poll = () => {
    if (ready()) requestAnimationFrame(() => { window.__kioskInteractiveMs = performance.now(); });
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

const loadMeasure = z.object({
  interactiveMs: z.number(),
  resources: z.array(z.object({ path: z.string(), startMs: z.number(), encodedBytes: z.number() })),
});

const READ_LOAD = `(() => {
  const interactiveMs = window.__kioskInteractiveMs;
  const resources = performance.getEntriesByType('resource').map((entry) => ({
    path: new URL(entry.name).pathname.replace(/^\\//, ''),
    startMs: entry.startTime,
    encodedBytes: entry.encodedBodySize,
  }));
  return { interactiveMs, resources };
})()`;

const heapMetrics = z.object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) });

async function newKioskContext(browser: Awaited<ReturnType<typeof launchChromium>>): Promise<BrowserContext> {
  // As the browser tests run the kiosk: Chinese, Shanghai time, a 1280×900 screen. A new context has an empty cache.
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: INTERACTIVE_PROBE });
  return context;
}

/** Main-thread cost of a load from the DevTools protocol: CPU time (ThreadTime) is what a busy machine does not inflate, unlike the wall-clock task times. */
interface MainThread {
  readonly cpuMs: number;
  readonly taskMs: number;
  readonly scriptMs: number;
  readonly layoutAndStyleMs: number;
}

async function openKioskMeasured(context: BrowserContext, page: Page, origin: string): Promise<z.infer<typeof loadMeasure> & { mainThread: MainThread }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${origin}/index.html?window=kiosk`);
  // A function, not a string: the page's CSP forbids eval, which a string predicate would need.
  await page.waitForFunction(() => (globalThis as { __kioskInteractiveMs?: number }).__kioskInteractiveMs !== undefined, null, { timeout: 60_000 });
  const { metrics } = heapMetrics.parse(await cdp.send('Performance.getMetrics'));
  await cdp.detach();
  const ms = (name: string) => round((metrics.find((entry) => entry.name === name)?.value ?? Number.NaN) * 1000);
  const mainThread = { cpuMs: ms('ThreadTime'), taskMs: ms('TaskDuration'), scriptMs: ms('ScriptDuration'), layoutAndStyleMs: round(ms('LayoutDuration') + ms('RecalcStyleDuration')) };
  return { ...loadMeasure.parse(await page.evaluate(READ_LOAD)), mainThread };
}

/** JS heap and DOM after a full garbage collection, from the DevTools protocol (Performance.getMetrics). */
async function memoryOf(context: BrowserContext, page: Page): Promise<Record<string, number>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = heapMetrics.parse(await cdp.send('Performance.getMetrics'));
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
  await cdp.detach();
  return {
    js_heap_used_bytes: metric('JSHeapUsedSize'),
    js_heap_total_bytes: metric('JSHeapTotalSize'),
    dom_nodes: metric('Nodes'),
    js_event_listeners: metric('JSEventListeners'),
    documents: metric('Documents'),
  };
}

await runPart('kiosk', { loads: 10, journey: true }, async (flags) => {
  process.stdout.write('building the renderer (production build, a folder of its own)…\n');
  const rendererDir = buildRenderer();
  const files = builtScriptsAndStyles(rendererDir);
  const byPath = new Map(files.map((file) => [file.path, file]));
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const totalGzip = files.reduce((sum, file) => sum + file.gzipBytes, 0);

  const server = await startServerProcess({
    // Development: the demo data, the dev outbox for the SMS code and machine-readable captchas, as the browser tests run it.
    NODE_ENV: 'development',
    SEED_DEMO: 'true',
    DATA_DIR: tempDir('bench-kiosk-server-'),
    CAPTCHA_TEST_ANSWERS: '1',
    SMS_COOLDOWN_SECONDS: '5',
    SMS_IP_HOURLY_LIMIT: '10000',
    LOGIN_IP_MAX_FAILURES: '1000',
  });
  const host = await startBrowserHost(server.url, rendererDir);
  const browser = await launchChromium();
  try {
    // One load first, not counted: the browser process's and the host's own first-use costs are not the kiosk's.
    {
      const context = await newKioskContext(browser);
      await openKioskMeasured(context, await context.newPage(), host.origin);
      await context.close();
    }
    const loads: Awaited<ReturnType<typeof openKioskMeasured>>[] = [];
    for (let i = 0; i < flags.loads; i += 1) {
      const context = await newKioskContext(browser);
      loads.push(await openKioskMeasured(context, await context.newPage(), host.origin));
      await context.close();
      process.stdout.write(`cold load ${i + 1}/${flags.loads}: interactive at ${round(loads[i]?.interactiveMs ?? Number.NaN)} ms, main thread ${loads[i]?.mainThread.cpuMs} ms CPU\n`);
    }
    const interactive = loads.map((load) => load.interactiveMs);

    // What the first screen loaded: the scripts and styles requested before it was interactive (the
    // background fetch of later screens starts after), as Chromium's resource timing lists them.
    const first = loads[0];
    if (first === undefined) throw new Error('no load measured');
    const firstStep = first.resources.filter((resource) => resource.startMs <= first.interactiveMs && byPath.has(resource.path));
    const firstStepFiles = firstStep.map((resource) => byPath.get(resource.path)).filter((file) => file !== undefined);
    const firstStepGzip = firstStepFiles.reduce((sum, file) => sum + file.gzipBytes, 0);
    const firstStepBytes = firstStepFiles.reduce((sum, file) => sum + file.bytes, 0);
    const laterRequested = first.resources.filter((resource) => resource.startMs > first.interactiveMs && byPath.has(resource.path)).length;

    let memory: Record<string, number> | null = null;
    let memoryAtHome: Record<string, number> | null = null;
    let uaMemory = 'not measured';
    if (flags.journey) {
      process.stdout.write('full journey: register → log in → qualify → save → written → oral → pay → receipt…\n');
      const context = await newKioskContext(browser);
      const page = await context.newPage();
      await openKioskMeasured(context, page, host.origin);
      memoryAtHome = await memoryOf(context, page);
      await kioskJourney(page, server.url, 0);
      memory = await memoryOf(context, page);
      // measureUserAgentSpecificMemory exists only in cross-origin-isolated pages (COOP + COEP); the host sends COOP alone.
      uaMemory = String(await page.evaluate("crossOriginIsolated ? 'available' : 'unavailable: the page is not cross-origin isolated (no COEP header)'"));
      await context.close();
    }

    const medianInteractive = median(interactive);
    const headline: Headline[] = [
      { figure: 'first screen JS+CSS (gzip)', value: round(firstStepGzip / KB), unit: 'KB', target: '≤ 600 KB', met: firstStepGzip <= 600 * KB },
      { figure: 'interactive (median of cold loads)', value: round(medianInteractive), unit: 'ms', target: '< 1000 ms', met: medianInteractive < 1000 },
      { figure: 'main-thread CPU to interactive (median)', value: round(median(loads.map((load) => load.mainThread.cpuMs))), unit: 'ms' },
      { figure: 'all renderer JS+CSS (gzip)', value: round(totalGzip / KB), unit: 'KB' },
      ...(memory === null ? [] : [{ figure: 'JS heap after journey', value: round((memory['js_heap_used_bytes'] ?? 0) / (KB * KB)), unit: 'MB' }]),
    ];
    return {
      figures: {
        renderer_js_css_bytes: totalBytes,
        renderer_js_css_gzip_bytes: totalGzip,
        renderer_files: files.length,
        first_step_js_css_bytes: firstStepBytes,
        first_step_js_css_gzip_bytes: firstStepGzip,
        first_step_files: firstStepFiles.map((file) => ({ path: file.path, bytes: file.bytes, gzip_bytes: file.gzipBytes })),
        prefetched_after_interactive_files: laterRequested,
        interactive_ms_median: round(medianInteractive),
        interactive_ms: interactive.map((ms) => round(ms)),
        main_thread_cpu_ms_median: round(median(loads.map((load) => load.mainThread.cpuMs))),
        main_thread_to_interactive: loads.map((load) => load.mainThread),
        memory_at_home_screen: memoryAtHome,
        memory_after_journey: memory,
        measure_user_agent_specific_memory: uaMemory,
        largest_files: files.slice(0, 8).map((file) => ({ path: file.path, gzip_bytes: file.gzipBytes })),
      },
      settings: { chromium: browser.version(), interactive_definition: 'the 进入报名 button enabled, focusable, laid out and themed, the six K1 steps laid out, plus one painted frame; ms from navigation start' },
      headline,
      tables: [
        {
          title: 'first screen: scripts and styles requested before interactive',
          headers: ['file', 'bytes', 'gzip'],
          rows: firstStepFiles.map((file) => [file.path, file.bytes, file.gzipBytes]),
        },
      ],
      notes: [
        'Browser mode: the host serves the production build over loopback HTTP without compression; Electron reads the same files through app://, so the gzip figures are a size measure, not bytes on a wire.',
        'Cold = a new browser context (empty HTTP and code cache) in an already running Chromium; one load before the counted ones is discarded. Headless Chromium with --disable-gpu on a 2-core machine shared with other work: medians move with the machine load (recorded under machine).',
        'Memory is the renderer page\'s JS heap after a forced garbage collection (DevTools Performance.getMetrics), not the process RSS; performance.measureUserAgentSpecificMemory needs cross-origin isolation, which the kiosk page does not have.',
      ],
    };
  } finally {
    await browser.close();
    await host.stop();
    await server.stop();
  }
});
