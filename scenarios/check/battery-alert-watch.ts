/**
 * Invariant `battery-alert`: a lock's low-battery alert follows its battery as the model knows it from the faults
 * and the maintenance (`battery` levels, `replace-battery`): once a battery lock reads fresh again (new batteries or
 * a fresh reading) and all its events are in the cloud, its low-battery alert is no longer active. The lock's own
 * records of the change are judged by lock-watch.ts (credential-answer).
 */
import type { Twin, TwinInput } from '../../twin/index.ts';

export class BatteryAlertWatch {
  /** Locks whose battery the model knows to be fresh again after it was low (the others: nothing to judge). */
  private readonly freshAgain = new Set<string>();
  private readonly lowSeen = new Set<string>();

  constructor(
    private readonly twin: Twin,
    private readonly fail: (message: string) => void,
  ) {}

  input(input: TwinInput): void {
    if (input.type === 'battery') {
      if (input.level === 'fresh') {
        if (this.lowSeen.has(input.lock)) this.freshAgain.add(input.lock);
      } else {
        this.lowSeen.add(input.lock);
        this.freshAgain.delete(input.lock);
      }
    }
    if (input.type === 'replace-battery' && this.lowSeen.has(input.lock)) this.freshAgain.add(input.lock);
  }

  /**
   * After a step. `overflowed`: the lock's buffer lost events (the clearing record may be among them, so its
   * alert cannot be judged).
   */
  checkStep(overflowed: (lockId: string) => boolean): void {
    for (const lockId of [...this.freshAgain].sort()) {
      const view = this.twin.lockView(lockId);
      if (view.auditBuffered > 0 || overflowed(lockId)) continue;
      if (this.twin.cloud.alerts.active(lockId).some((alert) => alert.kind === 'low_battery'))
        this.fail(
          `${lockId}'s battery is fresh again and its events are all in, but its low-battery alert is still active`,
        );
    }
  }
}
