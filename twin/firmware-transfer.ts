/**
 * A firmware image carried IQ → mesh → lock, block by block: each block is one radio exchange down the lock's
 * path (the same repeaters and links as its access data) and its acknowledgement back up, so a weak link loses
 * blocks as it loses any packet (the link's own seeded draws). The IQ sends the next block once one is
 * acknowledged, waits `firmwareBlockRetryMs` for an acknowledgement before sending the block again, and gives the
 * update up when no block has been acknowledged for `firmwareStallMsMax`: a lock that loses its link pauses, and
 * resumes where it was when the link comes back inside that bound. The lock keeps its own stall timer (run here as
 * a kernel timer, so its deadline is in the queue like every other): with no block landing for the same bound it
 * drops the partial image (devices/firmware-update.ts).
 */
import type { DeviceRegistry } from './devices/registry.ts';
import type { TimerHandle, VirtualClock } from './kernel/clock.ts';
import type { MeshNetwork } from './radio/mesh-network.ts';

/** Blocks in an image: a BLE lock's image of a few hundred kB in the mesh's small frames, paced. */
export const firmwareBlocksTotal = 30;
/** The pause between an acknowledged block and the next (the mesh's other traffic flows between): ~3 min per image. */
export const firmwareBlockGapMs = 6_000;
/** How long the IQ waits for a block's acknowledgement before sending the block again. */
export const firmwareBlockRetryMs = 4_000;
/** No block acknowledged (at the IQ) or landed (at the lock) for this long: the update is given up. */
export const firmwareStallMsMax = 5 * 60_000;

export interface FirmwareTransferOptions {
  readonly clock: VirtualClock;
  readonly mesh: MeshNetwork;
  readonly registry: DeviceRegistry;
}

interface Transfer {
  readonly lockId: string;
  readonly version: string;
  /** The block being sent now. */
  index: number;
  lastAckMs: number;
  retry: TimerHandle | undefined;
  readonly onFinished: (completed: boolean) => void;
}

export class FirmwareTransfers {
  /** The lock's own stall timers, by lock (at most one update per lock runs: the cloud refuses a second). */
  private readonly lockStallTimers = new Map<string, TimerHandle>();

  constructor(private readonly options: FirmwareTransferOptions) {}

  /** Starts sending `version` to the lock; `onFinished` runs at the IQ, once, when it completes or is given up. */
  start(lockId: string, version: string, onFinished: (completed: boolean) => void): void {
    const transfer: Transfer = {
      lockId,
      version,
      index: 0,
      lastAckMs: this.options.clock.now(),
      retry: undefined,
      onFinished,
    };
    this.sendBlock(transfer);
  }

  private sendBlock(transfer: Transfer): void {
    const { clock, mesh } = this.options;
    if (clock.now() - transfer.lastAckMs >= firmwareStallMsMax) {
      // Given up: an acknowledgement still on its way finds no block waiting for it.
      transfer.retry = undefined;
      transfer.onFinished(false);
      return;
    }
    const index = transfer.index;
    transfer.retry = clock.schedule(firmwareBlockRetryMs, () => this.sendBlock(transfer));
    mesh.sendDown(transfer.lockId, 'fw-block', () => {
      if (!this.landAtLock(transfer, index)) return;
      mesh.sendUp(transfer.lockId, 'fw-block-ack', () => this.acknowledged(transfer, index));
    });
  }

  /** At the lock: the block lands (or is ignored); true when the lock acknowledges it. */
  private landAtLock(transfer: Transfer, index: number): boolean {
    const lock = this.options.registry.lock(transfer.lockId);
    const before = lock.getSnapshot().context;
    const holds = before.firmwareUpdate?.target === transfer.version || before.firmware === transfer.version;
    if (!holds && index !== 0) return false;
    lock.send({ type: 'FIRMWARE_BLOCK', version: transfer.version, index, total: firmwareBlocksTotal });
    const after = lock.getSnapshot().context;
    this.restartLockStallTimer(transfer, after.firmwareUpdate?.target === transfer.version);
    return true;
  }

  private restartLockStallTimer(transfer: Transfer, stillReceiving: boolean): void {
    const { clock, registry } = this.options;
    const previous = this.lockStallTimers.get(transfer.lockId);
    if (previous !== undefined) clock.cancel(previous);
    this.lockStallTimers.delete(transfer.lockId);
    if (!stillReceiving) return;
    const timer = clock.schedule(firmwareStallMsMax, () => {
      this.lockStallTimers.delete(transfer.lockId);
      registry.lock(transfer.lockId).send({ type: 'FIRMWARE_ABANDON', version: transfer.version });
    });
    this.lockStallTimers.set(transfer.lockId, timer);
  }

  /** At the IQ: an acknowledgement of the block being sent moves the transfer on (late duplicates are ignored). */
  private acknowledged(transfer: Transfer, index: number): void {
    if (index !== transfer.index || transfer.retry === undefined) return;
    const { clock } = this.options;
    clock.cancel(transfer.retry);
    transfer.retry = undefined;
    transfer.lastAckMs = clock.now();
    transfer.index = index + 1;
    if (transfer.index >= firmwareBlocksTotal) {
      transfer.onFinished(true);
      return;
    }
    transfer.retry = clock.schedule(firmwareBlockGapMs, () => this.sendBlock(transfer));
  }
}
