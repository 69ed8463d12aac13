/**
 * What a lock records and uploads: audit events with the lock's own timestamps and per-lock sequence numbers, the
 * overflow report of a full buffer, and one upload packet. The lock writes them (devices/), the cloud stores them
 * as entries (cloud/).
 */
export type AccessMethod = 'tag' | 'digital_key' | 'pin_code' | 'remote' | 'inside_handle';

export interface AuditEvent {
  /** Per-lock sequence number, starting at 1. */
  readonly seq: number;
  /** Virtual time when the lock recorded it (the lock's own clock). */
  readonly atMs: number;
  readonly category: string;
  readonly detail: string;
  readonly userId?: string;
  readonly credentialId?: string;
  readonly method?: AccessMethod;
}

export interface AuditOverflow {
  /** Events dropped since the last acknowledged overflow report. */
  readonly lostEvents: number;
  readonly firstLostSeq: number;
  readonly lastLostSeq: number;
}

export interface AuditUpload {
  readonly events: readonly AuditEvent[];
  readonly overflow: AuditOverflow | undefined;
}
