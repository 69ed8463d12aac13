/**
 * The page on a server of several sites, in Chromium: `/?site=KEY` logs in on loopback with that site's demo
 * client (`lockstep-demo-KEY`), so the page shows that site's twin, never another's; `/` without a key has no
 * demo client of its own on such a server and shows the login form.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/index.ts';
import { createTestLive } from '../../api/rest/testing.ts';
import { demoClientOfSite } from '../../bin/serve-command.ts';
import { chromiumMissing } from '../../viz/headless-chromium.ts';
import { mountViz } from '../../viz/serve.ts';
import { openBrowserPage, requireChromium, type BrowserPage } from './browser-page.ts';

const waitMs = 30_000;

describe('the page on a server of two sites', () => {
  let server: RunningServer | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;

  beforeAll(async () => {
    if (chromiumMissing() !== undefined) return;
    server = await startServer({
      sites: [
        { key: 'office', live: createTestLive(), client: demoClientOfSite('office') },
        {
          key: 'annex',
          // The two-doors site with an owner, whom the API client acts as.
          live: createTestLive({
            site: 'two-doors',
            overrides: {
              users: [
                { id: 'user-anne', name: 'Anne Bakker', role: 'owner' },
                { id: 'user-1', name: 'Sanne Visser' },
                { id: 'user-2', name: 'Tom de Groot' },
              ],
            },
          }),
          client: demoClientOfSite('annex'),
        },
      ],
      host: '127.0.0.1',
      port: 0,
      credentials: {},
      mount: mountViz,
    });
    browser = await openBrowserPage('viz-sites', { width: 1200, height: 800 }, { consoleErrors: false });
    ({ page } = browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the site its address names, and only that site', async () => {
    requireChromium();
    await page.goto(`${server!.url}/?site=annex`);
    for (const lock of ['lock-left', 'lock-right'])
      await page.getByTestId(`lock-${lock}`).waitFor({ state: 'visible', timeout: waitMs });
    expect(await page.getByTestId('lock-lock-front').count()).toBe(0);
    expect(await page.getByTestId('login').isHidden()).toBe(true);
    await page.goto(`${server!.url}/?site=office`);
    await page.getByTestId('lock-lock-front').waitFor({ state: 'visible', timeout: waitMs });
    expect(await page.getByTestId('lock-lock-left').count()).toBe(0);
  }, 90_000);

  it('asks for a client at / (no site named), logging into no site by itself', async () => {
    requireChromium();
    await page.goto(`${server!.url}/`);
    await page.getByTestId('login').waitFor({ state: 'visible', timeout: waitMs });
    expect(await page.getByTestId('lock-lock-front').count()).toBe(0);
    expect(await page.getByTestId('lock-lock-left').count()).toBe(0);
  }, 90_000);
});
