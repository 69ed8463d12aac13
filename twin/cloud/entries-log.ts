/**
 * The cloud's log of entries: audit events uploaded by locks, stored once each with their original timestamps.
 * Uploads are at-least-once (a lost acknowledgement makes the lock send again), so the log keeps, per lock, the
 * highest sequence number it holds and ignores anything at or below it. A gap in sequence numbers is only ever
 * explained by an overflow report from the lock, which is itself stored as an entry.
 */
import { DateTime } from 'luxon';
import type { AccessMethod, AuditUpload } from '../access/audit-event.ts';

export interface Entry {
  readonly lockId: string;
  readonly auditSeq: number;
  /** When the lock recorded it (its own clock), in virtual milliseconds. */
  readonly atMs: number;
  /** The same instant as UTC and as the site's local wall time (ISO 8601, no offset). */
  readonly utcDateTime: string;
  readonly localDateTime: string;
  /** When the cloud received it. */
  readonly receivedMs: number;
  readonly category: string;
  readonly detail: string;
  readonly userId: string | undefined;
  readonly method: AccessMethod | undefined;
}

export interface AuditAck {
  readonly seq: number;
  readonly overflowLastSeq: number | undefined;
}

/** Entries kept in memory; past this the oldest are dropped (a day of a large campus stays well under it). */
export const entriesMaxDefault = 2_000_000;

export interface EntriesLogOptions {
  /** UTC instant of virtual time 0. */
  readonly epochUtcMs: number;
  readonly timeZone: string;
  readonly entriesMax?: number;
  /** Store every event received, even one already stored (the `audit-doubled-on-reconnect` defect). */
  readonly storeDuplicates?: boolean;
  /** Called with each new entry (alerts, notifications). */
  readonly onEntry?: (entry: Entry) => void;
}

type NewEntry = Omit<Entry, 'utcDateTime' | 'localDateTime'>;

/** Readers that may follow the log at once (live views); one more is refused. */
export const entrySubscribersMax = 64;

export class EntriesLog {
  private readonly stored: Entry[] = [];
  private readonly highestSeqByLock = new Map<string, number>();
  private readonly overflowSeenByLock = new Map<string, number>();
  private duplicatesIgnored = 0;
  private droppedOldest = 0;
  private readonly entriesMax: number;
  private readonly subscribers = new Set<(entry: Entry) => void>();

  constructor(private readonly options: EntriesLogOptions) {
    this.entriesMax = options.entriesMax ?? entriesMaxDefault;
  }

  /** UTC instant of a virtual time. */
  utcMsOf(atMs: number): number {
    return this.options.epochUtcMs + atMs;
  }

  receive(lockId: string, upload: AuditUpload, receivedMs: number): AuditAck {
    let highest = this.highestSeqByLock.get(lockId) ?? 0;
    const overflow = upload.overflow;
    if (overflow !== undefined && overflow.lastLostSeq > (this.overflowSeenByLock.get(lockId) ?? 0)) {
      this.overflowSeenByLock.set(lockId, overflow.lastLostSeq);
      this.append({
        lockId,
        auditSeq: 0,
        atMs: receivedMs,
        receivedMs,
        category: 'audit_overflow',
        detail: `${overflow.lostEvents} events lost (seq ${overflow.firstLostSeq}–${overflow.lastLostSeq})`,
        userId: undefined,
        method: undefined,
      });
    }
    for (const event of upload.events) {
      if (event.seq <= highest && this.options.storeDuplicates !== true) {
        this.duplicatesIgnored++;
        continue;
      }
      highest = Math.max(highest, event.seq);
      this.append({
        lockId,
        auditSeq: event.seq,
        atMs: event.atMs,
        receivedMs,
        category: event.category,
        detail: event.detail,
        userId: event.userId,
        method: event.method,
      });
    }
    this.highestSeqByLock.set(lockId, highest);
    return { seq: highest, overflowLastSeq: overflow?.lastLostSeq };
  }

  /** Calls `listener` with each entry as it is stored (after alerts and notifications saw it); returns the way to stop. */
  subscribe(listener: (entry: Entry) => void): () => void {
    if (this.subscribers.size >= entrySubscribersMax)
      throw new RangeError(`the entries log takes at most ${entrySubscribersMax} subscribers`);
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  entries(): readonly Entry[] {
    return this.stored;
  }

  get duplicates(): number {
    return this.duplicatesIgnored;
  }

  get dropped(): number {
    return this.droppedOldest;
  }

  private append(fields: NewEntry): void {
    const instant = DateTime.fromMillis(this.utcMsOf(fields.atMs), { zone: this.options.timeZone });
    const entry: Entry = {
      ...fields,
      utcDateTime: instant.toUTC().toISO({ suppressMilliseconds: false }) ?? '',
      localDateTime: instant.toISO({ includeOffset: false }) ?? '',
    };
    if (this.stored.length >= this.entriesMax) {
      this.stored.shift();
      this.droppedOldest++;
    }
    this.stored.push(entry);
    this.options.onEntry?.(entry);
    for (const subscriber of this.subscribers) subscriber(entry);
  }
}
