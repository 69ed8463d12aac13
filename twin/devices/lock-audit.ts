/**
 * How a lock records what happens to it (openings, refusals, office-mode changes, the door's alarms, battery
 * changes): into its audit buffer with its own clock, into the trace, and on its way to the IQ at once.
 */
import type { AuditEvent } from '../access/audit-event.ts';
import { lockClockMs, type LockContext } from './lock-context.ts';

/** Records an audit event with the lock's own clock and sends it on its way. */
export function recordAudit(context: LockContext, event: Omit<AuditEvent, 'seq' | 'atMs'>): void {
  const stored = context.audit.record({ atMs: lockClockMs(context), ...event });
  context.env.trace.record({
    kind: 'lock.audit',
    device: context.id,
    auditSeq: stored.seq,
    category: stored.category,
    detail: stored.detail,
    user: stored.userId ?? null,
    credential: stored.credentialId ?? null,
    method: stored.method ?? null,
  });
  context.env.uploadAudit(context.id);
}
