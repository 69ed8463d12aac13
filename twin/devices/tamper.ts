/**
 * The tamper sensor, the lock firmware's side. The BLUEnet escutcheon and cylinder, the PIN lock and the wall
 * reader (through its controller's tamper input) carry a sensor that trips when someone forces the lock or takes
 * its cover off, and that is restored when the lock is whole again. Each change is an audit event (`tamper`,
 * `tamper_cleared`), so it reaches the entries log with the lock's own time, and the cloud raises and clears its
 * tamper alert from them (cloud/alerts.ts). The older escutcheon has no such sensor: forcing it records nothing.
 */
import type { LockKind } from '../site/spec.ts';
import { recordAudit } from './lock-audit.ts';
import type { LockContext } from './lock-context.ts';

/** The lock kinds that report tampering. */
export const tamperSensorKinds: readonly LockKind[] = [
  'bluenet-escutcheon',
  'bluenet-cylinder',
  'pin',
  'wall-reader',
  'wall-reader-pin',
];

export function hasTamperSensor(kind: LockKind): boolean {
  return tamperSensorKinds.includes(kind);
}

/** The sensor tripped (`on`) or restored: recorded when it changed on a lock that has one. */
export function senseTamper(context: LockContext, on: boolean): Partial<LockContext> {
  if (!hasTamperSensor(context.kind) || context.tampered === on) return {};
  recordAudit(
    context,
    on
      ? { category: 'tamper', detail: 'lock tampered with' }
      : { category: 'tamper_cleared', detail: 'tamper sensor restored' },
  );
  return { tampered: on };
}
