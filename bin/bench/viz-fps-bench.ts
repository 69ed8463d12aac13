/**
 * The `viz-fps-campus` figure: frames per second of the page drawing the campus (64 IQs, 1,024 locks, on the
 * canvas stage) in this machine's Chromium while the twin runs at 10× with its background traffic, and while the
 * view is panned (mouse drags) and zoomed (wheel) the whole time. Frames are counted with requestAnimationFrame in
 * the page, in windows of 500 ms over ~5 s; the figure is the median window's rate.
 *
 * Chromium is Debian's (/usr/bin/chromium, the e2e tests' flags), driven by playwright-core (a development
 * dependency, loaded by name when the figure runs): without either the figure is an error, not a crash.
 */
import { liveTwinOfNamedSite, startServer } from '../../api/index.ts';
import { chromiumArgs, chromiumMissing, chromiumPath } from '../../viz/headless-chromium.ts';
import { mountViz } from '../../viz/serve.ts';

const speed = 10;
const credentials = { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' } as const;
const measureMs = 5_000;
const windowMs = 500;
/** Time the page has to log in, take the snapshot and draw it before frames are counted. */
const readyMsMax = 60_000;
const warmUpMs = 1_000;

interface PlaywrightLike {
  readonly chromium: {
    launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<BrowserLike>;
  };
}
interface BrowserLike {
  newPage(options: { viewport: { width: number; height: number } }): Promise<PageLike>;
  close(): Promise<void>;
}
interface PageLike {
  goto(url: string): Promise<unknown>;
  waitForFunction(fn: () => boolean, arg: undefined, options: { timeout: number }): Promise<unknown>;
  evaluate<T>(fn: string): Promise<T>;
  waitForTimeout(ms: number): Promise<void>;
  readonly mouse: {
    move(x: number, y: number, options?: { steps: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    wheel(dx: number, dy: number): Promise<void>;
  };
}

/** Counts frames in the page for `measureMs`; resolves with each window's frames per second. */
const countFramesSource = `new Promise((resolve) => {
  const rates = [];
  let start = performance.now();
  let frames = 0;
  const end = start + ${measureMs};
  const frame = (now) => {
    frames += 1;
    if (now - start >= ${windowMs}) {
      rates.push((frames * 1000) / (now - start));
      start = now;
      frames = 0;
    }
    if (now < end) requestAnimationFrame(frame);
    else resolve(rates);
  };
  requestAnimationFrame(frame);
})`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function loadPlaywright(): Promise<PlaywrightLike> {
  // By name at run time: a development dependency, not bundled into the CLI (bin/build.js).
  const name = 'playwright-core';
  try {
    return (await import(name)) as PlaywrightLike;
  } catch {
    throw new Error('playwright-core is not installed (npm install, with the development dependencies)');
  }
}

/** Drags and zooms the view until `untilMs` (wall clock), as a visitor exploring the campus would. */
async function explore(page: PageLike, untilMs: number): Promise<void> {
  const centre = { x: 480, y: 400 };
  for (let round = 0; performance.now() < untilMs; round++) {
    const dx = round % 2 === 0 ? 180 : -180;
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x + dx, centre.y + dx / 3, { steps: 12 });
    await page.mouse.up();
    await page.mouse.wheel(0, round % 4 < 2 ? -120 : 120);
  }
}

export async function measureVizFpsCampus(): Promise<number> {
  const missing = chromiumMissing();
  if (missing !== undefined) throw new Error(missing);
  const { chromium } = await loadPlaywright();
  const live = liveTwinOfNamedSite('campus', { speed });
  const server = await startServer({ live, host: '127.0.0.1', port: 0, credentials, mount: mountViz });
  let browser: BrowserLike | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...chromiumArgs],
      headless: true,
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(
      // A function, not a string: the page's CSP allows no eval.
      () =>
        Number(document.querySelector('[data-testid="floor-canvas"]')?.getAttribute('data-drawn-locks')) > 0,
      undefined,
      { timeout: readyMsMax },
    );
    await page.waitForTimeout(warmUpMs);
    const rates = page.evaluate<number[]>(countFramesSource);
    await explore(page, performance.now() + measureMs);
    const windows = await rates;
    if (windows.length === 0) throw new Error('no frame was drawn in the page');
    return Math.round(median(windows) * 10) / 10;
  } finally {
    await browser?.close();
    await server.close();
    live.stop();
  }
}
