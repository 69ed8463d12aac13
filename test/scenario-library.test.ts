/**
 * The scenario library: every file parses, is named after itself, says what it shows, expects something, and
 * passes; and switching on the defect a scenario is about makes it fail, so its expectations can fail at all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadNamedScenario,
  parseScenario,
  runScenario,
  scenarioNames,
  type Scenario,
} from '../scenarios/index.ts';
import type { DefectName } from '../twin/index.ts';

const libraryMin = 15;
const names = scenarioNames();

function fileJson(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../scenarios/library/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
}

function load(name: string): Scenario {
  const loaded = loadNamedScenario(name);
  if (loaded === undefined) throw new Error(`no library scenario ${name}`);
  if (!loaded.ok)
    throw new Error(`${name}: ${loaded.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`);
  return loaded.value;
}

describe('the scenario library', () => {
  it(`holds at least ${libraryMin} scenarios, each named after its file (kebab-case), names unique`, () => {
    expect(names.length).toBeGreaterThanOrEqual(libraryMin);
    const declared = names.map((name) => fileJson(name).name);
    expect(declared).toEqual(names);
    expect(new Set(declared).size).toBe(declared.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(names)('%s parses, has a one-line description and expectations, and passes', (name) => {
    const parsed = parseScenario(fileJson(name));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    const scenario = load(name);
    expect(scenario.description.trim()).not.toBe('');
    expect(scenario.description).not.toMatch(/\n/);
    expect(scenario.expectations.length).toBeGreaterThan(0);
    expect(scenario.defects).toEqual([]);
    const result = runScenario(scenario);
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });
});

/** A scenario and a defect of exactly the behaviour it pins down. */
const defectCases: readonly (readonly [string, DefectName])[] = [
  ['eom-autolock-iq-offline', 'eom-never-autolocks'],
  ['not-closed', 'not-closed-at-30s'],
  ['blocked-tag-iq-offline', 'blocked-tag-still-opens'],
  ['mom-bluenet', 'mom-without-permission'],
  ['dst-schedule', 'schedule-in-utc'],
  ['remote-opening', 'remote-open-iq-offline'],
  ['conflicting-taps-6m', 'weakest-lock-answers-tap'],
  ['office-morning', 'relock-never'],
  ['iq-off-locks-offline', 'iq-off-locks-online'],
  ['remote-needs-access', 'remote-ignores-access'],
  ['eom-schedule-removed', 'eom-ignores-new-schedules'],
  ['mom-over-eom', 'mom-ignored-in-eom'],
  ['motor-time', 'door-opens-before-motor'],
  ['clock-drift-corrected', 'clock-never-corrected'],
  ['battery-replaced', 'battery-replacement-keeps-alert'],
  ['privacy-mode', 'privacy-not-enforced'],
  ['tamper-alarm', 'tamper-not-reported'],
  ['phone-key-sync', 'revocation-never-reaches-phone'],
  ['incident-notifications', 'incident-not-notified'],
  ['incident-notifications', 'refused-attempt-not-notified'],
  ['pin-expiry', 'pin-expiry-ignored'],
  ['offline-access', 'offline-list-ignored'],
  ['gate-controller', 'gate-relay-never-releases'],
  ['firmware-update-weak-link', 'firmware-update-bricks-on-failure'],
];

describe('the library catches the defects its scenarios are about', () => {
  it.each(defectCases)('%s fails with %s switched on', (name, defect) => {
    const scenario = load(name);
    const result = runScenario({ ...scenario, defects: [defect] });
    expect(result.passed).toBe(false);
    // Failed on an expectation, not because the run broke.
    expect(result.failures.length).toBeGreaterThan(0);
    expect(result.failures.every((failure) => failure.startsWith('expect['))).toBe(true);
  });
});

describe('lockstep run --all', () => {
  const cli = join(process.cwd(), 'bin/lockstep.js');
  const lockstep = (...args: string[]) =>
    spawnSync(process.execPath, [cli, 'run', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('--json prints one object with every library scenario’s run, fingerprints as in this process', () => {
    const result = lockstep('--all', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      passed: boolean;
      scenarios: { scenario: string; passed: boolean; traceHash: string; events: number }[];
    };
    expect(printed.passed).toBe(true);
    expect(printed.scenarios.map((run) => run.scenario)).toEqual(names);
    const first = printed.scenarios[0];
    const here = runScenario(load(names[0] as string));
    expect(first).toEqual(JSON.parse(JSON.stringify(here)));
  });

  it('prints one line per scenario and a summary; exits 1 naming the failures when one fails', () => {
    const passing = lockstep('--all');
    expect(passing.status).toBe(0);
    const lines = passing.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(names.length + 1);
    expect(lines[0]).toMatch(new RegExp(`^${names[0]} +PASSED +\\d+ events  trace [0-9a-f]{12}$`));
    expect(lines.at(-1)).toBe(`${names.length} of ${names.length} scenarios passed`);
    // Another seed sends every tap to the lock it was aimed at: the 1 m conflicting-taps story no longer happens.
    const failing = lockstep('--all', '--seed', '2');
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/^conflicting-taps +FAILED/m);
    expect(failing.stdout).toMatch(/conflicting-taps \(seed 2\) failed:\n {2}failure: expect\[/);
    expect(failing.stdout).toMatch(/failed: conflicting-taps$/m);
  });

  it('is bad input with a target, or with --trace', () => {
    const withTarget = lockstep('--all', 'office');
    expect(withTarget.status).toBe(2);
    expect(withTarget.stderr).toMatch(/--all runs every library scenario: give no target/);
    const traceFile = join(process.cwd(), 'never-written.jsonl');
    expect(lockstep('--all', '--trace', traceFile).status).toBe(2);
    expect(existsSync(traceFile)).toBe(false);
    expect(lockstep().status).toBe(2);
  });
});

/** The same expectation, saying the opposite. */
function inverted(expectation: Scenario['expectations'][number]): Scenario['expectations'][number] {
  switch (expectation.type) {
    case 'lock-state':
      if (expectation.bolt !== undefined)
        return { ...expectation, bolt: expectation.bolt === 'locked' ? 'unlocked' : 'locked' };
      if (expectation.door !== undefined)
        return { ...expectation, door: expectation.door === 'closed' ? 'open' : 'closed' };
      return { ...expectation, online: expectation.online !== true };
    case 'admin-result':
      return { ...expectation, code: expectation.code === 'ok' ? 2203 : 'ok' };
    case 'outbox':
      return { ...expectation, count: expectation.count + 1 };
    case 'entry':
      if (expectation.count !== undefined) return { ...expectation, count: expectation.count + 1 };
      return { ...expectation, absent: expectation.absent !== true };
    default:
      return { ...expectation, absent: expectation.absent !== true };
  }
}

describe('every scenario fails when its key expectation is inverted', () => {
  it.each(names)('%s', (name) => {
    const scenario = load(name);
    const key = scenario.expectations[0];
    if (key === undefined) throw new Error(`${name} has no expectation`);
    const result = runScenario({
      ...scenario,
      expectations: [inverted(key), ...scenario.expectations.slice(1)],
    });
    expect(result.passed).toBe(false);
    expect(result.failures.join('\n')).toMatch(/^expect\[0\]/m);
  });
});
