/**
 * The debugging timeline end to end: the real server with the office twin (no background traffic), Debian's
 * Chromium driven by playwright-core. A failure file from `scenarios/regressions/` loads at its violation (the
 * violation's marker selected, the failure panel showing its summary, its admin step, the harness's repairs
 * labelled, and the lock's entries from the replay); the strip zooms and steps event by event; the session is
 * scrubbed to a point (history) and back to live. A screenshot goes to `test/artifacts/debug-failure.png`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveTwin, startServer, type RunningServer } from '../../api/index.ts';
import { siteScenario } from '../../scenarios/index.ts';
import { loadNamedSite, parseSiteSpec } from '../../twin/index.ts';
import { chromiumMissing } from '../../viz/headless-chromium.ts';
import { mountViz } from '../../viz/serve.ts';
import { openBrowserPage, requireChromium, type BrowserPage } from './browser-page.ts';

const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));
const failurePath = fileURLToPath(
  new URL(
    '../../scenarios/regressions/blocked-tag-still-opens-opening-allowed-seed1-run5.json',
    import.meta.url,
  ),
);
/** The replay worker starts cold (tsx) on a busy machine: answers may take a while the first time. */
const waitMs = 20_000;

describe('the debugging timeline in Chromium', () => {
  let server: RunningServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (chromiumMissing() !== undefined) return;
    const parsed = parseSiteSpec(loadNamedSite('office'));
    if (!parsed.ok) throw new Error('office.json does not parse');
    const live = new LiveTwin({
      scenario: { ...siteScenario(parsed.spec), background: false },
      siteInput: 'office',
      seed: 1,
      speed: 1,
    });
    server = await startServer({
      live,
      host: '127.0.0.1',
      port: 0,
      credentials: { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' },
      mount: mountViz,
    });
    browser = await openBrowserPage('viz-debug', { width: 1400, height: 900 });
    ({ page, pageErrors } = browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads a failure file at its violation, with its story, and steps and zooms along the markers', async () => {
    requireChromium();
    await page.goto(`${server!.url}/`);
    await page.getByTestId('lock-lock-front').waitFor({ state: 'visible', timeout: waitMs });
    await page.getByTestId('timeline-strip').waitFor({ state: 'visible' });

    await page.getByLabel('Load scenario or failure file').setInputFiles(failurePath);
    const violation = page.getByTestId('marker-violation');
    await violation.waitFor({ state: 'visible', timeout: waitMs });
    expect(await violation.getAttribute('aria-pressed')).toBe('true');
    expect(await violation.getAttribute('data-at-ms')).toBe('1265');
    const slider = page.getByRole('slider', { name: 'Timeline: virtual time to show' });
    expect(await slider.inputValue()).toBe('1265');

    const story = page.getByTestId('failure-story');
    await story.waitFor({ state: 'visible' });
    expect(await page.getByTestId('failure-summary').textContent()).toContain(
      'after block-tag tag-5 by user-1 at 00:00.5',
    );
    const steps = page.getByTestId('failure-steps');
    expect(await steps.locator('li[data-kind="admin"]').textContent()).toContain('block-tag tag-5');
    expect(await steps.locator('li[data-kind="harness"]').count()).toBe(3);
    expect(await steps.locator('li.current').getAttribute('data-kind')).toBe('violation');
    expect(await page.getByTestId('failure-violation').textContent()).toContain('VIOLATED opening-allowed');

    // The replay at the violation: lock-1-1 open, and its entry among what its data said.
    await page
      .getByTestId('timeline-label')
      .filter({ hasText: 'state at T+00:00:01' })
      .waitFor({ timeout: waitMs });
    await page
      .getByTestId('lock-state-lock-1-1')
      .filter({ hasText: /unlocked/ })
      .waitFor({ timeout: waitMs });
    await page
      .getByTestId('failure-lock-entries')
      .locator('li[data-category="lock_opened"]')
      .waitFor({ timeout: waitMs });
    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, 'debug-failure.png') });

    // Event by event: back to the harness's repairs (1 ms past the last step), then to the tag presented.
    await page.getByRole('button', { name: 'Previous event' }).click();
    expect(await slider.inputValue()).toBe('1001');
    expect(await page.locator('.tl-marker.selected').getAttribute('data-kind')).toBe('harness');
    await page.getByRole('button', { name: 'Previous event' }).click();
    expect(await slider.inputValue()).toBe('1000');
    await page.getByRole('button', { name: 'Next event' }).click();
    expect(await slider.inputValue()).toBe('1001');

    // Zoom: from the whole file (61 s) down to seconds, and back.
    const span = page.getByTestId('timeline-span');
    await page.getByRole('button', { name: 'Show the whole timeline' }).click();
    expect(await span.textContent()).toBe('61 s per screen');
    for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await span.textContent()).toBe('5 s per screen');
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await span.textContent()).toBe('10 s per screen');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('scrubs the session to a point (history) and back to live', async () => {
    requireChromium();
    const mode = page.getByTestId('mode');
    await page.getByRole('button', { name: 'Back to live' }).click();
    await page.locator('[data-testid="mode"][data-mode="live"]').waitFor({ timeout: waitMs });
    expect(await page.getByTestId('failure-story').isHidden()).toBe(true);
    const slider = page.getByRole('slider', { name: 'Timeline: virtual time to show' });
    await page.waitForFunction(
      () => Number((document.getElementById('timeline') as HTMLInputElement | null)?.max ?? 0) >= 3_000,
      undefined,
      { timeout: waitMs },
    );
    await slider.fill('1500');
    await page.locator('[data-testid="mode"][data-mode="history"]').waitFor({ timeout: waitMs });
    await page.getByTestId('timeline-label').filter({ hasText: '(replayed)' }).waitFor({ timeout: waitMs });
    await page.getByRole('button', { name: 'Back to live' }).click();
    await page.locator('[data-testid="mode"][data-mode="live"]').waitFor({ timeout: waitMs });
    expect(await mode.getAttribute('data-mode')).toBe('live');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
