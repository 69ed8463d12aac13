/**
 * Maintenance on a lock: new batteries. A battery lock runs on its batteries until they read very low; someone then
 * puts new ones in (the `replace-battery` input). The lock keeps its access data, its audit trail and its clock
 * through the swap (they live in flash and a backed-up clock), reads its battery fresh again and records a
 * `battery_replaced` event, which clears the door's low-battery alert in the cloud once it arrives (as a fresh
 * reading does). A replacement is recorded even when the old batteries still read fresh: it is work done on the
 * door, and the log is where the facility manager looks for it. A wall reader is mains powered: the input refuses it.
 */
import { isWallReader } from '../site/lock-kinds.ts';
import { recordAudit } from './lock-audit.ts';
import type { LockContext } from './lock-context.ts';

/** The lock after new batteries: fresh, with its record. */
export function batteryReplaced(context: LockContext): { readonly battery: 'fresh' } | Record<string, never> {
  if (isWallReader(context.kind)) return {};
  recordAudit(context, { category: 'battery_replaced', detail: 'battery replaced' });
  return { battery: 'fresh' };
}
