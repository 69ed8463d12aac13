import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTwin, generateCampusSpec, parseSiteSpec, startBackgroundTraffic } from './index.ts';

/** Ten minutes of a small campus with people about: every hot kind of event (hops, audits, taps, doors). */
const script = `
import { createTwin, generateCampusSpec, parseSiteSpec, startBackgroundTraffic } from './twin/index.ts';
const parsed = parseSiteSpec(generateCampusSpec({ iqs: 2, locksPerIq: 8, users: 60 }));
if (!parsed.ok) throw new Error('campus spec');
const twin = createTwin({ spec: parsed.spec, seed: 5 });
startBackgroundTraffic(twin, { untilMs: 600_000, visitsPerLockPerHour: 30 });
twin.runUntil(600_000);
process.stdout.write(JSON.stringify({ hash: twin.trace.fingerprint(), events: twin.trace.events }));
`;

function fingerprintHere(): { hash: string; events: number } {
  const parsed = parseSiteSpec(generateCampusSpec({ iqs: 2, locksPerIq: 8, users: 60 }));
  if (!parsed.ok) throw new Error('campus spec');
  const twin = createTwin({ spec: parsed.spec, seed: 5 });
  startBackgroundTraffic(twin, { untilMs: 600_000, visitsPerLockPerHour: 30 });
  twin.runUntil(600_000);
  return { hash: twin.trace.fingerprint(), events: twin.trace.events };
}

function fingerprintIn(env: Record<string, string>): { hash: string; events: number } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`the child process failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { hash: string; events: number };
}

describe('the fingerprint', () => {
  it('is the same in another process, whatever its time zone and locale', () => {
    const here = fingerprintHere();
    expect(here.events).toBeGreaterThan(1_000);
    for (const env of [
      { TZ: 'Pacific/Chatham', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' },
      { TZ: 'America/St_Johns', LC_ALL: 'ar_EG.UTF-8', LANG: 'ar_EG.UTF-8' },
    ])
      expect(fingerprintIn(env)).toEqual(here);
  }, 120_000);
});
