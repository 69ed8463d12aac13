/**
 * Invariant `firmware-version`: a lock's firmware version changes only when an update completes. Each lock runs the
 * factory version until it records `firmware_updated` (its own record, traced as it is made), and then exactly the
 * version that record names; while an update is being received the version is the one the lock ran before it
 * started; a given-up update (`firmware_update_failed`) leaves the version as it was.
 */
import type { TracedTwinEvent, Twin } from '../../twin/index.ts';
import { modelFactoryFirmware } from './model/firmware-model.ts';

/** The version a `firmware_updated` record names (its detail: `firmware updated from A to B`). */
function installedVersionOf(detail: string): string | undefined {
  const match = /^firmware updated from \S+ to (\S+)$/.exec(detail);
  return match?.[1];
}

export class FirmwareWatch {
  /** The version each lock must run now, as its completion records say (absent: the factory version). */
  private readonly expected = new Map<string, string>();

  constructor(
    private readonly twin: Twin,
    private readonly fail: (message: string) => void,
  ) {}

  observe({ event }: TracedTwinEvent): void {
    if (event.kind !== 'lock.audit' || event.category !== 'firmware_updated') return;
    const version = installedVersionOf(event.detail);
    if (version === undefined) {
      this.fail(`${event.device} recorded a firmware update without its version: "${event.detail}"`);
      return;
    }
    this.expected.set(event.device, version);
  }

  /** After a step: every lock runs the version of its last completed update. */
  checkStep(): void {
    for (const lockId of this.twin.lockIds()) {
      const view = this.twin.lockView(lockId);
      const expected = this.expected.get(lockId) ?? modelFactoryFirmware;
      if (view.firmware === expected) continue;
      const during =
        view.firmwareUpdate === undefined
          ? 'with no update completed since'
          : `while receiving ${view.firmwareUpdate.target} (${view.firmwareUpdate.blocksReceived} of ${view.firmwareUpdate.blocksTotal} blocks)`;
      this.fail(
        `${lockId} runs firmware ${view.firmware}, but its last completed update left it on ${expected} (${during})`,
      );
    }
  }
}
