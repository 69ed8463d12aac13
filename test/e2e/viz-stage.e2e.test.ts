/**
 * The stage end to end (viz/client/floor-plan.ts, stage-*.ts): the office page draws every room and wall of
 * `office.json`; a tag presented at a door brings a person who walks up (their figure moves between two looks), a
 * tap ripple at the reader, and the lock's answer: let in (the figure goes through), or refused (a red cross); the
 * campus (1,024 locks) is drawn on a canvas that pans by dragging and zooms with its buttons. Screenshots go to
 * `test/artifacts/stage-office-1024.png`, `stage-office-1920.png` and `stage-campus.png`.
 *
 * As in viz.e2e.test.ts, nothing is skipped: without /usr/bin/chromium every test fails and says how to install it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveTwin, liveTwinOfNamedSite, startServer, type RunningServer } from '../../api/index.ts';
import { siteScenario } from '../../scenarios/index.ts';
import { motorMsDefault } from '../../twin/defaults.ts';
import { loadNamedSite, parseSiteSpec, type SiteSpec } from '../../twin/index.ts';
import { chromiumMissing } from '../../viz/headless-chromium.ts';
import { mountViz } from '../../viz/serve.ts';
import { openBrowserPage, requireChromium, type BrowserPage } from './browser-page.ts';

const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));
const waitMs = 20_000;
const credentials = { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' };

function officeSpec(): SiteSpec {
  const parsed = parseSiteSpec(loadNamedSite('office'));
  if (!parsed.ok) throw new Error('office.json does not parse');
  return parsed.spec;
}

/** What the stage showed, frame by frame, since `watchStage` (one look per animation frame, in the page). */
interface StageSeen {
  /** Each person's places (`x,y` in metres) and phases, in the order they were seen. */
  readonly people: Record<string, { places: string[]; phases: string[] }>;
  /** Locks a tap ripple was seen at. */
  readonly ripples: string[];
  /** Frames with a packet on the mesh. */
  packetFrames: number;
}

/** Starts looking at the stage on every frame (in the page, so nothing between two of the test's looks is missed). */
async function watchStage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: StageSeen = { people: {}, ripples: [], packetFrames: 0 };
    (window as unknown as { stageSeen: StageSeen }).stageSeen = seen;
    const look = (): void => {
      for (const figure of document.querySelectorAll('[data-testid^="person-"]')) {
        const id = figure.getAttribute('data-testid') ?? '';
        const person = (seen.people[id] ??= { places: [], phases: [] });
        const place = `${figure.getAttribute('data-x')},${figure.getAttribute('data-y')}`;
        if (person.places.at(-1) !== place) person.places.push(place);
        const phase = figure.getAttribute('data-phase') ?? '';
        if (person.phases.at(-1) !== phase) person.phases.push(phase);
      }
      for (const ripple of document.querySelectorAll('[data-testid="tap-ripple"]')) {
        const lock = ripple.getAttribute('data-lock') ?? '';
        if (!seen.ripples.includes(lock)) seen.ripples.push(lock);
      }
      if (document.querySelector('[data-testid="packet"]') !== null) seen.packetFrames += 1;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

async function stageSeen(page: Page): Promise<StageSeen> {
  return page.evaluate(() => (window as unknown as { stageSeen: StageSeen }).stageSeen);
}

describe('the stage in Chromium', () => {
  const spec = officeSpec();
  let office: RunningServer | undefined;
  let campus: RunningServer | undefined;
  let officeTwin: LiveTwin | undefined;
  let campusTwin: LiveTwin | undefined;
  let browser: BrowserPage | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (chromiumMissing() !== undefined) return;
    // No background traffic: every visitor on the office page is one the test sent.
    const live = (officeTwin = new LiveTwin({
      scenario: { ...siteScenario(spec), background: false },
      siteInput: 'office',
      seed: 1,
      speed: 1,
    }));
    office = await startServer({ live, host: '127.0.0.1', port: 0, credentials, mount: mountViz });
    browser = await openBrowserPage('stage', { width: 1024, height: 700 });
    ({ page, pageErrors } = browser);
    mkdirSync(artifactsDir, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await office?.close();
    await campus?.close();
    officeTwin?.stop();
    campusTwin?.stop();
  });

  it('draws every room and wall of the office, and each door in its wall', async () => {
    requireChromium();
    await page.goto(`${office!.url}/`);
    for (const room of spec.rooms ?? [])
      await page.getByTestId(`room-${room.id}`).waitFor({ state: 'visible', timeout: waitMs });
    const walls = spec.walls ?? [];
    expect(walls.length).toBeGreaterThan(10);
    expect(await page.locator('[data-testid^="wall-"]').count()).toBe(walls.length);
    for (const [index, wall] of walls.entries())
      expect(await page.getByTestId(`wall-${index}`).getAttribute('data-material')).toBe(wall.material);
    // A brick wall is drawn thicker than a glass one.
    const width = async (material: string): Promise<number> =>
      Number(await page.locator(`.wall-${material}`).first().getAttribute('stroke-width'));
    expect(await width('brick')).toBeGreaterThan(await width('glass'));
    expect(await page.getByTestId('room-meeting-room').textContent()).toContain('Meeting room');
    // The front door is in the outer wall: its gap is drawn over it.
    expect(await page.getByTestId('door-door-front').locator('.door-gap').count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'stage-office-1024.png') });
  }, 60_000);

  it('shows a visitor walk up, tap, and go through the front door', async () => {
    requireChromium();
    await watchStage(page);
    // A visitor presents their tag (as a person at the door does: an input, like the panel's button sends).
    officeTwin!.apply({ type: 'present-tag', tag: 'tag-anna', lock: 'lock-front' });
    const figure = 'person-tag-anna';
    await page.getByTestId(figure).waitFor({ state: 'attached', timeout: waitMs });
    await page.getByTestId('lock-lock-front').and(page.locator('[data-bolt="unlocked"]')).waitFor({
      state: 'attached',
      timeout: waitMs,
    });
    // Let in, they push the door open once the motor has drawn the bolt (a push before it does not give), by the
    // twin's own clock, and go through.
    const motorDoneMs = officeTwin!.twin.clock.now() + motorMsDefault;
    while (officeTwin!.twin.clock.now() < motorDoneMs) await page.waitForTimeout(50);
    officeTwin!.apply({ type: 'open-door', door: 'door-front' });
    await page.locator(`[data-testid="${figure}"][data-phase="going-through"]`).waitFor({
      state: 'attached',
      timeout: waitMs,
    });
    expect(await page.getByTestId('door-door-front').getAttribute('data-state')).toBe('open');
    await page.getByTestId(figure).waitFor({ state: 'detached', timeout: waitMs });
    const seen = await stageSeen(page);
    const visitor = seen.people[figure];
    // The figure walked (many places), waited at the door and went through.
    expect(visitor?.places.length).toBeGreaterThan(5);
    // (Answered, or the door opened, before the walk up ended, the figure finishes it first and then goes in:
    // `waiting` and `let-in` may be too short to be seen.)
    const phases = visitor?.phases ?? [];
    expect(phases[0]).toBe('walking-up');
    expect(phases.at(-1)).toBe('going-through');
    expect(phases).not.toContain('refused');
    expect(seen.ripples).toEqual(['lock-front']);
    // The audit record went up the mesh as a packet (lock → IQ).
    expect(seen.packetFrames).toBeGreaterThan(2);
    officeTwin!.apply({ type: 'close-door', door: 'door-front' });
  }, 60_000);

  it('shows a stranger refused at the server room, with a red cross', async () => {
    requireChromium();
    officeTwin!.apply({ type: 'present-tag', tag: 'tag-nobody', lock: 'lock-server' });
    await page.locator('[data-testid="person-tag-nobody"][data-phase="refused"]').waitFor({
      state: 'attached',
      timeout: waitMs,
    });
    expect(await page.locator('[data-testid="person-tag-nobody"] .person-refused').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(artifactsDir, 'stage-office-1920.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('draws the campus on a canvas that pans and zooms', async () => {
    requireChromium();
    campusTwin = liveTwinOfNamedSite('campus', { speed: 10 });
    campus = await startServer({
      live: campusTwin,
      host: '127.0.0.1',
      port: 0,
      credentials,
      mount: mountViz,
    });
    await page.setViewportSize({ width: 1400, height: 860 });
    await page.goto(`${campus.url}/`);
    const canvas = page.getByTestId('floor-canvas');
    await canvas.waitFor({ state: 'visible', timeout: waitMs });
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="floor-canvas"]')?.getAttribute('data-drawn-locks')) > 0,
      undefined,
      { timeout: waitMs },
    );
    expect(Number(await canvas.getAttribute('data-drawn-locks'))).toBe(1024);
    expect(await page.getByTestId('floor-plan').isHidden()).toBe(true);

    const scale = Number(await canvas.getAttribute('data-scale'));
    // Dispatched: the campus page is busy, and Playwright's wait for a still layout could outlast the test.
    await page.getByTestId('stage-zoom-in').dispatchEvent('click');
    await page.getByTestId('stage-zoom-in').dispatchEvent('click');
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid="floor-canvas"]')?.getAttribute('data-scale')) > before,
      scale,
    );
    const zoomed = Number(await canvas.getAttribute('data-scale'));
    expect(zoomed).toBeCloseTo(scale * 1.25 * 1.25, 2);

    const centreX = Number(await canvas.getAttribute('data-center-x'));
    const box = await canvas.boundingBox();
    if (box === null) throw new Error('the canvas has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid="floor-canvas"]')?.getAttribute('data-center-x')) >
        before,
      centreX,
    );
    // Dragged 200 px left: the view's centre moved 200 px worth of metres east.
    const moved = Number(await canvas.getAttribute('data-center-x')) - centreX;
    expect(moved).toBeCloseTo(200 / zoomed, 0);
    // Zoomed in, fewer than all locks are in view.
    expect(Number(await canvas.getAttribute('data-drawn-locks'))).toBeLessThan(1024);
    await page.getByTestId('stage-zoom-fit').dispatchEvent('click');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifactsDir, 'stage-campus.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
