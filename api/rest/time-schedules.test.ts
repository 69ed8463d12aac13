import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../scenarios/index.ts';
import { isUuid } from './connect-ids.ts';
import { apiEndTime, twinEnd, twinStart } from './shapes/time-schedules.ts';
import { call, createTestApi, publicIdOf, sitePathOf, tokenFor, type TestApi } from './testing.ts';

let api: TestApi;
let owner: string;
beforeEach(async () => {
  api = createTestApi();
  owner = await tokenFor(api.app);
});
afterEach(() => api.stop());

const groupsPath = () => `${sitePathOf(api.live, 'v1.1')}/access_groups`;
const weekdays = { monday: true, tuesday: true, wednesday: true, thursday: true, friday: true };
const everyDay = { ...weekdays, saturday: true, sunday: true };

/** A new group with user-7 (tag-7) and the server room, which user-7 has no other access to. */
async function groupForTag7(): Promise<{ group: string; schedules: string }> {
  const { app, live } = api;
  const created = await call(app, 'POST', `${sitePathOf(live)}/access_groups`, owner, {
    customer_reference: 'Server room guests',
  });
  const group = created.body.id as string;
  const members = `${sitePathOf(live)}/access_groups/${group}/users`;
  expect(
    (await call(app, 'POST', members, owner, { user_id: publicIdOf(live, 'user', 'user-7') })).status,
  ).toBe(201);
  const locks = `${groupsPath()}/${group}/locks`;
  expect(
    (await call(app, 'POST', locks, owner, { lock_id: publicIdOf(live, 'lock', 'lock-server') })).status,
  ).toBe(201);
  return { group, schedules: `${groupsPath()}/${group}/time_schedules` };
}

/**
 * Runs the twin to a wall-clock time of the office's first day (Monday 2 March 2026, Europe/Amsterdam, UTC+1;
 * the twin starts there at 08:00).
 */
function advanceToLocal(hours: number, minutes: number, seconds: number, ms = 0): void {
  const { live } = api;
  const targetUtcMs = Date.UTC(2026, 2, 2, hours - 1, minutes, seconds, ms);
  const nowMs = live.twin.clock.now();
  live.advance(targetUtcMs - live.twin.epochUtcMs - nowMs);
}

/** Tag 7 shown at the server room; the entry's category once it has reached the cloud. */
function tapTag7(): string {
  const { live } = api;
  const before = live.twin.entries.entries().length;
  live.apply({ type: 'present-tag', tag: 'tag-7', lock: 'lock-server' });
  live.advance(20_000);
  const entries = live.twin.entries.entries().slice(before);
  const tap = entries.filter((entry) => entry.lockId === 'lock-server');
  expect(tap).toHaveLength(1);
  return (tap[0] as (typeof tap)[number]).category;
}

describe('time schedule times', () => {
  it('map the API’s included end minute onto the twin’s exclusive end, and back', () => {
    expect(twinStart('08:00')).toBe('08:00');
    expect(twinStart('08:00:00')).toBe('08:00');
    expect(twinEnd('18:00')).toBe('18:01');
    expect(twinEnd('18:00:59')).toBe('18:01');
    expect(twinEnd('23:59')).toBe('24:00');
    expect(apiEndTime('18:01')).toBe('18:00:59');
    expect(apiEndTime('24:00')).toBe('23:59:59');
    for (const bad of ['18:00:30', '24:00', '8:00', '18:60', 'noon']) expect(() => twinEnd(bad)).toThrow();
    expect(() => twinStart('08:00:59')).toThrow();
  });
});

describe('time schedules', () => {
  it('adds, reads, changes and deletes a schedule; end_time is echoed with seconds', async () => {
    const { app, live } = api;
    const { group, schedules } = await groupForTag7();
    const created = await call(app, 'POST', schedules, owner, {
      ...weekdays,
      start_time: '08:00',
      end_time: '18:00',
      start_date: '2026-03-01',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(isUuid(id)).toBe(true);
    expect(created.body).toEqual({
      id,
      ...weekdays,
      saturday: false,
      sunday: false,
      start_time: '08:00:00',
      end_time: '18:00:59',
      start_date: '2026-03-01',
      end_date: null,
    });
    expect(live.twin.cloud.state.accessGroups.get(group)?.schedules).toEqual([
      { id, weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '18:01', fromDate: '2026-03-01' },
    ]);
    expect((await call(app, 'GET', schedules, owner)).body).toMatchObject({ count: 1, items: [{ id }] });
    expect((await call(app, 'GET', `${schedules}/${id}`, owner)).body).toEqual(created.body);
    const changed = await call(app, 'PATCH', `${schedules}/${id}`, owner, {
      saturday: true,
      end_time: '20:30:59',
      start_date: null,
    });
    expect(changed).toMatchObject({
      status: 200,
      body: { id, monday: true, saturday: true, sunday: false, start_time: '08:00:00', end_time: '20:30:59' },
    });
    expect(changed.body.start_date).toBeNull();
    // The same schedule answers on v1.2 too.
    const v12 = `${sitePathOf(live, 'v1.2')}/access_groups/${group}/time_schedules/${id}`;
    expect((await call(app, 'GET', v12, owner)).body).toEqual(changed.body);
    expect((await call(app, 'DELETE', `${schedules}/${id}`, owner)).status).toBe(204);
    expect(await call(app, 'GET', `${schedules}/${id}`, owner)).toMatchObject({
      status: 404,
      body: { ErrorCode: 3104 },
    });
    expect(live.twin.cloud.state.accessGroups.get(group)?.schedules).toEqual([]);
  });

  it('refuses a days array or no day selected with 400/1101 "At least one day should be selected"', async () => {
    const { schedules } = await groupForTag7();
    for (const body of [
      { days: ['monday'], start_time: '08:00', end_time: '18:00' },
      { start_time: '08:00', end_time: '18:00' },
      { monday: false, start_time: '08:00', end_time: '18:00' },
    ]) {
      const answer = await call(api.app, 'POST', schedules, owner, body);
      expect(answer).toMatchObject({
        status: 400,
        body: { ErrorCode: 1101, Message: expect.stringContaining('At least one day should be selected') },
      });
    }
  });

  it('refuses bad times and dates naming the field (400/1101)', async () => {
    const { schedules } = await groupForTag7();
    const cases: [Record<string, unknown>, string][] = [
      [{ start_time: '08:00', end_time: '18:00:30' }, 'end_time'],
      [{ start_time: '25:00', end_time: '18:00' }, 'start_time'],
      [{ start_time: '18:00', end_time: '08:00' }, 'end_time'],
      [{ start_time: '08:00', end_time: '18:00', end_date: '2026-13-01' }, 'end_date'],
      [{ start_time: '08:00', end_time: '18:00', start_date: '1 March' }, 'start_date'],
    ];
    for (const [times, field] of cases) {
      const answer = await call(api.app, 'POST', schedules, owner, { monday: true, ...times });
      expect(answer).toMatchObject({
        status: 400,
        body: { ErrorCode: 1101, Message: expect.stringContaining(`'${field}'`) },
      });
    }
  });

  it('holds at most 64 schedules per group (400/1101)', async () => {
    const { schedules } = await groupForTag7();
    for (let index = 0; index < 64; index++) {
      const hour = String(index % 24).padStart(2, '0');
      const answer = await call(api.app, 'POST', schedules, owner, {
        monday: true,
        start_time: `${hour}:00`,
        end_time: `${hour}:30`,
      });
      expect(answer.status).toBe(201);
    }
    const over = await call(api.app, 'POST', schedules, owner, {
      sunday: true,
      start_time: '08:00',
      end_time: '09:00',
    });
    expect(over).toMatchObject({
      status: 400,
      body: { ErrorCode: 1101, Message: expect.stringMatching(/at most 64/) },
    });
    expect((await call(api.app, 'GET', `${schedules}?$top=1000`, owner)).body.count).toBe(64);
  });

  it('names a site spec group’s schedules, and the names stay when schedules are added', async () => {
    const { app, live } = api;
    const staff = `${groupsPath()}/${publicIdOf(live, 'access-group', 'group-staff')}/time_schedules`;
    const before = await call(app, 'GET', staff, owner);
    expect(before.body.items).toEqual([
      {
        id: publicIdOf(live, 'time-schedule', 'group-staff/schedule-1'),
        ...weekdays,
        saturday: false,
        sunday: false,
        start_time: '07:00:00',
        end_time: '18:59:59',
        start_date: null,
        end_date: null,
      },
    ]);
    const added = await call(app, 'POST', staff, owner, {
      saturday: true,
      start_time: '09:00',
      end_time: '12:59',
    });
    expect(added.status).toBe(201);
    const after = await call(app, 'GET', staff, owner);
    expect(after.body.items.map((item: { id: string }) => item.id)).toEqual([
      before.body.items[0].id,
      added.body.id,
    ]);
    expect(live.twin.cloud.state.accessGroups.get('group-staff')?.schedules[1]).toEqual({
      id: added.body.id,
      weekdays: [6],
      start: '09:00',
      end: '13:00',
    });
  });
});

describe('time schedules at the door', () => {
  it('a group without a schedule grants nothing; once one is added its member is let in', async () => {
    const { schedules } = await groupForTag7();
    api.live.advance(60_000);
    expect(tapTag7()).toBe('lock_rejected');
    const added = await call(api.app, 'POST', schedules, owner, {
      ...everyDay,
      start_time: '00:00',
      end_time: '23:59',
    });
    expect(added.body).toMatchObject({ start_time: '00:00:00', end_time: '23:59:59' });
    api.live.advance(60_000);
    expect(tapTag7()).toBe('lock_opened');
  });

  it('lets a new member of an already scheduled group in within 45 s of the grant', async () => {
    const { app, live } = api;
    const groups = `${sitePathOf(live)}/access_groups`;
    const group = (await call(app, 'POST', groups, owner, { customer_reference: 'Scheduled' })).body.id;
    const lock = { lock_id: publicIdOf(live, 'lock', 'lock-server') };
    expect((await call(app, 'POST', `${groupsPath()}/${group}/locks`, owner, lock)).status).toBe(201);
    const always = { ...everyDay, start_time: '00:00', end_time: '23:59' };
    expect((await call(app, 'POST', `${groupsPath()}/${group}/time_schedules`, owner, always)).status).toBe(
      201,
    );
    live.advance(60_000);
    expect(tapTag7()).toBe('lock_rejected');
    const member = { user_id: publicIdOf(live, 'user', 'user-7') };
    expect((await call(app, 'POST', `${groups}/${group}/users`, owner, member)).status).toBe(201);
    live.advance(45_000);
    expect(tapTag7()).toBe('lock_opened');
  });

  /** Monday 08:00–18:00 as the API writes it. */
  async function mondayUntil1800(): Promise<void> {
    const { schedules } = await groupForTag7();
    const answer = await call(api.app, 'POST', schedules, owner, {
      monday: true,
      start_time: '08:00',
      end_time: '18:00',
    });
    expect(answer.status).toBe(201);
  }

  it('end_time 18:00 lets in at 18:00:30 and refuses at 18:01:00', async () => {
    await mondayUntil1800();
    advanceToLocal(18, 0, 30);
    expect(tapTag7()).toBe('lock_opened');
    advanceToLocal(18, 1, 0);
    expect(tapTag7()).toBe('lock_rejected');
  });

  it('end_time 18:00 still lets in at 18:00:59.5 (the tag is read a fraction of a second later)', async () => {
    await mondayUntil1800();
    advanceToLocal(18, 0, 59, 500);
    expect(tapTag7()).toBe('lock_opened');
  });
});

describe('a session with groups and schedules', () => {
  it('replays from its export to the same fingerprint, the same ids included', async () => {
    const { schedules } = await groupForTag7();
    const added = await call(api.app, 'POST', schedules, owner, {
      ...everyDay,
      start_time: '00:00',
      end_time: '23:59',
    });
    expect(added.status).toBe(201);
    expect(
      (await call(api.app, 'PATCH', `${schedules}/${added.body.id}`, owner, { sunday: false })).status,
    ).toBe(200);
    api.live.advance(60_000);
    expect(tapTag7()).toBe('lock_opened');
    const exported = api.live.exportScenario();
    const scenario = parseScenario(JSON.parse(JSON.stringify(exported)));
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
    expect(runScenario(scenario.value).traceHash).toBe(exported.expectedHash);
    expect(JSON.stringify(exported)).toContain(added.body.id);
  });
});
