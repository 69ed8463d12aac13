/**
 * The visualization end to end: the real server (REST, live protocol, viz) on a free loopback port with the demo
 * office twin, Debian's Chromium driven by playwright-core. The page must show every lock of `office.json`; a
 * remote opening chosen on the lock's panel must show the lock unlocked and its entry in the log; the timeline
 * must show an earlier moment (the kept snapshot, then the server's replay), and a loaded scenario file must
 * become the timeline. A screenshot goes to `test/artifacts/viz.png`.
 *
 * Nothing is skipped: without /usr/bin/chromium every test fails and says how to install it (`.ci/run` does).
 * Playwright never downloads a browser here; it only drives the one at `chromiumPath` (viz/headless-chromium.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveTwin, startServer, type RunningServer } from '../../api/index.ts';
import { siteScenario } from '../../scenarios/index.ts';
import { loadNamedSite, parseSiteSpec, type SiteSpec } from '../../twin/index.ts';
import { chromiumMissing } from '../../viz/headless-chromium.ts';
import { mountViz } from '../../viz/serve.ts';
import { openBrowserPage, requireChromium, type BrowserPage } from './browser-page.ts';

const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** Long enough for an audit upload at 1× (lock → IQ → cloud takes a few virtual seconds). */
const waitMs = 30_000;

function officeSpec(): SiteSpec {
  const parsed = parseSiteSpec(loadNamedSite('office'));
  if (!parsed.ok)
    throw new Error(
      `office.json does not parse: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
    );
  return parsed.spec;
}

// The tests run in order on one page and one twin: the timeline and time-control tests follow the remote opening.
describe('visualization in Chromium', () => {
  const spec = officeSpec();
  let server: RunningServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (chromiumMissing() !== undefined) return;
    // The site without background traffic: the test is the only one using the front door, so what changes on it
    // is what the test did.
    const live = new LiveTwin({
      scenario: { ...siteScenario(spec), background: false },
      siteInput: 'office',
      seed: 1,
      speed: 1,
    });
    server = await startServer({
      live,
      host: '127.0.0.1',
      port: 0,
      // The demo API client, which the page fills in and logs in with on loopback.
      credentials: { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' },
      mount: mountViz,
    });
    browser = await openBrowserPage('viz', { width: 1400, height: 860 }, { consoleErrors: false });
    ({ page, pageErrors } = browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every lock, opens the front door remotely and logs the entry', async () => {
    requireChromium();
    await page.goto(`${server!.url}/`);
    expect(await page.title()).toContain('lockstep');
    for (const lock of spec.locks)
      await page.getByTestId(`lock-${lock.id}`).waitFor({ state: 'visible', timeout: waitMs });
    for (const iq of spec.iqs) await page.getByTestId(`iq-${iq.id}`).waitFor({ state: 'visible' });
    for (const repeater of spec.repeaters)
      await page.getByTestId(`repeater-${repeater.id}`).waitFor({ state: 'visible' });
    const frontState = page.getByTestId('lock-state-lock-front');
    expect(await frontState.textContent()).toBe('locked');
    expect(await page.getByTestId('door-state-lock-front').textContent()).toBe('door closed');

    await page.getByTestId('lock-lock-front').click();
    const panel = page.getByTestId('lock-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await page.getByRole('heading', { name: 'Front door' }).count()).toBe(1);
    // Logged in on loopback with the demo client, the page acts as the site's first owner (user-anna).
    expect(await page.getByTestId('login').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Remote open' }).click();

    await frontState.filter({ hasText: 'unlocked' }).waitFor({ timeout: waitMs });
    expect(await page.getByTestId('lock-lock-front').getAttribute('data-bolt')).toBe('unlocked');
    const entry = page
      .getByTestId('entries')
      .locator(
        '[data-testid="entry"][data-lock="lock-front"][data-category="lock_opened"][data-method="remote"]',
      );
    await entry.first().waitFor({ timeout: waitMs });
    expect(await entry.first().getAttribute('data-user')).toBe('user-anna');
    expect(await entry.first().innerText()).toContain('Front door');
    expect(await page.getByTestId('command-result').textContent()).not.toContain('refused');

    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, 'viz.png') });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('scrubs back to a kept snapshot and returns to live', async () => {
    requireChromium();
    const timeline = page.getByRole('slider', { name: 'Timeline: virtual time to show' });
    await timeline.fill('0');
    expect(await page.getByTestId('timeline-label').textContent()).toMatch(
      /^history: state at T\+\d\d:\d\d:\d\d/,
    );
    // The first kept snapshot is from before the remote opening: locked, and no entry logged up to it.
    await page.getByTestId('entries').getByText('no entries up to this time').waitFor({ timeout: 5_000 });
    await page
      .getByTestId('lock-state-lock-front')
      .filter({ hasText: /^locked$/ })
      .waitFor({ timeout: 5_000 });
    // The server's replay of the session then replaces the kept frame.
    await page.getByTestId('timeline-label').filter({ hasText: '(replayed)' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('lock-state-lock-front').textContent()).toBe('locked');
    await page.getByRole('button', { name: 'Back to live' }).click();
    expect(await page.getByTestId('timeline-label').textContent()).toBe('live');
    await page
      .getByTestId('entries')
      .locator('[data-testid="entry"][data-method="remote"]')
      .first()
      .waitFor({ timeout: 5_000 });
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('loads a scenario file as the timeline, replays it and returns to live', async () => {
    requireChromium();
    await page
      .getByLabel('Load scenario or failure file')
      .setInputFiles(fileURLToPath(new URL('../../scenarios/library/office-morning.json', import.meta.url)));
    const label = page.getByTestId('timeline-label');
    await label
      .filter({ hasText: /^timeline: office-morning · state at T\+00:00:00/ })
      .waitFor({ timeout: 10_000 });
    const timeline = page.getByRole('slider', { name: 'Timeline: virtual time to show' });
    expect(await timeline.getAttribute('max')).toBe('300000');
    // office-morning opens the front door with Anna's tag at 5 s.
    await timeline.fill('6000');
    await label.filter({ hasText: 'state at T+00:00:06' }).waitFor({ timeout: 10_000 });
    await page
      .getByTestId('lock-state-lock-front')
      .filter({ hasText: /^unlocked$/ })
      .waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Back to live' }).click();
    expect(await label.textContent()).toBe('live');
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('pauses and resumes the twin from the time controls', async () => {
    requireChromium();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'paused' }).waitFor({ timeout: 10_000 });
    const pausedAt = await page.getByTestId('clock').textContent();
    await page.getByRole('button', { name: 'Step 10 seconds' }).click();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="clock"]')?.textContent !== before,
      pausedAt,
      { timeout: 10_000 },
    );
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'running' }).waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  }, 30_000);
});
