/**
 * A live session exported replays to the same fingerprint (in process here; across processes in
 * test/live-protocol.test.ts), including the hard case: a session input in the very millisecond an input of the
 * twin's own background traffic ran.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, siteScenario } from '../../scenarios/index.ts';
import { loadNamedSite, parseSiteSpec, type TwinInput } from '../../twin/index.ts';
import { LiveTwin } from '../live-twin.ts';
import { executeCommand, type CommandOutcome } from './commands.ts';

function officeSite(): LiveTwin {
  const parsed = parseSiteSpec(loadNamedSite('office'));
  if (!parsed.ok) throw new Error('office does not load');
  return new LiveTwin({
    scenario: siteScenario(parsed.spec),
    siteInput: 'office',
    seed: 3,
    speed: 1,
    paused: true,
  });
}

function replayedHash(exported: Record<string, unknown>): string {
  const scenario = parseScenario(JSON.parse(JSON.stringify(exported)));
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
  return runScenario(scenario.value).traceHash;
}

describe('export → replay', () => {
  it('keeps a busier background traffic rate in the export, so the busy session replays', () => {
    const parsed = parseSiteSpec(loadNamedSite('office'));
    if (!parsed.ok) throw new Error('office does not load');
    const busy = new LiveTwin({
      scenario: { ...siteScenario(parsed.spec), visitsPerLockPerHour: 40 },
      siteInput: 'office',
      seed: 3,
      speed: 1,
      paused: true,
    });
    const quiet = officeSite();
    busy.advance(1_800_000);
    quiet.advance(1_800_000);
    const exported = busy.exportScenario();
    expect(exported.visitsPerLockPerHour).toBe(40);
    expect(busy.twin.trace.events).toBeGreaterThan(quiet.twin.trace.events * 3);
    expect(replayedHash(exported)).toBe(busy.twin.trace.fingerprint());
    busy.stop();
    quiet.stop();
  });

  it('reproduces a session whose inputs land in the same millisecond as background inputs', () => {
    // Where the background traffic puts its inputs (the same seed gives the same times).
    const probe = officeSite();
    const backgroundMs: number[] = [];
    probe.subscribe(({ event, tMs }) => {
      if (event.kind === 'input') backgroundMs.push(tMs);
    });
    probe.advance(3_600_000);
    expect(backgroundMs.length).toBeGreaterThan(10);

    const live = officeSite();
    const inputs: TwinInput[] = [
      { type: 'power', device: 'rep-1', on: false },
      { type: 'present-tag', tag: 'tag-anna', lock: 'lock-front' },
      { type: 'power', device: 'rep-1', on: true },
      { type: 'battery', lock: 'lock-storage', level: 'low' },
    ];
    const applied: number[] = [];
    for (const [index, input] of inputs.entries()) {
      const atMs = backgroundMs[index * 3] as number;
      live.advance(atMs - live.twin.clock.now());
      applied.push(live.apply(input).atMs);
      expect(applied.at(-1)).toBeGreaterThan(atMs); // moved past the background input of that millisecond
      expect(applied.at(-1)).toBeLessThan(atMs + 10);
    }
    live.advance(60_000);
    const exported = live.exportScenario();
    expect(replayedHash(exported)).toBe(exported.expectedHash);
  });

  it('reproduces a session of commands (time, person actions, faults, admin, refusals) without background', async () => {
    const parsed = parseSiteSpec(loadNamedSite('office'));
    if (!parsed.ok) throw new Error('office does not load');
    const scenario = { ...siteScenario(parsed.spec), background: false, name: 'quiet-office' };
    const live = new LiveTwin({ scenario, siteInput: 'office', seed: 9, speed: 1, paused: true });
    // Each command with the user whose connection sends it (the actor is the connection's, never a field).
    const commands: [string, { action: string } & Record<string, unknown>][] = [
      ['user-anna', { action: 'present-tag', tag: 'tag-anna', lock: 'lock-front', holdMs: 6_000 }],
      ['user-anna', { action: 'advance', ms: 10_000 }],
      ['user-anna', { action: 'iq-internet', iq: 'iq-1', up: false }],
      ['user-anna', { action: 'remote-open', lock: 'lock-front' }], // refused: 3105, nothing applied
      ['user-anna', { action: 'iq-internet', iq: 'iq-1', up: true }],
      ['user-anna', { action: 'step', ms: 2_000 }],
      ['user-bram', { action: 'office-mode', lock: 'lock-meeting', on: true }],
      ['user-daan', { action: 'admin', op: 'block-tag', args: ['tag-anna'] }], // refused by the cloud, but recorded
      ['user-anna', { action: 'hold-handle', door: 'door-server', durationMs: 3_000 }],
      ['user-anna', { action: 'lock-clock', lock: 'lock-garage', offsetMs: 3_600_000 }],
      ['user-anna', { action: 'advance', ms: 120_000 }],
    ];
    const outcomes: CommandOutcome[] = [];
    for (const [actorId, command] of commands)
      outcomes.push(await executeCommand(live, command, { actorId }));
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.code))).toEqual([
      'ok',
      'ok',
      'ok',
      3105,
      'ok',
      'ok',
      'ok',
      2203,
      'ok',
      'ok',
      'ok',
    ]);
    const exported = live.exportScenario();
    expect(exported).toMatchObject({
      name: 'quiet-office-session',
      site: 'office',
      seed: 9,
      background: false,
      until: 132_000,
    });
    expect(replayedHash(exported)).toBe(exported.expectedHash);
  });
});
