/**
 * The tamper alarm as the reference model follows it (twin/devices/tamper.ts, twin/cloud/alerts.ts): each lock
 * kind with a tamper sensor records the sensor tripping ('tamper') and being restored ('tamper_cleared') the
 * moment the tamper input says so, and never otherwise (the older escutcheon has no sensor and records nothing);
 * once a lock's records have all reached the cloud, its tamper alert is active exactly while its sensor is
 * tripped. An overflow of the lock's audit buffer may have dropped a record, so such a lock's alert is not judged.
 */
import type { SiteSpec, TwinEventOf, TwinInput } from '../../twin/index.ts';
import { hasTamperSensor } from '../../twin/index.ts';

export type TamperWatchInvariant = 'tamper-alert';

/** What the board shows of one lock, and whether all its records are in. */
export interface TamperAlertState {
  readonly alertActive: boolean;
  /** The lock's audit buffer is empty (every record acknowledged by the cloud) and never overflowed. */
  readonly recordsIn: boolean;
}

export class TamperWatch {
  private readonly sensorLocks: ReadonlySet<string>;
  private readonly tripped = new Set<string>();
  /** Records due at the input's instant: lock and category. */
  private due: { lockId: string; category: 'tamper' | 'tamper_cleared'; atMs: number }[] = [];

  constructor(
    spec: SiteSpec,
    private readonly fail: (invariant: TamperWatchInvariant, message: string) => void,
  ) {
    this.sensorLocks = new Set(
      spec.locks.filter((lock) => hasTamperSensor(lock.kind)).map((lock) => lock.id),
    );
  }

  input(input: TwinInput, tMs: number): void {
    this.settle(tMs);
    if (input.type !== 'tamper' || !this.sensorLocks.has(input.lock)) return;
    if (this.tripped.has(input.lock) === input.on) return;
    if (input.on) this.tripped.add(input.lock);
    else this.tripped.delete(input.lock);
    this.due.push({ lockId: input.lock, category: input.on ? 'tamper' : 'tamper_cleared', atMs: tMs });
  }

  audit(audit: TwinEventOf<'lock.audit'>, tMs: number): void {
    this.settle(tMs);
    if (audit.category !== 'tamper' && audit.category !== 'tamper_cleared') return;
    const index = this.due.findIndex((due) => due.lockId === audit.device && due.category === audit.category);
    if (index >= 0) this.due.splice(index, 1);
    else
      this.fail(
        'tamper-alert',
        `${audit.device} recorded ${audit.category} though its tamper sensor did not change so`,
      );
  }

  /** After a step: the records due are made, and each lock's alert matches its sensor once its records are in. */
  check(nowMs: number, stateOf: (lockId: string) => TamperAlertState): void {
    this.settle(nowMs + 1);
    for (const lockId of [...this.sensorLocks].sort()) {
      const { alertActive, recordsIn } = stateOf(lockId);
      const tripped = this.tripped.has(lockId);
      if (!recordsIn || alertActive === tripped) continue;
      this.fail(
        'tamper-alert',
        tripped
          ? `${lockId}'s tamper sensor is tripped and its records are all in, but no tamper alert is active`
          : `${lockId}'s tamper sensor is restored and its records are all in, but its tamper alert is still active`,
      );
    }
  }

  /** Fails the records that were due before `tMs` and never came. */
  private settle(tMs: number): void {
    const late = this.due.filter((due) => due.atMs < tMs);
    if (late.length === 0) return;
    this.due = this.due.filter((due) => due.atMs >= tMs);
    for (const due of late)
      this.fail(
        'tamper-alert',
        `${due.lockId} never recorded ${due.category} when its tamper sensor changed`,
      );
  }
}
