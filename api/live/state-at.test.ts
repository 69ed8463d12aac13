/**
 * The timeline commands: `state-at` rebuilds an earlier state by replaying the session (or a loaded file) on a
 * fresh twin, and `load-timeline` takes a scenario or failure file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteScenario } from '../../scenarios/index.ts';
import { loadNamedSite, parseSiteSpec } from '../../twin/index.ts';
import type { DeviceSnapshot } from '../device-view.ts';
import { LiveTwin } from '../live-twin.ts';
import { executeCommand, type CommandOutcome } from './commands.ts';
import type { TimelineFailure } from './protocol.ts';
import type { TimelineSlot } from './timeline.ts';

function quietOffice(): LiveTwin {
  const parsed = parseSiteSpec(loadNamedSite('office'));
  if (!parsed.ok) throw new Error('office does not load');
  return new LiveTwin({
    scenario: { ...siteScenario(parsed.spec), background: false },
    siteInput: 'office',
    seed: 1,
    speed: 1,
    paused: true,
  });
}

/** The user whose connection sends the commands (an owner of the office). */
const actorId = 'user-anna';

function frontBolt(devices: DeviceSnapshot): string | undefined {
  return devices.locks.find((lock) => lock.id === 'lock-front')?.bolt;
}

function resultOf(outcome: CommandOutcome): Record<string, unknown> {
  if (!outcome.ok) throw new Error(`refused: ${outcome.code} ${outcome.message}`);
  return outcome.result as Record<string, unknown>;
}

describe('state-at and load-timeline', () => {
  it('rebuilds the session at a time the front door was open, while live it is locked again', async () => {
    const live = quietOffice();
    const slot: TimelineSlot = { loaded: undefined };
    live.advance(1_000);
    expect(live.lockCommand('user-anna', 'lock-front', 'unlocked')).toBeDefined();
    let openMs: number | undefined;
    for (let step = 0; step < 120 && live.twin.clock.now() < 61_000; step++) {
      live.advance(500);
      if (openMs === undefined && frontBolt(live.snapshot()) === 'unlocked') openMs = live.twin.clock.now();
    }
    if (openMs === undefined) throw new Error('the front door never opened');
    expect(frontBolt(live.snapshot())).toBe('locked');

    const at = resultOf(
      await executeCommand(live, { action: 'state-at', ms: openMs }, { actorId, timeline: slot }),
    );
    expect(at.virtualMs).toBe(openMs);
    expect(frontBolt(at.devices as DeviceSnapshot)).toBe('unlocked');
    expect(Array.isArray(at.entries)).toBe(true);
    expect(frontBolt(live.snapshot())).toBe('locked');

    const before = resultOf(
      await executeCommand(live, { action: 'state-at', ms: 0 }, { actorId, timeline: slot }),
    );
    expect(frontBolt(before.devices as DeviceSnapshot)).toBe('locked');
    expect(before.entries).toEqual([]);
  });

  it('refuses a time past the end, and a loaded timeline before one is loaded', async () => {
    const live = quietOffice();
    const slot: TimelineSlot = { loaded: undefined };
    live.advance(10_000);
    expect(
      await executeCommand(live, { action: 'state-at', ms: 10_001 }, { actorId, timeline: slot }),
    ).toMatchObject({
      ok: false,
      code: 'bad-message',
      path: 'command.ms',
    });
    expect(
      await executeCommand(live, { action: 'state-at', ms: -1 }, { actorId, timeline: slot }),
    ).toMatchObject({
      ok: false,
      code: 'bad-message',
      path: 'command.ms',
    });
    expect(
      await executeCommand(
        live,
        { action: 'state-at', ms: 0, source: 'loaded' },
        { actorId, timeline: slot },
      ),
    ).toMatchObject({
      ok: false,
      code: 'bad-message',
      path: 'command.source',
    });
  });

  it('loads office-morning and shows the front door opened by the tag at 6 s', async () => {
    const live = quietOffice();
    const slot: TimelineSlot = { loaded: undefined };
    const file = JSON.parse(
      readFileSync(new URL('../../scenarios/library/office-morning.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(
      resultOf(await executeCommand(live, { action: 'load-timeline', file }, { actorId, timeline: slot })),
    ).toEqual({
      name: 'office-morning',
      durationMs: 300_000,
    });
    const at = resultOf(
      await executeCommand(
        live,
        { action: 'state-at', ms: 6_000, source: 'loaded' },
        { actorId, timeline: slot },
      ),
    );
    expect(frontBolt(at.devices as DeviceSnapshot)).toBe('unlocked');
    expect(
      await executeCommand(
        live,
        { action: 'state-at', ms: 300_001, source: 'loaded' },
        { actorId, timeline: slot },
      ),
    ).toMatchObject({
      ok: false,
      path: 'command.ms',
    });
    expect(live.twin.clock.now()).toBe(0);
  });

  it('loads a failure file as a scenario, and reports a bad file with its path', async () => {
    const live = quietOffice();
    const slot: TimelineSlot = { loaded: undefined };
    const failure = {
      format: 'lockstep-failure/1',
      invariant: 'example',
      site: loadNamedSite('office') as Record<string, unknown>,
      seed: 7,
      defects: [],
      inputs: [{ atMs: 5_000, input: { type: 'present-tag', tag: 'tag-anna', lock: 'lock-front' } }],
    };
    expect(
      resultOf(
        await executeCommand(live, { action: 'load-timeline', file: failure }, { actorId, timeline: slot }),
      ),
    ).toEqual({
      name: 'failure-example-seed7',
      // The harness repairs 1 ms past the last step (5 s), and the timeline runs a minute past that.
      durationMs: 65_001,
    });
    const at = resultOf(
      await executeCommand(
        live,
        { action: 'state-at', ms: 6_000, source: 'loaded' },
        { actorId, timeline: slot },
      ),
    );
    expect(frontBolt(at.devices as DeviceSnapshot)).toBe('unlocked');

    const bad = await executeCommand(
      live,
      { action: 'load-timeline', file: { name: 'x', site: 'office', inputs: [{ at: 1, type: 'nope' }] } },
      { actorId, timeline: slot },
    );
    expect(bad).toMatchObject({ ok: false, code: 'bad-message' });
    expect((bad as { path?: string }).path).toMatch(/^command\.file\.inputs\[0\]/);
    expect(
      await executeCommand(
        live,
        { action: 'load-timeline', file: { name: 'x' } },
        { actorId, timeline: slot },
      ),
    ).toMatchObject({
      ok: false,
      path: 'command.file.site',
    });
  });

  it('loads a failure file at its violation: the admin step, the harness, the lock opened, and its markers', async () => {
    const live = quietOffice();
    const slot: TimelineSlot = { loaded: undefined };
    const file = JSON.parse(
      readFileSync(
        new URL(
          '../../scenarios/regressions/blocked-tag-still-opens-opening-allowed-seed1-run5.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as Record<string, unknown>;
    const loaded = resultOf(
      await executeCommand(live, { action: 'load-timeline', file }, { actorId, timeline: slot }),
    );
    const failure = loaded.failure as TimelineFailure;
    expect(failure).toMatchObject({ invariant: 'opening-allowed', atMs: 1_265, lockId: 'lock-1-1' });
    expect(failure.summary).toContain('after block-tag tag-5 by user-1 at 00:00.5');
    expect(failure.steps.map((step) => [step.atMs, step.kind])).toEqual([
      [500, 'admin'],
      [1_000, 'person'],
      [1_001, 'harness'],
      [1_001, 'harness'],
      [1_001, 'harness'],
      [1_265, 'violation'],
    ]);
    expect(failure.steps[2]?.text).toBe('harness: power iq-1 on');
    expect(loaded.durationMs).toBe(1_265 + 60_000);

    const at = resultOf(
      await executeCommand(
        live,
        { action: 'state-at', ms: failure.atMs, source: 'loaded' },
        { actorId, timeline: slot },
      ),
    );
    const lock = (at.devices as DeviceSnapshot).locks.find((candidate) => candidate.id === 'lock-1-1');
    expect(lock?.bolt).toBe('unlocked');
    const markers = resultOf(
      await executeCommand(live, { action: 'markers', source: 'loaded' }, { actorId, timeline: slot }),
    );
    expect((markers.markers as { kind: string }[]).map((marker) => marker.kind)).toContain('violation');

    live.advance(5_000);
    expect(live.lockCommand('user-anna', 'lock-front', 'unlocked')).toBeDefined();
    live.advance(10_000);
    const session = resultOf(await executeCommand(live, { action: 'markers' }, { actorId, timeline: slot }));
    const kinds = (session.markers as { kind: string; atMs: number }[]).map((marker) => marker.kind);
    expect(kinds).toContain('entry');
    expect(session.truncated).toBe(false);
  });
});
