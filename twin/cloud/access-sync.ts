/**
 * The cloud's side of sync: every change makes a new version of the access data of each lock it touches, which
 * goes to the lock's IQ (when the IQ's internet link is up; otherwise when it comes back). The IQ carries it down
 * and reports the version each lock holds. From the versions and the time each was made, the twin can say for any
 * lock at any moment how stale its data is.
 */
import type { LockAccessData } from '../access/lock-access-data.ts';
import type { AccessCompiler } from './access-compiler.ts';

export interface SyncTransport {
  /** Sends a lock's data to its IQ over the internet; false when the IQ is not connected now. */
  readonly deliverToIq: (iqId: string, lockId: string, data: LockAccessData) => boolean;
  readonly nowMs: () => number;
}

export interface Staleness {
  /** The version the cloud has made for this lock. */
  readonly cloudVersion: number;
  /** The version the lock actually holds. */
  readonly lockVersion: number;
  /** How long the lock has been behind (0 when current): since the oldest version it has not got was made. */
  readonly staleForMs: number;
}

interface LockSyncRecord {
  readonly iqId: string;
  data: LockAccessData;
  /** Virtual times at which versions newer than the last one reported landed were made (oldest first). */
  unlandedSinceMs: { version: number; madeMs: number }[];
  reportedVersion: number;
}

/** Versions remembered per lock while waiting to land; a lock cut off for long keeps only the oldest and newest. */
const unlandedVersionsMax = 64;

export class AccessSync {
  private readonly records = new Map<string, LockSyncRecord>();

  constructor(
    private readonly compiler: AccessCompiler,
    private readonly transport: SyncTransport,
    locks: readonly { readonly id: string; readonly iqId: string }[],
    readonly initialVersion = 1,
  ) {
    for (const lock of locks) {
      this.records.set(lock.id, {
        iqId: lock.iqId,
        data: compiler.compile(lock.id, initialVersion),
        unlandedSinceMs: [],
        reportedVersion: initialVersion,
      });
    }
  }

  /** The data a lock holds at commissioning. */
  initialData(lockId: string): LockAccessData {
    return this.record(lockId).data;
  }

  currentData(lockId: string): LockAccessData {
    return this.record(lockId).data;
  }

  /** A change touched these locks: make a new version of each and send it on its way. */
  changed(lockIds: readonly string[]): void {
    this.compiler.invalidate();
    for (const lockId of lockIds) {
      const record = this.record(lockId);
      record.data = this.compiler.compile(lockId, record.data.version + 1);
      record.unlandedSinceMs.push({ version: record.data.version, madeMs: this.transport.nowMs() });
      if (record.unlandedSinceMs.length > unlandedVersionsMax) record.unlandedSinceMs.splice(1, 1);
      this.transport.deliverToIq(record.iqId, lockId, record.data);
    }
  }

  /** The IQ's internet link is back: send every lock of it whatever it may have missed. */
  iqReconnected(iqId: string): void {
    for (const [lockId, record] of this.records) {
      if (record.iqId === iqId && record.reportedVersion < record.data.version)
        this.transport.deliverToIq(iqId, lockId, record.data);
    }
  }

  /** The IQ reports the version a lock now holds. */
  lockReported(lockId: string, version: number): void {
    const record = this.record(lockId);
    if (version <= record.reportedVersion) return;
    record.reportedVersion = version;
    record.unlandedSinceMs = record.unlandedSinceMs.filter((entry) => entry.version > version);
  }

  /** Staleness of a lock given the version it actually holds right now. */
  staleness(lockId: string, lockVersion: number): Staleness {
    const record = this.record(lockId);
    const oldestMissing = record.unlandedSinceMs.find((entry) => entry.version > lockVersion);
    return {
      cloudVersion: record.data.version,
      lockVersion,
      staleForMs:
        lockVersion >= record.data.version || oldestMissing === undefined
          ? 0
          : this.transport.nowMs() - oldestMissing.madeMs,
    };
  }

  private record(lockId: string): LockSyncRecord {
    const record = this.records.get(lockId);
    if (record === undefined) throw new RangeError(`no lock ${lockId} in sync`);
    return record;
  }
}
