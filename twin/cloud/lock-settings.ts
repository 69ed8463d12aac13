/**
 * A lock's settings in the cloud: open time (relock delay), Easy Office Mode schedules, and the owner's pre-set
 * alerts for its door. Managed from admin up. Open time and EOM schedules travel to the lock with its access data;
 * alerts are the cloud's own (it raises them from the door's events), so changing them changes no lock.
 */
import { type CoreContext, commitAccess, found } from './core-context.ts';
import type { CloudLock, DoorAlerts, LockSettings, Schedule } from './model.ts';
import { invalid, requireBoolean, requireOpenTimeMs, requireSchedules } from './parameters.ts';
import { actor, adminLevel, requireFeature, requireLevel } from './rights.ts';

function lockToChange(context: CoreContext, actorId: string, lockId: string): CloudLock {
  const by = actor(context, actorId);
  requireLevel(context.state.site, by, adminLevel, 'change lock settings');
  return found(context.state.locks, lockId);
}

function saveSettings(
  context: CoreContext,
  old: CloudLock,
  settings: LockSettings,
  reachesLock: boolean,
): CloudLock {
  const lock: CloudLock = { ...old, settings };
  const store = (): CloudLock => {
    context.state.locks.set(lock.id, lock);
    return lock;
  };
  return reachesLock ? commitAccess(context, [lock.id], store) : store();
}

export function setOpenTime(
  context: CoreContext,
  actorId: string,
  lockId: string,
  openTimeMs: number,
): CloudLock {
  const old = lockToChange(context, actorId, lockId);
  const settings: LockSettings = { ...old.settings, openTimeMs: requireOpenTimeMs(openTimeMs) };
  return saveSettings(context, old, settings, true);
}

/** Sets the windows in which Easy Office Mode is possible; setting any needs 'office-modes', clearing never does. */
export function setEomSchedules(
  context: CoreContext,
  actorId: string,
  lockId: string,
  schedules: readonly Schedule[],
): CloudLock {
  const old = lockToChange(context, actorId, lockId);
  const eomSchedules = requireSchedules(schedules, 'eomSchedules');
  if (eomSchedules.length > 0) requireFeature(context.state, 'office-modes');
  return saveSettings(context, old, { ...old.settings, eomSchedules }, true);
}

/** Switches the door's alerts on or off (those left out keep their value). */
export function setAlerts(
  context: CoreContext,
  actorId: string,
  lockId: string,
  changes: Partial<DoorAlerts>,
): CloudLock {
  const old = lockToChange(context, actorId, lockId);
  const alerts: { -readonly [Name in keyof DoorAlerts]: boolean } = { ...old.settings.alerts };
  for (const name of Object.keys(changes)) {
    if (!Object.hasOwn(alerts, name)) throw invalid(`alerts.${name}`, 'no such alert');
    alerts[name as keyof DoorAlerts] = requireBoolean(changes[name as keyof DoorAlerts], `alerts.${name}`);
  }
  return saveSettings(context, old, { ...old.settings, alerts }, false);
}
