/**
 * Figure 5: the renderer.
 *
 * Sizes come from the built renderer (dist/renderer): the first view is the entry script that
 * index.html loads, its modulepreloads and everything they import statically; chunks imported
 * with `import()` (the chart runtime) load only when their view opens. Sizes are gzip at zlib's
 * default level, each file on its own; kB = 1000 bytes.
 *
 * Time to first render: the built preview (dist/preview/server.cjs, `npm run preview`) on a copy
 * of the five-year database with its test clock at the bench's "now", loaded in headless
 * Chromium with a fresh browser context (empty cache) each time. Measured in the page from
 * navigation start to the frame after the Today view shows its content (status loaded), with
 * the Today heading and first contentful paint beside it. On a shared machine the wall-clock
 * figure grows with the load average; the renderer's main-thread CPU time until then
 * (`main_thread_cpu_ms`, Chromium's ThreadTime) does not, and tells the page's own cost apart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { emit, log, round, summarize } from '../lib/report';
import { copyDataset, NOW, removeDir } from '../lib/world';
import { browsersToMeasure, startFloor, type BrowserToMeasure } from './first-render-floor';

const LOADS = 10;
const KB = 1000;

const gzipSize = (data: Buffer) => zlib.gzipSync(data).length;

/** Static imports and re-exports in a built chunk (not `import()`, which loads later). */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

interface Sizes {
  firstViewJs: string[];
  allJs: string[];
  firstViewCss: string[];
  allCss: string[];
}

function rendererFiles(rendererDir: string): Sizes {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const entries: string[] = [];
  const firstViewCss: string[] = [];
  for (const tag of tags) {
    if (tag.startsWith('<script') && /type="module"/.test(tag)) {
      const src = attr(tag, 'src');
      if (src) entries.push(path.resolve(rendererDir, src));
    } else if (tag.startsWith('<link')) {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (!href) continue;
      if (rel === 'modulepreload') entries.push(path.resolve(rendererDir, href));
      if (rel === 'stylesheet') firstViewCss.push(path.resolve(rendererDir, href));
    }
  }
  const firstView = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (firstView.has(file)) continue;
    firstView.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT))
      queue.push(path.resolve(path.dirname(file), m[1] as string));
  }
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const all = walk(rendererDir);
  return {
    firstViewJs: [...firstView],
    allJs: all.filter((f) => f.endsWith('.js')),
    firstViewCss,
    allCss: all.filter((f) => f.endsWith('.css')),
  };
}

function total(files: string[], measure: (data: Buffer) => number): number {
  return files.reduce((sum, f) => sum + measure(fs.readFileSync(f)), 0);
}

export function rendererSizeFigures(root: string): void {
  log('figure 5a: renderer bundle sizes');
  const rendererDir = path.join(root, 'dist/renderer');
  const files = rendererFiles(rendererDir);
  const rel = (f: string) => path.relative(rendererDir, f);
  const raw = (d: Buffer) => d.length;
  const firstGz = total(files.firstViewJs, gzipSize);
  emit({
    name: 'renderer_first_view_js_gzip',
    value: round(firstGz / KB),
    unit: 'kB',
    target: '< 150',
    pass: firstGz / KB < 150,
    raw_kb: round(total(files.firstViewJs, raw) / KB),
    files: files.firstViewJs.map(rel),
  });
  const lazy = files.allJs.filter((f) => !files.firstViewJs.includes(f));
  emit({
    name: 'renderer_total_js_gzip',
    value: round(total(files.allJs, gzipSize) / KB),
    unit: 'kB',
    raw_kb: round(total(files.allJs, raw) / KB),
    lazy_files: lazy.map((f) => ({ file: rel(f), gzip_kb: round(gzipSize(fs.readFileSync(f)) / KB) })),
  });
  emit({
    name: 'renderer_css_gzip',
    value: round(total(files.allCss, gzipSize) / KB),
    unit: 'kB',
    raw_kb: round(total(files.allCss, raw) / KB),
    first_view_gzip_kb: round(total(files.firstViewCss, gzipSize) / KB),
    files: files.allCss.map(rel),
  });
}

/** Marks kept by the page itself (an init script runs before the app; DevTools bypasses the CSP). */
const PAGE_MARKS = `(() => {
  const marks = {};
  Object.defineProperty(window, '__keelBench', { value: marks });
  const frame = (key) => requestAnimationFrame(() => { marks[key] = performance.now(); });
  const check = () => {
    const h1 = document.querySelector('#main h1');
    if (marks.heading === undefined && h1 && h1.textContent === 'Today') {
      marks.heading = performance.now();
      frame('headingFrame');
    }
    if (marks.content === undefined && document.querySelector('#main .today')) {
      marks.content = performance.now();
      const nav = performance.getEntriesByType('navigation')[0];
      marks.domContentLoaded = nav ? nav.domContentLoadedEventEnd : undefined;
      const resources = performance.getEntriesByType('resource');
      const script = resources.find((r) => r.name.includes("/assets/index-") && r.name.endsWith(".js"));
      marks.scriptLoaded = script ? script.responseEnd : undefined;
      const ipc = resources.filter((r) => r.name.endsWith('/__keel/ipc'));
      marks.ipcCalls = ipc.length;
      marks.ipcFirstStart = ipc.length ? Math.min(...ipc.map((r) => r.startTime)) : undefined;
      marks.ipcLastEnd = ipc.length ? Math.max(...ipc.map((r) => r.responseEnd)) : undefined;
      frame('contentFrame');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
})();`;

interface Marks {
  heading?: number;
  headingFrame?: number;
  content?: number;
  contentFrame?: number;
  fcp?: number;
  /** Resource timing at the moment the content appeared: where the time went. */
  domContentLoaded?: number;
  scriptLoaded?: number;
  ipcCalls?: number;
  ipcFirstStart?: number;
  ipcLastEnd?: number;
  /** Main-thread CPU time from before navigation to just after the content frame, in ms. */
  mainThreadCpu?: number;
}

type Run = Required<Pick<Marks, 'heading' | 'headingFrame' | 'content' | 'contentFrame'>> & Marks;

export async function startPreview(
  root: string,
  dataDir: string,
): Promise<{ url: string; child: ChildProcess }> {
  const server = path.join(root, 'dist/preview/server.cjs');
  const child = spawn(
    process.execPath,
    [server, '--port', '0', '--data-dir', dataDir, '--test-clock', new Date(NOW).toISOString()],
    { env: { ...process.env, TZ: 'Europe/Berlin' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the preview did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      // The URL on this run's host with its token (locked without it): what a person opens.
      // Chromium resolves `*.localhost` itself.
      const m =
        /Keel preview: open (http:\/\/k[0-9a-f]{16}\.localhost:\d+\/\?token=[\w-]{43}) in your browser\./.exec(
          out,
        );
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the preview exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

/** One cold load in a fresh context: the page's marks, and its main thread's CPU time. */
async function loadOnce(browser: Browser, url: string): Promise<Marks> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 760 } });
  const page = await context.newPage();
  // The renderer's main-thread CPU time (Chromium's ThreadTime, in seconds): what the page
  // itself costs, apart from waiting for a core on a shared machine.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value;
  const cpuBefore = await threadTime();
  await page.addInitScript({ content: PAGE_MARKS });
  await page.goto(url, { waitUntil: 'load' });
  // Functions, not strings (Playwright evaluates a string with eval, which Keel's CSP refuses),
  // and self-contained: they are serialised into the page.
  await page.waitForFunction(
    () => (globalThis as { __keelBench?: Marks }).__keelBench?.contentFrame !== undefined,
    undefined,
    { timeout: 15_000 },
  );
  const marks: Marks = await page.evaluate(() => ({
    ...(globalThis as { __keelBench?: Marks }).__keelBench,
  }));
  const cpuAfter = await threadTime();
  if (cpuBefore !== undefined && cpuAfter !== undefined) marks.mainThreadCpu = (cpuAfter - cpuBefore) * 1000;
  await context.close();
  return marks;
}

/** A load's marks, complete (the content frame was reached), or an error saying what was missing. */
function complete(marks: Marks): Run {
  const { heading, headingFrame, content, contentFrame } = marks;
  if (
    heading === undefined ||
    headingFrame === undefined ||
    content === undefined ||
    contentFrame === undefined
  ) {
    throw new Error(`incomplete marks: ${JSON.stringify(marks)}`);
  }
  return { ...marks, heading, headingFrame, content, contentFrame };
}

/**
 * Keel's page and the floor, loaded in turn in one browser (so both meet the same load on the
 * machine), LOADS each after one unmeasured load of each (the preview server's own first requests:
 * its JIT, the file reads).
 */
async function measureIn(
  target: BrowserToMeasure,
  keelUrl: string,
  floorUrl: string,
): Promise<{ keel: Run[]; floor: Run[] }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: target.path,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const keel: Run[] = [];
  const floor: Run[] = [];
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const keelRun = complete(await loadOnce(browser, keelUrl));
      const floorRun = complete(await loadOnce(browser, floorUrl));
      if (i === 0) continue;
      keel.push(keelRun);
      floor.push(floorRun);
    }
  } finally {
    await browser.close();
  }
  return { keel, floor };
}

function medianOf(runs: readonly Run[], pick: (r: Run) => number | undefined): number | null {
  const values = runs.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length > 0 ? round(summarize(values).median) : null;
}

export async function firstRenderFigure(root: string, baseDir: string): Promise<void> {
  const browsers = browsersToMeasure();
  log(
    `figure 5b: time to first render of Today (${LOADS} cold loads each in ${browsers.map((b) => b.label).join(', then ')}, beside a bare React page)`,
  );
  const dataDir = copyDataset(baseDir);
  const { url, child } = await startPreview(root, dataDir);
  const floorPage = await startFloor(root);
  try {
    for (const [index, target] of browsers.entries()) {
      const { keel, floor } = await measureIn(target, url, floorPage.url);
      const primary = index === 0;
      // The figure's own name in the browser it is read in; the other browser's is context.
      const suffix = primary ? '' : `_${target.label.replace(/-/g, '_')}`;
      const content = summarize(keel.map((r) => r.contentFrame));
      emit({
        name: `today_first_render${suffix}_median`,
        value: round(content.median),
        unit: 'ms',
        // Issue #18: Today's reads start before the first render and the other views load lazily.
        ...(primary ? { target: '< 400', pass: content.median < 400 } : {}),
        browser: target.label,
        p95: round(content.p95),
        min: round(content.min),
        loads: keel.length,
        heading_ms: medianOf(keel, (r) => r.headingFrame),
        first_contentful_paint_ms: medianOf(keel, (r) => r.fcp),
        dom_content_loaded_ms: medianOf(keel, (r) => r.domContentLoaded),
        script_loaded_ms: medianOf(keel, (r) => r.scriptLoaded),
        // HTTP requests to /__keel/ipc before the content: the bridge sends the first reads as one.
        ipc_calls: medianOf(keel, (r) => r.ipcCalls),
        ipc_first_start_ms: medianOf(keel, (r) => r.ipcFirstStart),
        ipc_last_end_ms: medianOf(keel, (r) => r.ipcLastEnd),
        // Independent of the machine's load, unlike the wall-clock figures above: the page's own work.
        main_thread_cpu_ms: medianOf(keel, (r) => r.mainThreadCpu),
        note: 'navigation start → frame after the Today view shows its data; fresh context per load; built preview on the five-year data',
      });
      emit({
        name: `react_floor_first_render${suffix}_median`,
        value: medianOf(floor, (r) => r.contentFrame),
        unit: 'ms',
        browser: target.label,
        main_thread_cpu_ms: medianOf(floor, (r) => r.mainThreadCpu),
        note: 'bench/floor: React drawing one Intl line, loaded in turn with Keel in the same browser; what Keel costs beyond it is its own',
      });
    }
  } finally {
    await floorPage.close();
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    removeDir(dataDir);
  }
}
