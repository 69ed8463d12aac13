/**
 * The cloud's log of entries: audit events uploaded by locks, stored once each with their original timestamps.
 * Uploads are at-least-once (a lost acknowledgement makes the lock send again), so the log keeps, per lock, the
 * highest sequence number it holds and ignores anything at or below it. A gap in sequence numbers is only ever
 * explained by an overflow report from the lock, which is itself stored as an entry.
 *
 * Retention: the log keeps entries as the real service does, for 90 days after they were received, and at most
 * `entriesMaxDefault` of them, so a twin that runs for months holds a bounded history (the oldest leave first;
 * `dropped` counts every entry that left, so readers paging by absolute index stay right). Leaving emits no trace
 * event: retention cannot change a fingerprint.
 */
import { DateTime } from 'luxon';
import type { AccessMethod, AuditUpload } from '../access/audit-event.ts';
import { RetainedLog, retentionMsDefault } from './retained-log.ts';

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

/**
 * Entries kept in memory; past this the oldest are dropped. The generated campus (1,024 locks) stores about
 * 20,000 entries a virtual day, so it keeps its last two to three days and its memory stays flat over months;
 * the office (about 600 a day) keeps about 80 days.
 */
export const entriesMaxDefault = 50_000;
/** How long the log keeps an entry after receiving it: the real service's 90 days. */
export const entriesRetentionMs = retentionMsDefault;

export interface EntriesLogOptions {
  /** UTC instant of virtual time 0. */
  readonly epochUtcMs: number;
  readonly timeZone: string;
  readonly entriesMax?: number;
  /** How long an entry is kept after it was received (virtual ms); default `entriesRetentionMs`. */
  readonly retentionMs?: number;
  /** Store every event received, even one already stored (the `audit-doubled-on-reconnect` defect). */
  readonly storeDuplicates?: boolean;
  /** Called with each new entry (alerts, notifications). */
  readonly onEntry?: (entry: Entry) => void;
}

type NewEntry = Omit<Entry, 'utcDateTime' | 'localDateTime'>;

/** Readers that may follow the log at once (live views); one more is refused. */
export const entrySubscribersMax = 64;

export class EntriesLog {
  private readonly stored: RetainedLog<Entry>;
  private readonly highestSeqByLock = new Map<string, number>();
  private readonly overflowSeenByLock = new Map<string, number>();
  private duplicatesIgnored = 0;
  private readonly subscribers = new Set<(entry: Entry) => void>();

  constructor(private readonly options: EntriesLogOptions) {
    this.stored = new RetainedLog<Entry>({
      countMax: options.entriesMax ?? entriesMaxDefault,
      retentionMs: options.retentionMs ?? entriesRetentionMs,
      timeMsOf: (entry) => entry.receivedMs,
    });
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

  /** The entries kept, oldest received first. */
  entries(): readonly Entry[] {
    return this.stored.all();
  }

  get duplicates(): number {
    return this.duplicatesIgnored;
  }

  /** Entries no longer kept (past their retention or over `entriesMax`): the absolute index of the oldest kept. */
  get dropped(): number {
    return this.stored.firstIndex;
  }

  /** Of those, the entries that left because they were older than the retention. */
  get expired(): number {
    return this.stored.expired;
  }

  private append(fields: NewEntry): void {
    const instant = DateTime.fromMillis(this.utcMsOf(fields.atMs), { zone: this.options.timeZone });
    // Every field written out (not spread), so each entry is a compact object of one shape: a log holds tens of
    // thousands of them.
    const entry: Entry = {
      lockId: fields.lockId,
      auditSeq: fields.auditSeq,
      atMs: fields.atMs,
      receivedMs: fields.receivedMs,
      category: fields.category,
      detail: fields.detail,
      userId: fields.userId,
      method: fields.method,
      utcDateTime: flat(instant.toUTC().toISO({ suppressMilliseconds: false }) ?? ''),
      localDateTime: flat(instant.toISO({ includeOffset: false }) ?? ''),
    };
    this.stored.append(entry);
    this.options.onEntry?.(entry);
    for (const subscriber of this.subscribers) subscriber(entry);
  }
}

/** A string built piece by piece (luxon's ISO text) copied into one flat string: about 140 bytes less per entry. */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
