import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SiteSpecInput } from '../twin/index.ts';
import { scenario } from './builder.ts';
import { parseScenario } from './scenario-file.ts';
import { runScenario } from './run-scenario.ts';

function libraryFile(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./library/${name}.json`, import.meta.url), 'utf8')) as unknown;
}

const front = 'lock-front';
const tag = (at: string, tagId: string) => [at, { type: 'present-tag', tag: tagId, lock: front }] as const;

/** scenarios/library/blocked-tag-iq-offline.json, written in code. */
const blockedTag = scenario('blocked-tag-iq-offline')
  .describe(
    'A tag blocked while the IQ has no internet keeps opening until the IQ is back and the block lands on the lock; then it is refused.',
  )
  .site('office')
  .seed(1)
  .until('14m')
  .at('1m', { type: 'iq-internet', iq: 'iq-1', up: false })
  .at('2m', { type: 'admin', actor: 'user-anna', action: 'block-tag', args: ['tag-daan'], label: 'block' })
  .at(...tag('3m', 'tag-daan'))
  .at(...tag('6m', 'tag-daan'))
  .at(...tag('10m', 'tag-daan'))
  .at('11m', { type: 'iq-internet', iq: 'iq-1', up: true })
  .at(...tag('12m', 'tag-daan'))
  .at(...tag('13m', 'tag-chloe'))
  .expect(
    { type: 'admin-result', label: 'block', code: 'ok' },
    { type: 'decision', lock: front, category: 'lock_opened', user: 'user-daan', after: '2m', before: '4m' },
    { type: 'decision', lock: front, category: 'lock_opened', user: 'user-daan', after: '9m', before: '11m' },
    { type: 'decision', lock: front, category: 'lock_rejected', before: '11m', absent: true },
    {
      type: 'decision',
      lock: front,
      category: 'lock_rejected',
      detail: 'tag blocked',
      user: 'user-daan',
      after: '12m',
      before: '13m',
    },
    { type: 'decision', lock: front, category: 'lock_opened', user: 'user-daan', after: '11m', absent: true },
    { type: 'decision', lock: front, category: 'lock_opened', user: 'user-chloe', after: '13m' },
    { type: 'lock-state', at: '12m5s', lock: front, bolt: 'locked' },
  );

const eomDoor: SiteSpecInput = {
  name: 'eom-door',
  description: 'One BLUEnet cylinder with an Easy Office Mode schedule; the run starts Monday 07:00 local.',
  timeZone: 'Europe/Amsterdam',
  startsAtUtc: '2026-03-02T06:00:00Z',
  iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
  doors: [{ id: 'door-hall', name: 'Hall' }],
  locks: [
    {
      id: 'lock-hall',
      name: 'Hall',
      kind: 'bluenet-cylinder',
      iq: 'iq-1',
      door: 'door-hall',
      position: { x: 4, y: 0 },
      access: [],
      eomSchedules: [{ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
    },
  ],
  users: [
    { id: 'owner', name: 'Olga Owner', email: 'olga@example.com', role: 'owner' },
    { id: 'user-eom', name: 'Eva Office', permissions: { easyOfficeMode: true } },
  ],
  tags: [{ id: 'tag-eom', user: 'user-eom' }],
  accessGroups: [
    {
      id: 'everyone',
      users: ['owner', 'user-eom'],
      locks: ['lock-hall'],
      schedules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
    },
  ],
};

/** scenarios/library/eom-autolock-iq-offline.json (an inline site), written in code. */
const eomAutolock = scenario('eom-autolock-iq-offline')
  .describe(
    'A lock in Easy Office Mode locks itself when its schedule ends at 18:00, although its IQ lost internet and power hours before.',
  )
  .site(eomDoor)
  .seed(1)
  .until('11h10m')
  .at('2h', { type: 'present-tag', tag: 'tag-eom', lock: 'lock-hall' })
  .at('2h5m', { type: 'iq-internet', iq: 'iq-1', up: false }, { type: 'power', device: 'iq-1', on: false })
  .expect(
    { type: 'lock-state', at: '2h1m', lock: 'lock-hall', bolt: 'officeMode', officeMode: 'easy' },
    { type: 'lock-state', at: '10h59m', lock: 'lock-hall', bolt: 'officeMode', officeMode: 'easy' },
    { type: 'lock-state', at: '11h1s', lock: 'lock-hall', bolt: 'locked' },
    {
      type: 'decision',
      lock: 'lock-hall',
      category: 'easy_office_mode',
      detail: 'office mode off, locked (EOM schedule ended)',
      after: '11h',
      before: '11h1s',
    },
    {
      type: 'decision',
      lock: 'lock-hall',
      category: 'easy_office_mode',
      detail: 'office mode off',
      before: '11h',
      absent: true,
    },
  );

describe('the scenario builder', () => {
  it.each([
    ['blocked-tag-iq-offline', blockedTag],
    ['eom-autolock-iq-offline', eomAutolock],
  ])(
    'builds %s deep-equal to its library file, which parseScenario accepts and which passes',
    (name, builder) => {
      const json = builder.toJSON();
      expect(json).toStrictEqual(libraryFile(name));
      expect(JSON.parse(JSON.stringify(builder))).toStrictEqual(json);
      const parsed = parseScenario(json);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.name).toBe(name);
      expect(runScenario(builder.build()).passed).toBe(true);
    },
  );

  it('leaves out what was not set, keeps defects, and never changes an earlier builder', () => {
    const base = scenario('bare').site('two-doors');
    const withDefect = base
      .at(1_000, { type: 'tap-phone', phone: 'phone-1', lock: 'lock-left' })
      .defects('weakest-lock-answers-tap');
    expect(base.toJSON()).toStrictEqual({ name: 'bare', site: 'two-doors', inputs: [], expect: [] });
    expect(withDefect.toJSON()).toStrictEqual({
      name: 'bare',
      site: 'two-doors',
      inputs: [{ at: 1_000, type: 'tap-phone', phone: 'phone-1', lock: 'lock-left' }],
      expect: [],
      defects: ['weakest-lock-answers-tap'],
    });
    expect(withDefect.build().defects).toEqual(['weakest-lock-answers-tap']);
  });

  it('refuses a bad duration at once, and names the bad field when building', () => {
    expect(() => scenario('bad').at('soon', { type: 'open-door', door: 'door-front' })).toThrow(
      /"soon" is not a duration/,
    );
    expect(() => scenario('bad').toJSON()).toThrow(/no site/);
    const unknownLock = scenario('bad')
      .site('office')
      .at('1s', { type: 'present-tag', tag: 'tag-anna', lock: 'lock-nowhere' });
    expect(() => unknownLock.build()).toThrow(/inputs\[0\]\.lock: no lock "lock-nowhere"/);
  });
});
