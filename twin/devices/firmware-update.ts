/**
 * A lock's firmware and its update over the mesh, on the lock's side. The image arrives in numbered blocks
 * (twin/firmware-transfer.ts carries them); the lock keeps them beside the running firmware, which goes on deciding
 * every opening meanwhile. The last block completes the image: the lock restarts on it (keeping its access data,
 * audit trail, clock and bolt, which live in flash and a backed-up clock) and records `firmware_updated`. A lock
 * that hears no block for the stall bound gives the image up, keeps the old version and records
 * `firmware_update_failed`; a block of an update the lock does not hold (it gave that one up) is ignored unless it
 * is the first.
 */
import { recordAudit } from './lock-audit.ts';
import type { FirmwareBlock } from './firmware-image.ts';
import type { LockContext } from './lock-context.ts';

/** The version every lock of a site runs until it is updated (site specs do not name one). */
export const factoryFirmwareVersion = '1.0.0';

type FirmwareFields = Pick<LockContext, 'firmware' | 'firmwareUpdate'>;

/** Whether the lock keeps this block (and so acknowledges it): the next one of its update, or a new update's first. */
export function acceptsBlock(context: LockContext, block: FirmwareBlock): boolean {
  const update = context.firmwareUpdate;
  if (update?.target === block.version) return block.index <= update.blocksReceived;
  // An acknowledgement lost after the last block: the lock already runs that version and says so again.
  if (context.firmware === block.version) return true;
  return block.index === 0;
}

/** A block landed: progress, or, with the last one, the restart on the new version. */
export function firmwareBlockLanded(
  context: LockContext,
  block: FirmwareBlock,
): FirmwareFields | Record<string, never> {
  if (!acceptsBlock(context, block) || context.firmware === block.version) return {};
  const current =
    context.firmwareUpdate?.target === block.version ? context.firmwareUpdate.blocksReceived : 0;
  const blocksReceived = Math.max(current, block.index + 1);
  if (blocksReceived < block.total)
    return {
      firmware: context.firmware,
      firmwareUpdate: { target: block.version, blocksReceived, blocksTotal: block.total },
    };
  recordAudit(context, {
    category: 'firmware_updated',
    detail: `firmware updated from ${context.firmware} to ${block.version}`,
  });
  return { firmware: block.version, firmwareUpdate: undefined };
}

/** No block for the stall bound: the partial image is dropped and the old firmware stays. */
export function firmwareAbandoned(
  context: LockContext,
  version: string,
): FirmwareFields | Record<string, never> {
  const update = context.firmwareUpdate;
  if (update?.target !== version) return {};
  recordAudit(context, {
    category: 'firmware_update_failed',
    detail: `firmware update to ${version} failed after ${update.blocksReceived} of ${update.blocksTotal} blocks; still on ${context.firmware}`,
  });
  // The defect: the failed image is marked as the running version (a lock that then boots a half image).
  if (context.env.defects.has('firmware-update-bricks-on-failure'))
    return { firmware: version, firmwareUpdate: undefined };
  return { firmware: context.firmware, firmwareUpdate: undefined };
}
