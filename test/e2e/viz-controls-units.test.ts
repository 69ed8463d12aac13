/**
 * The page's words and clock without a browser: every name of the protocol's enums has a word of its own (no
 * `pin_code` on screen), refusals read in words with their code, times read in the site's zone, and the one
 * clock (`ServerClock`) follows the server's line, never goes back while running, shows the server's own time
 * when paused, and follows a server that falls behind its speed. And the snapshot's `site` the page reads them
 * from (`api/live/site-summary.ts`): PINs only for a connection that may export.
 */
import { describe, expect, it } from 'vitest';
import { alertKinds, batteryLevels, lockKinds, notClosedAfterMsDefault, roles } from '../../twin/index.ts';
import { liveTwinOfNamedSite } from '../../api/index.ts';
import { entrySchema, lockStateSchema } from '../../api/live/protocol.ts';
import { siteSummary } from '../../api/live/site-summary.ts';
import { clockWindowMs, ServerClock } from '../../viz/client/clock-sync.ts';
import { knownZone, siteDate, siteTime, siteTimeWithZone } from '../../viz/client/format.ts';
import {
  alertWord,
  batteryWord,
  boltWord,
  categoryWord,
  detailWords,
  lockKindWord,
  methodWord,
  refusalWord,
  roleWord,
} from '../../viz/client/words.ts';

describe('words', () => {
  it('gives every method, alert kind, battery level, lock kind and role a word of its own', () => {
    const methods = entrySchema.shape.method.unwrap().options;
    for (const method of methods) expect(methodWord(method)).not.toContain('_');
    expect(methodWord('pin_code')).toBe('PIN');
    expect(methodWord('digital_key')).toBe('phone');
    for (const kind of alertKinds) expect(alertWord(kind)).toMatch(/^[A-Z ]+$/);
    expect(alertWord('not_closed')).toBe('NOT CLOSED');
    for (const level of batteryLevels) expect(batteryWord(level)).toMatch(/^battery /);
    for (const kind of lockKinds) expect(lockKindWord(kind)).not.toContain('-');
    expect(lockKindWord('wall-reader')).toBe('wall reader');
    for (const role of roles) expect(roleWord(role)).not.toContain('-');
    for (const bolt of lockStateSchema.shape.bolt.options) expect(boltWord({ bolt })).not.toMatch(/[A-Z]/);
    expect(boltWord({ bolt: 'officeMode', officeMode: 'easy' })).toBe('office mode (Easy Office Mode)');
  });

  it('reads entries in words, and a name no table knows as plain words', () => {
    expect(categoryWord('lock_rejected')).toBe('refused');
    expect(categoryWord('lock_opened')).toBe('opened');
    expect(categoryWord('some_new_kind')).toBe('some new kind');
    expect(detailWords('opened by pin_code')).toBe('opened by PIN');
    expect(detailWords('opened by digital_key')).toBe('opened by phone');
  });

  it('says a refusal in words and keeps the server message and code', () => {
    expect(refusalWord({ code: 3105, message: 'Iq is offline it is not connected to CCC' })).toBe(
      'refused: the IQ is offline (no internet) — Iq is offline it is not connected to CCC [3105]',
    );
    expect(refusalWord({ code: 'unknown-device', message: 'command.lock: no lock "x"' })).toContain(
      'the site has no such device',
    );
    expect(refusalWord({ code: 9999, message: 'odd' })).toBe('refused: odd [9999]');
  });
});

describe("the site's time", () => {
  // 2026-03-02T07:00:00Z is 08:00 in Amsterdam (CET, UTC+1), 2026-07-01T07:00:00Z is 09:00 (CEST).
  const winter = Date.parse('2026-03-02T07:00:00Z');
  const summer = Date.parse('2026-07-01T07:00:03Z');

  it('formats in the zone with daylight saving, and shows the zone', () => {
    expect(siteTimeWithZone(winter, 'Europe/Amsterdam')).toBe('08:00:00 Europe/Amsterdam');
    expect(siteTime(summer, 'Europe/Amsterdam')).toBe('09:00:03');
    expect(siteTime(winter, 'America/New_York')).toBe('02:00:00');
    expect(siteDate(winter, 'Europe/Amsterdam')).toBe('Mon, 2 Mar 2026');
  });

  it('falls back to UTC for a zone the browser does not know', () => {
    expect(knownZone('Mars/Olympus')).toBe('UTC');
    expect(siteTimeWithZone(winter, 'Mars/Olympus')).toBe('07:00:00 UTC');
    expect(siteTime(Number.NaN, 'UTC')).toBe('');
  });
});

describe('the one clock', () => {
  const running = { speed: 100, paused: false } as const;

  it('runs on from the server sample at its speed, and follows the fastest sample', () => {
    const clock = new ServerClock();
    clock.setRate(running, 10_000, 1_000);
    expect(clock.shown(1_500)).toBe(10_000 + 500 * 100);
    // A sample that travelled faster (higher v − s·w) moves the line up.
    clock.observe(70_000, 1_550);
    expect(clock.estimate(1_600)).toBe(70_000 + 50 * 100);
    // A slower one (an event of earlier virtual time) does not pull it down.
    clock.observe(60_000, 1_600);
    expect(clock.estimate(1_600)).toBe(75_000);
  });

  it('never goes back while running, and shows the server time exactly when paused', () => {
    const clock = new ServerClock();
    clock.setRate(running, 0, 0);
    const ahead = clock.shown(2_000);
    expect(ahead).toBe(200_000);
    // The server was behind: its status is lower than what was shown; the clock holds until it catches up.
    clock.setRate(running, 150_000, 2_100);
    expect(clock.shown(2_100)).toBe(ahead);
    clock.setRate({ speed: 100, paused: true }, 150_000, 2_200);
    expect(clock.shown(2_300)).toBe(150_000);
    expect(clock.shown(9_000)).toBe(150_000);
  });

  it('follows a server that runs slower than its speed, not the noise of travel times', () => {
    const clock = new ServerClock();
    // The server runs at half its speed: 50 virtual ms per wall ms instead of 100.
    for (let wallMs = 0; wallMs <= 2_000; wallMs += 250) clock.setRate(running, wallMs * 50, wallMs);
    expect(clock.rate()).toBeCloseTo(50, 5);
    expect(clock.estimate(2_400)).toBe(2_400 * 50);
    // 95 % of the speed is travel-time noise: the speed stands.
    const steady = new ServerClock();
    for (let wallMs = 0; wallMs <= 2_000; wallMs += 250) steady.setRate(running, wallMs * 95, wallMs);
    expect(steady.rate()).toBe(100);
  });

  it('forgets samples older than its window and stops running on without news', () => {
    const clock = new ServerClock();
    clock.setRate(running, 0, 0);
    // One sample far above the line (300 virtual s ahead), then the line itself every 100 ms.
    clock.observe(350_000, 500);
    expect(clock.estimate(600)).toBe(360_000);
    for (let wallMs = 600; wallMs <= 600 + clockWindowMs; wallMs += 100) clock.observe(wallMs * 100, wallMs);
    // The high sample fell out of the window: the line is the samples' own again.
    expect(clock.estimate(600 + clockWindowMs)).toBe((600 + clockWindowMs) * 100);
    const later = new ServerClock();
    later.setRate(running, 0, 0);
    expect(later.estimate(60_000)).toBe(later.estimate(120_000));
    later.reset();
    expect(later.synced).toBe(false);
    expect(later.shown(1)).toBe(0);
  });
});

describe("the snapshot's site summary (what the page names people and times by)", () => {
  it('carries the zone, the NOT CLOSED delay, names and credentials; PINs only when asked', () => {
    const live = liveTwinOfNamedSite('office', { paused: true, background: false });
    try {
      const open = siteSummary(live, { withPins: false });
      expect(open.timeZone).toBe('Europe/Amsterdam');
      expect(open.notClosedAfterMs).toBe(notClosedAfterMsDefault);
      expect(open.peopleTotal).toBe(live.spec.users.length);
      expect(open.people.some((person) => person.pin !== undefined)).toBe(false);
      const anna = open.people.find((person) => person.id === 'user-anna');
      expect(anna).toMatchObject({ name: 'Anna de Vries', tags: [{ id: 'tag-anna', blocked: false }] });
      expect(anna?.phones).toEqual(['phone-anna']);
      // A user the spec leaves unnamed gets the twin's fake name, never their id.
      expect(open.people.find((person) => person.id === 'user-5')?.name).not.toBe('user-5');
      expect(open.doors.find((door) => door.id === 'door-front')?.name).toBe('Front door');
      expect(open.accessGroups.map((group) => group.name)).toContain('Staff');

      const withPins = siteSummary(live, { withPins: true });
      expect(withPins.people.find((person) => person.id === 'user-anna')?.pin).toBe('482913');
      // The cloud's state, not the spec's: a tag blocked since reads blocked.
      live.apply({ type: 'admin', actor: 'user-anna', action: 'block-tag', args: ['tag-daan'] });
      const daan = siteSummary(live, { withPins: false }).people.find((person) => person.id === 'user-daan');
      expect(daan?.tags).toEqual([{ id: 'tag-daan', blocked: true }]);
    } finally {
      live.stop();
    }
  });
});
