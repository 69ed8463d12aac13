/**
 * Firmware updates as the cloud runs them: an admin asks for a lock to move to a version; the cloud checks the
 * request and hands the image to the lock's IQ, which carries it over the mesh (twin/firmware-transfer.ts) and
 * reports back when it completed or was given up. An invalid request is the error table's 2207 ("Ava update is
 * invalid"): a version that is not `major.minor.patch`, one that is not newer than the lock's, an update of the
 * lock already running, or a lock kind that takes no update over the mesh (the older escutcheon is updated at the
 * door with a programming device). Only admins and owners (an installer before release) may ask: 2203 below. The
 * lock's IQ must reach the cloud (3105), as for any command sent through it.
 */
import { CloudError } from './error-table.ts';

/** `major.minor.patch`, each part at most four digits (bounded: the version is outside input). */
const versionPattern = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/;

export type FirmwareUpdateStatus = 'running' | 'completed' | 'failed';

export interface FirmwareUpdateRecord {
  readonly lockId: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly startedMs: number;
  status: FirmwareUpdateStatus;
  finishedMs: number | undefined;
}

export interface FirmwareUpdateLinks {
  readonly nowMs: () => number;
  /** Throws the refusal when the actor may not update the lock's firmware (unknown lock 3104, rights 2203). */
  readonly authorize: (actorId: string, lockId: string) => void;
  /** Whether the lock's kind takes an update over the mesh. */
  readonly updatable: (lockId: string) => boolean;
  readonly iqOfLock: (lockId: string) => string;
  readonly iqConnected: (iqId: string) => boolean;
  /** Carries the image to the lock; `onFinished` when the IQ reports (after its trip to the cloud). */
  readonly transfer: (lockId: string, version: string, onFinished: (completed: boolean) => void) => void;
}

/** Parts of a version, or undefined when it is not one. */
export function versionParts(version: unknown): readonly [number, number, number] | undefined {
  if (typeof version !== 'string' || version.length > 14) return undefined;
  const match = versionPattern.exec(version);
  if (match === null) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Whether `candidate` is a newer version than `current` (both valid). */
export function isNewerVersion(candidate: readonly number[], current: readonly number[]): boolean {
  for (let index = 0; index < 3; index++) {
    const a = candidate[index] ?? 0;
    const b = current[index] ?? 0;
    if (a !== b) return a > b;
  }
  return false;
}

export class FirmwareUpdates {
  /** The version the cloud knows each lock runs (reported on completion); the factory version until then. */
  private readonly installed = new Map<string, string>();
  /** The last update of each lock (bounded by the site's locks). */
  private readonly updates = new Map<string, FirmwareUpdateRecord>();

  constructor(
    private readonly links: FirmwareUpdateLinks,
    private readonly factoryVersion: string,
  ) {}

  /** Starts an update, or throws the table's refusal. */
  request(actorId: string, lockId: string, version: unknown): FirmwareUpdateRecord {
    this.links.authorize(actorId, lockId);
    const target = versionParts(version);
    if (target === undefined)
      throw new CloudError(2207, `firmware version ${JSON.stringify(version)} is not major.minor.patch`);
    const toVersion = version as string;
    if (!this.links.updatable(lockId))
      throw new CloudError(2207, `lock ${lockId} takes no firmware update over the mesh`);
    if (this.updates.get(lockId)?.status === 'running')
      throw new CloudError(2207, `lock ${lockId} is already being updated`);
    const fromVersion = this.installedVersion(lockId);
    if (!isNewerVersion(target, versionParts(fromVersion) ?? [0, 0, 0]))
      throw new CloudError(2207, `lock ${lockId} runs ${fromVersion}: ${toVersion} is not newer`);
    const iqId = this.links.iqOfLock(lockId);
    if (!this.links.iqConnected(iqId)) throw new CloudError(3105, `IQ ${iqId} of lock ${lockId}`);
    const record: FirmwareUpdateRecord = {
      lockId,
      fromVersion,
      toVersion,
      startedMs: this.links.nowMs(),
      status: 'running',
      finishedMs: undefined,
    };
    this.updates.set(lockId, record);
    this.links.transfer(lockId, toVersion, (completed) => {
      record.status = completed ? 'completed' : 'failed';
      record.finishedMs = this.links.nowMs();
      if (completed) this.installed.set(lockId, toVersion);
    });
    return record;
  }

  installedVersion(lockId: string): string {
    return this.installed.get(lockId) ?? this.factoryVersion;
  }

  /** The lock's last update, if any. */
  lastUpdate(lockId: string): FirmwareUpdateRecord | undefined {
    return this.updates.get(lockId);
  }
}
