/**
 * A small site for the cloud core's tests: two IQs, three locks, one user of every role, tags, phones (one not
 * registered), an explicit access group and two pods. Each test takes a fresh copy and may override any section.
 */
import { epochUtcIsoDefault } from '../defaults.ts';
import type { SiteSpecInput } from '../site/spec.ts';
import { formatSpecErrors } from '../site/spec-error.ts';
import { parseSiteSpec } from '../site/validate.ts';
import { CloudCore } from './cloud-core.ts';
import type { CloudState, Schedule } from './model.ts';
import { cloudRepeatersFromSpec, cloudStateFromSpec } from './state-from-spec.ts';

export const fixtureStartUtcMs = Date.parse(epochUtcIsoDefault);

export const officeHours: Schedule = { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };

export function fixtureSpec(): SiteSpecInput {
  return {
    name: 'core-fixture',
    iqs: [
      { id: 'iq-1', position: { x: 0, y: 0 } },
      { id: 'iq-2', position: { x: 50, y: 0 } },
    ],
    repeaters: [{ id: 'rep-1', iq: 'iq-1', position: { x: 7, y: 0 } }],
    doors: [{ id: 'door-a' }, { id: 'door-b' }, { id: 'door-c' }],
    locks: [
      { id: 'lock-a', kind: 'bluenet-escutcheon', iq: 'iq-1', door: 'door-a', position: { x: 3, y: 0 } },
      {
        id: 'lock-b',
        kind: 'pin',
        iq: 'iq-1',
        door: 'door-b',
        position: { x: 0, y: 3 },
        access: ['user-1', 'super'],
      },
      {
        id: 'lock-c',
        kind: 'bluenet-cylinder',
        iq: 'iq-2',
        door: 'door-c',
        position: { x: 53, y: 0 },
        access: ['user-2'],
      },
    ],
    users: [
      { id: 'owner', name: 'Olga Owner', email: 'olga@example.com', role: 'owner' },
      { id: 'admin', name: 'Adam Admin', email: 'adam@example.com', role: 'admin' },
      { id: 'super', name: 'Sara Super', role: 'super-user' },
      { id: 'user-1', name: 'Uma One', email: 'uma@example.com', pin: '111111' },
      { id: 'user-2', name: 'Udo Two', email: 'udo@example.com' },
      { id: 'installer', name: 'Ivo Installer', role: 'installer' },
      { id: 'guest-1', name: 'Gina Guest' },
    ],
    tags: [
      { id: 'tag-1', user: 'user-1' },
      { id: 'tag-2', user: 'user-2' },
      { id: 'tag-super', user: 'super' },
    ],
    phones: [
      { id: 'phone-1', user: 'user-1' },
      { id: 'phone-2', user: 'user-2', registered: false, verified: false },
    ],
    accessGroups: [
      {
        id: 'group-office',
        name: 'Office',
        users: ['user-2'],
        locks: ['lock-a', 'lock-b'],
        schedules: [{ ...officeHours, weekdays: [...officeHours.weekdays] }],
      },
    ],
    pods: [
      {
        id: 'pod-1',
        name: 'Acme',
        members: ['user-1'],
        guests: ['guest-1'],
        locks: ['lock-b'],
        guestLimit: 1,
      },
      { id: 'pod-2', name: 'Beta', members: ['user-2'], locks: ['lock-c'], guestLimit: 2 },
    ],
  };
}

/** Changes a copy of the fixture's spec before the site is built. */
export type CoreFixtureChange = (spec: SiteSpecInput) => void;

export interface Fixture {
  readonly core: CloudCore;
  readonly state: CloudState;
  /** Every `accessChanged` call, in order. */
  readonly accessChanges: string[][];
  readonly topologyChanges: string[][];
  /** Moves the cloud's clock. */
  setNowUtcMs(utcMs: number): void;
}

export function createFixture(change: CoreFixtureChange = () => {}): Fixture {
  const input = fixtureSpec();
  change(input);
  const parsed = parseSiteSpec(input);
  if (!parsed.ok) throw new Error(formatSpecErrors(parsed.errors));
  const state = cloudStateFromSpec(parsed.spec);
  const accessChanges: string[][] = [];
  const topologyChanges: string[][] = [];
  let nowUtcMs = fixtureStartUtcMs;
  const core = new CloudCore(
    state,
    {
      accessChanged: (lockIds) => accessChanges.push([...lockIds]),
      nowUtcMs: () => nowUtcMs,
      topologyChanged: (lockIds) => topologyChanges.push([...lockIds]),
    },
    { repeaters: cloudRepeatersFromSpec(parsed.spec) },
  );
  return {
    core,
    state,
    accessChanges,
    topologyChanges,
    setNowUtcMs: (utcMs) => {
      nowUtcMs = utcMs;
    },
  };
}

/** The whole state as JSON, to show that a refused operation changed nothing. */
export function stateSnapshot(state: CloudState): string {
  return JSON.stringify(
    Object.entries(state).map(([key, value]) => [key, value instanceof Map ? [...value] : value]),
  );
}
