/**
 * IQs in the cloud: adding one (not yet activated), activating it with the code on the device, replacing a broken
 * one, deleting one, moving locks and repeaters between IQs within the tree limits, and switching its one-time
 * password for remote openings on or off (`otpEnabled`). From admin up (so an installer, before release).
 *
 * - 1501 the activation code is not the IQ's; 2208 the IQ is already activated;
 * - 2206 a replacement IQ must be known, activated and still empty (no locks, no repeaters);
 * - 2209 an IQ can be deleted only once it has no locks and no repeaters;
 * - 2204 an IQ serves at most `locksPerIqMax` locks and `repeatersPerIqMax` repeaters, and only once activated.
 *
 * Moving locks changes the IQ their data travels through, not the data: `topologyChanged` is called, not
 * `accessChanged`.
 */
import { locksPerIqMax, repeatersPerIqMax } from '../defaults.ts';
import { type CoreContext, found } from './core-context.ts';
import { CloudError } from './error-table.ts';
import type { CloudIq, CloudLock } from './model.ts';
import { requireNewId } from './parameters.ts';
import { actor, adminLevel, requireLevel } from './rights.ts';
import { activationCodeOf, type CloudRepeater } from './state-from-spec.ts';

function iqActor(context: CoreContext, actorId: string): void {
  const by = actor(context, actorId);
  requireLevel(context.state.site, by, adminLevel, 'manage IQs');
}

function locksOn(context: CoreContext, iqId: string): CloudLock[] {
  return [...context.state.locks.values()].filter((lock) => lock.iqId === iqId);
}

function repeatersOn(context: CoreContext, iqId: string): CloudRepeater[] {
  return [...context.repeaters.values()].filter((repeater) => repeater.iqId === iqId);
}

/** A new IQ in the site, waiting for activation with the code printed on it (`ACT-<id>`). */
export function addIq(context: CoreContext, actorId: string, iqId: string): CloudIq {
  iqActor(context, actorId);
  const id = requireNewId(context, iqId, 'iqId');
  const iq: CloudIq = {
    id,
    activated: false,
    activationCode: activationCodeOf(id),
    otpEnabled: false,
    userActivations: [],
  };
  context.state.iqs.set(id, iq);
  return iq;
}

/** Switches the one-time password for remote openings through this IQ on or off (admins and owners). */
export function setIqOtp(context: CoreContext, actorId: string, iqId: string, enabled: boolean): CloudIq {
  iqActor(context, actorId);
  const old = found(context.state.iqs, iqId);
  if (typeof enabled !== 'boolean') throw new CloudError(1101, 'otp_enabled is true or false', 'otp_enabled');
  const iq: CloudIq = { ...old, otpEnabled: enabled };
  context.state.iqs.set(iqId, iq);
  return iq;
}

export function activateIq(context: CoreContext, actorId: string, iqId: string, code: string): CloudIq {
  iqActor(context, actorId);
  const old = found(context.state.iqs, iqId);
  if (old.activated) throw new CloudError(2208, `IQ ${iqId} is already activated`);
  if (code !== old.activationCode) throw new CloudError(1501, `not the activation code of IQ ${iqId}`);
  const iq: CloudIq = { ...old, activated: true };
  context.state.iqs.set(iqId, iq);
  return iq;
}

/** Moves every lock and repeater of `oldIqId` to `newIqId` and removes the old IQ from the site. */
export function replaceIq(context: CoreContext, actorId: string, oldIqId: string, newIqId: string): CloudIq {
  iqActor(context, actorId);
  found(context.state.iqs, oldIqId);
  const replacement = context.state.iqs.get(newIqId);
  if (newIqId === oldIqId) throw new CloudError(2206, 'an IQ cannot replace itself');
  if (replacement === undefined) throw new CloudError(2206, `no IQ ${newIqId} in the site`);
  if (!replacement.activated) throw new CloudError(2206, `IQ ${newIqId} is not activated`);
  if (locksOn(context, newIqId).length > 0 || repeatersOn(context, newIqId).length > 0) {
    throw new CloudError(2206, `IQ ${newIqId} already serves locks or repeaters`);
  }
  const moved = locksOn(context, oldIqId);
  for (const lock of moved) context.state.locks.set(lock.id, { ...lock, iqId: newIqId });
  for (const repeater of repeatersOn(context, oldIqId))
    context.repeaters.set(repeater.id, { ...repeater, iqId: newIqId });
  context.state.iqs.delete(oldIqId);
  reportTopology(
    context,
    moved.map((lock) => lock.id),
  );
  return replacement;
}

export function deleteIq(context: CoreContext, actorId: string, iqId: string): void {
  iqActor(context, actorId);
  found(context.state.iqs, iqId);
  const locks = locksOn(context, iqId).length;
  const repeaters = repeatersOn(context, iqId).length;
  if (locks > 0 || repeaters > 0) {
    throw new CloudError(2209, `IQ ${iqId} still serves ${locks} locks and ${repeaters} repeaters`);
  }
  context.state.iqs.delete(iqId);
}

/** The IQ can take one more device: activated, and its tree within the limits after the move. */
function requireTreeRoom(
  context: CoreContext,
  iq: CloudIq,
  more: { locks: number; repeaters: number },
): void {
  if (!iq.activated) throw new CloudError(2204, `IQ ${iq.id} is not activated`);
  const locks = locksOn(context, iq.id).length + more.locks;
  const repeaters = repeatersOn(context, iq.id).length + more.repeaters;
  if (locks > locksPerIqMax)
    throw new CloudError(2204, `IQ ${iq.id} would serve ${locks} locks (at most ${locksPerIqMax})`);
  if (repeaters > repeatersPerIqMax) {
    throw new CloudError(
      2204,
      `IQ ${iq.id} would have ${repeaters} repeaters (at most ${repeatersPerIqMax})`,
    );
  }
}

export function assignLockToIq(
  context: CoreContext,
  actorId: string,
  lockId: string,
  iqId: string,
): CloudLock {
  iqActor(context, actorId);
  const old = found(context.state.locks, lockId);
  const iq = found(context.state.iqs, iqId);
  if (old.iqId === iqId) return old;
  requireTreeRoom(context, iq, { locks: 1, repeaters: 0 });
  const lock: CloudLock = { ...old, iqId };
  context.state.locks.set(lockId, lock);
  reportTopology(context, [lockId]);
  return lock;
}

export function assignRepeaterToIq(
  context: CoreContext,
  actorId: string,
  repeaterId: string,
  iqId: string,
): CloudRepeater {
  iqActor(context, actorId);
  const old = found(context.repeaters, repeaterId);
  const iq = found(context.state.iqs, iqId);
  if (old.iqId === iqId) return old;
  requireTreeRoom(context, iq, { locks: 0, repeaters: 1 });
  const repeater: CloudRepeater = { ...old, iqId };
  context.repeaters.set(repeaterId, repeater);
  return repeater;
}

function reportTopology(context: CoreContext, lockIds: readonly string[]): void {
  if (lockIds.length > 0) context.hooks.topologyChanged?.([...lockIds].sort());
}
