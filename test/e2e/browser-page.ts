/**
 * One headless Chromium page for a browser test file: a fresh user-data dir, the page's errors and console errors
 * collected (a test asserts the page stays clean), and one close that removes everything it made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumMissing, chromiumPath } from '../../viz/headless-chromium.ts';

export interface BrowserPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Each test fails (rather than being reported skipped after a failed beforeAll) when there is no browser. */
export function requireChromium(): void {
  const missing = chromiumMissing();
  if (missing !== undefined) throw new Error(missing);
}

/** Throws without Chromium (callers skip the launch then, so that each test fails through `requireChromium`). */
export async function openBrowserPage(
  name: string,
  viewport: { readonly width: number; readonly height: number },
  options: { readonly consoleErrors?: boolean } = {},
): Promise<BrowserPage> {
  requireChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), `lockstep-${name}-chromium-`));
  // launchPersistentContext is chromium.launch with our own fresh, empty user-data dir (launch refuses the flag).
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: [...chromiumArgs],
    headless: true,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (options.consoleErrors !== false)
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
