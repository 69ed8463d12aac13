import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LockWatch,
  ReferenceModel,
  runCase,
  siteFromShape,
  type Case,
  type LockWatchInvariant,
  type SiteShape,
} from '../scenarios/index.ts';
import { parseSiteSpec, type Twin, type TwinEvent, type TwinInput } from '../twin/index.ts';

/** One IQ, four locks near it, three users: the owner, an admin and a plain user (who manages only themselves). */
const shape: SiteShape = {
  iqs: 1,
  locksPerIq: [4, 1, 1],
  farLocks: Array.from({ length: 48 }, () => false),
  users: 3,
  permissions: Array.from({ length: 8 }, () => ({ mom: false, eom: false, remote: false })),
  kinds: Array.from({ length: 48 }, () => 'bluenet-escutcheon' as const),
  eomOnLock: Array.from({ length: 48 }, () => false),
  start: '2026-03-02T06:40:00Z',
  officeHoursUsers: Array.from({ length: 8 }, () => false),
  roles: ['user', 'admin', 'user', 'user', 'user', 'user', 'user', 'user'],
  auditBufferMax: undefined,
  keyEndsMs: Array.from({ length: 8 }, () => undefined),
  keyStartsMs: Array.from({ length: 8 }, () => undefined),
  officeLocks: [],
  unscheduledUsers: [],
  commissioning: 'released',
  openTimesMs: Array.from({ length: 48 }, () => undefined),
};

const step = (gapMs: number, input: TwinInput) => ({ gapMs, input });

function caseOf(...steps: Case['steps']): Case {
  return { site: siteFromShape(shape), seed: 5, steps, defects: [] };
}

/** The plain user user-3 blocks the owner's tag, then the owner presents it. */
const plainUserBlocksOwnersTag = caseOf(
  step(1_000, { type: 'admin', actor: 'user-3', action: 'block-tag', args: ['tag-1'] }),
  step(60_000, { type: 'present-tag', tag: 'tag-1', lock: 'lock-1-1' }),
);

/** A cloud whose rights check looks at the wrong user: it asks whether the tag's owner may manage the tag. */
function checkRightsOfTagOwner(twin: Twin): void {
  const core = twin.cloud.core;
  const blockTag = core.blockTag.bind(core);
  core.blockTag = (_actorId, tagId) => blockTag(twin.cloud.state.tags.get(tagId)?.userId ?? 'user-1', tagId);
}

describe('the reference model', () => {
  it('judges a run of a healthy cloud clean (the control)', () => {
    expect(runCase(plainUserBlocksOwnersTag, { keepLines: false }).violation).toBeUndefined();
  });

  it('catches a reversed rights check in the cloud that a model reading the cloud could not see', () => {
    // The block is accepted and reaches the lock, which then refuses the tag: every opening agrees with what the
    // cloud holds. Only a model with its own rules knows the plain user should have been refused (2203).
    const result = runCase(plainUserBlocksOwnersTag, { keepLines: false, onTwin: checkRightsOfTagOwner });
    expect(result.violation?.invariant).toBe('admin-outcome');
    expect(result.violation?.message).toMatch(
      /accepted it \(block-tag\); the reference model refused it with 2203/,
    );
  });

  it('catches a cloud that accepts a change but never makes a new version for the lock', () => {
    const adminRemovesOwner = caseOf(
      step(1_000, {
        type: 'admin',
        actor: 'user-2',
        action: 'remove-group-users',
        args: ['group-always', ['user-3']],
      }),
      step(60_000, { type: 'present-tag', tag: 'tag-3', lock: 'lock-1-1' }),
    );
    expect(runCase(adminRemovesOwner, { keepLines: false }).violation).toBeUndefined();
    const forgetsToSync = (twin: Twin): void => {
      twin.cloud.sync.changed = () => undefined;
    };
    const result = runCase(adminRemovesOwner, { keepLines: false, onTwin: forgetsToSync });
    expect(result.violation?.invariant).toBe('lock-data');
  });

  it('shares no code with the system under test: it imports only types from twin/', () => {
    const dir = join(process.cwd(), 'scenarios/check');
    const files = [
      join(dir, 'reference-model.ts'),
      ...readdirSync(join(dir, 'model'))
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .map((file) => join(dir, 'model', file)),
    ];
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const imports = readFileSync(file, 'utf8').match(/^import[^;]*from '[^']*';$/gms) ?? [];
      for (const line of imports.filter((text) => text.includes('/twin/')))
        expect(line, `${file}: ${line}`).toMatch(/^import type /);
    }
  });
});

/**
 * The lock watch fed a hand-written trace: what a lock with a firmware bug would write. The site is the shape's:
 * user-3 is a plain user in the always-open group, tag-3 theirs, lock-1-1 a BLUEnet escutcheon on door-1-1.
 */
function watchTrace(
  ...events: { tMs: number; event: TwinEvent }[]
): { invariant: LockWatchInvariant; message: string }[] {
  const parsed = parseSiteSpec(siteFromShape(shape));
  if (!parsed.ok) throw new Error('the shape makes an invalid site');
  const spec = parsed.spec;
  const reference = new ReferenceModel(spec);
  const failures: { invariant: LockWatchInvariant; message: string }[] = [];
  const watch = new LockWatch(spec, {
    rules: (lockId) => reference.rules(lockId, 1),
    lockUtcMs: (_lockId, tMs) => Date.parse(spec.startsAtUtc) + tMs,
    clockSetMs: () => undefined,
    fail: (invariant, message) => failures.push({ invariant, message }),
  });
  events.forEach(({ tMs, event }, seq) => watch.observe({ seq, tMs, event }));
  watch.checkStep(10_000);
  return failures;
}

const tagShown = {
  tMs: 1_000,
  event: { kind: 'input', input: { type: 'present-tag', tag: 'tag-3', lock: 'lock-1-1' } },
} as const;
const answer = (category: string, detail: string, user: string | null) =>
  ({
    tMs: 1_200,
    event: {
      kind: 'lock.audit',
      device: 'lock-1-1',
      auditSeq: 1,
      category,
      detail,
      user,
      credential: 'tag-3',
      method: 'tag',
    },
  }) as const;
const unlocked = { tMs: 1_200, event: { kind: 'lock.unlocked', device: 'lock-1-1' } } as const;

describe('the lock watch', () => {
  it('passes a lock that opens for a permitted tag and unlocks (the control)', () => {
    expect(watchTrace(tagShown, answer('lock_opened', 'opened by tag', 'user-3'), unlocked)).toEqual([]);
  });

  it('catches a refusal for a reason the model does not give, and an opening that never unlocks', () => {
    const [refused] = watchTrace(tagShown, answer('lock_rejected', 'battery very low', 'user-3'));
    expect(refused?.invariant).toBe('credential-answer');
    expect(refused?.message).toMatch(/refused tag-3 \(battery very low\); the model lets user-3 in/);
    const [notUnlocked] = watchTrace(tagShown, answer('lock_opened', 'opened by tag', 'user-3'));
    expect(notUnlocked?.message).toMatch(/unlocking for tag-3 did not happen/);
  });

  it('catches a credential shown that the lock never answers', () => {
    expect(watchTrace(tagShown)[0]?.message).toMatch(/lock-1-1 never answered tag-3/);
  });

  it('catches a door that opens from outside while its lock is locked', () => {
    const failures = watchTrace(
      { tMs: 1_000, event: { kind: 'input', input: { type: 'open-door', door: 'door-1-1' } } },
      { tMs: 1_000, event: { kind: 'door.opened', device: 'door-1-1', insideHandle: false } },
    );
    expect(failures[0]?.invariant).toBe('door-watched');
    expect(failures[0]?.message).toMatch(/door-1-1: door.opened when nothing made it so/);
  });
});
