/**
 * Generated firmware updates: an admin asks for a lock's update (now and then an invalid one: a malformed or an old
 * version, or a plain user asking), and a while later the lock's IQ loses power for minutes, long enough at times
 * for the lock to give the update up (twin/firmware-transfer.ts: five minutes without a block), before it comes
 * back. Independent steps almost never start an update and then cut its link for that long.
 */
import fc from 'fast-check';
import type { SiteSpecInput } from '../../twin/index.ts';
import type { Step } from './generated-step.ts';

export function firmwareUpdateThenOutage(
  spec: SiteSpecInput,
  swarm: { readonly power: boolean },
): fc.Arbitrary<Step[]> | undefined {
  const locks = (spec.locks ?? []).map((lock) => ({ lock: lock.id, iq: lock.iq }));
  const users = (spec.users ?? []).map((user) => user.id);
  const owner = (spec.users ?? []).find((user) => user.role === 'owner')?.id;
  if (!swarm.power || locks.length === 0 || owner === undefined) return undefined;
  const actor = fc.oneof(
    { arbitrary: fc.constant(owner), weight: 4 },
    { arbitrary: fc.constantFrom(...users), weight: 1 },
  );
  const version = fc.oneof(
    { arbitrary: fc.constantFrom('1.1.0', '1.0.1', '2.0.0'), weight: 4 },
    { arbitrary: fc.constantFrom('1.0.0', '0.9.9', '1.1', 'v2'), weight: 1 },
  );
  return fc
    .tuple(
      fc.constantFrom(...locks),
      actor,
      version,
      fc.integer({ min: 500, max: 20_000 }),
      fc.integer({ min: 20_000, max: 120_000 }),
      fc.integer({ min: 60_000, max: 600_000 }),
    )
    .map(([{ lock, iq }, who, to, gapMs, outageAfterMs, outageMs]): Step[] => [
      { gapMs, input: { type: 'admin', actor: who, action: 'update-firmware', args: [lock, to] } },
      { gapMs: outageAfterMs, input: { type: 'power', device: iq, on: false } },
      { gapMs: outageMs, input: { type: 'power', device: iq, on: true } },
    ]);
}
