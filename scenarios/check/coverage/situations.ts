/**
 * The named situations a sweep must sometimes reach (as QuickCheck's `cover`): each has a plain-words name and a
 * small detector that reads the run's trace events and the twin's public views. A detector only reads; it says
 * when its situation happened (at an event, or looking at the twin once the run is over).
 */
import { DateTime } from 'luxon';
import type { TracedTwinEvent, Twin, TwinEventOf } from '../../../twin/index.ts';

/** What detectors may ask about the run besides the events. */
export interface SituationRun {
  readonly twin: Twin;
  /** The lock's IQ. */
  iqOf(lockId: string): string;
  /** UTC on the lock's own clock (the twin's time and the offset a fault set): what its firmware decides by. */
  lockUtcMs(lockId: string, tMs: number): number;
}

export interface SituationDetector {
  /** Called with each trace event until the situation is reached: true when it happened at this event. */
  readonly onEvent?: (traced: TracedTwinEvent) => boolean;
  /** Called once after the run: true when the twin's end state shows it. */
  readonly atEnd?: () => boolean;
}

export interface Situation {
  readonly name: string;
  readonly detector: (run: SituationRun) => SituationDetector;
}

type Audit = TwinEventOf<'lock.audit'>;

/** A situation seen in one lock audit event. */
function onAudit(test: (audit: Audit, tMs: number) => boolean): SituationDetector {
  return { onEvent: ({ event, tMs }) => event.kind === 'lock.audit' && test(event, tMs) };
}

/** A situation seen in one admin result. */
function onAdminResult(action: string, code: number | null): SituationDetector {
  return {
    onEvent: ({ event }) => event.kind === 'admin.result' && event.action === action && event.code === code,
  };
}

/** The digital keys' validity ends (UTC), by credential id (`key:<phone>`, as the locks name them). */
function keyEndsUtcMs(twin: Twin): Map<string, number> {
  const ends = new Map<string, number>();
  for (const phone of twin.spec.phones)
    if (phone.keyValidUntil !== undefined) ends.set(`key:${phone.id}`, Date.parse(phone.keyValidUntil));
  return ends;
}

/** Whether the site's zone changes its UTC offset on the local day of `utcMs` (a daylight-saving day). */
function offsetChangesThatDay(utcMs: number, timeZone: string): boolean {
  const local = DateTime.fromMillis(utcMs, { zone: timeZone });
  return local.startOf('day').offset !== local.endOf('day').offset;
}

/** Admin actions accepted, with their arguments: the input comes first, its result right after. */
class AcceptedAdmin {
  private last: { readonly action: string; readonly args: readonly unknown[] } | undefined;

  /** The action this event accepted, if it did. */
  accepted({
    event,
  }: TracedTwinEvent): { readonly action: string; readonly args: readonly unknown[] } | undefined {
    if (event.kind === 'input') {
      this.last =
        event.input.type === 'admin' ? { action: event.input.action, args: event.input.args } : undefined;
      return undefined;
    }
    if (event.kind !== 'admin.result' || event.code !== null || this.last?.action !== event.action)
      return undefined;
    return this.last;
  }
}

/**
 * The tags blocked during the run: for each (tag, lock), the cloud's data version of that lock right after the
 * block was accepted, i.e. the first version that holds it. An unblock forgets it.
 */
class TagBlocks {
  private readonly admin = new AcceptedAdmin();
  private readonly blockVersion = new Map<string, number>();

  constructor(private readonly twin: Twin) {}

  observe(traced: TracedTwinEvent): void {
    const accepted = this.admin.accepted(traced);
    if (accepted?.action !== 'block-tag' && accepted?.action !== 'unblock-tag') return;
    const tagId = String(accepted.args[0]);
    for (const lockId of this.twin.lockIds())
      if (accepted.action === 'block-tag')
        this.blockVersion.set(`${tagId}|${lockId}`, this.twin.staleness(lockId).cloudVersion);
      else this.blockVersion.delete(`${tagId}|${lockId}`);
  }

  /** Whether the lock's data holds the block of this credential: undefined when it was not blocked in the run. */
  landed(credential: string | null, lockId: string): boolean | undefined {
    const version = this.blockVersion.get(`${credential ?? ''}|${lockId}`);
    return version === undefined ? undefined : this.twin.staleness(lockId).lockVersion >= version;
  }
}

/** A detector that follows the run's tag blocks and fires on a lock's audit record `matches` picks out. */
function tagBlockDetector(
  run: SituationRun,
  matches: (audit: TwinEventOf<'lock.audit'>, landed: boolean | undefined) => boolean,
): SituationDetector {
  const blocks = new TagBlocks(run.twin);
  return {
    onEvent: (traced) => {
      blocks.observe(traced);
      const { event } = traced;
      return event.kind === 'lock.audit' && matches(event, blocks.landed(event.credential, event.device));
    },
  };
}

/** A lock refuses a tag for being blocked, on data that holds a block made during the run. */
function blockedTagRefusedAfterLanding(run: SituationRun): SituationDetector {
  return tagBlockDetector(
    run,
    (audit, landed) =>
      audit.category === 'lock_rejected' && audit.detail === 'tag blocked' && landed === true,
  );
}

/** A lock opens for a tag the cloud has blocked, because the block has not landed on it yet. */
function blockedTagOpensOnStaleData(run: SituationRun): SituationDetector {
  return tagBlockDetector(
    run,
    (audit, landed) => audit.category === 'lock_opened' && audit.method === 'tag' && landed === false,
  );
}

/** A change accepted while a lock's IQ was offline lands on that lock (so after the IQ came back). */
function changeLandsAfterReconnect(run: SituationRun): SituationDetector {
  const admin = new AcceptedAdmin();
  /** The newest version made for each lock while its IQ was offline. */
  const madeOffline = new Map<string, number>();
  return {
    onEvent: (traced) => {
      if (admin.accepted(traced) !== undefined)
        for (const lockId of run.twin.lockIds()) {
          const staleness = run.twin.staleness(lockId);
          if (staleness.cloudVersion > staleness.lockVersion && !run.twin.iqConnected(run.iqOf(lockId)))
            madeOffline.set(lockId, staleness.cloudVersion);
        }
      const { event } = traced;
      if (event.kind !== 'iq.data-landed') return false;
      const version = madeOffline.get(event.lock);
      return version !== undefined && event.version >= version;
    },
  };
}

/** The list: the situations first, then those the invariants lean on. */
export const situations: readonly Situation[] = [
  {
    name: 'EOM ends with the IQ offline',
    detector: (run) =>
      onAudit(
        (audit) =>
          audit.category === 'easy_office_mode' &&
          audit.detail.includes('EOM schedule ended') &&
          !run.twin.iqConnected(run.iqOf(audit.device)),
      ),
  },
  {
    name: 'a tap taken by the other lock',
    detector: () => ({
      onEvent: ({ event }) => event.kind === 'ble.tap' && event.taken !== null && event.taken !== event.aimed,
    }),
  },
  {
    name: 'an audit overflow reported',
    detector: (run) => ({
      atEnd: () => run.twin.entries.entries().some((entry) => entry.category === 'audit_overflow'),
    }),
  },
  { name: 'a refusal for a blocked tag after the block landed', detector: blockedTagRefusedAfterLanding },
  {
    name: 'a key used in its last second',
    detector: (run) => {
      const ends = keyEndsUtcMs(run.twin);
      return onAudit((audit, tMs) => {
        if (audit.category !== 'lock_opened' || audit.method !== 'digital_key') return false;
        const endUtcMs = ends.get(audit.credential ?? '');
        if (endUtcMs === undefined) return false;
        const leftMs = endUtcMs - run.lockUtcMs(audit.device, tMs);
        return leftMs >= 0 && leftMs <= 1_000;
      });
    },
  },
  {
    name: 'a DST-day tap',
    detector: (run) =>
      onAudit(
        (audit, tMs) =>
          audit.category === 'lock_opened' &&
          offsetChangesThatDay(run.twin.epochUtcMs + tMs, run.twin.spec.timeZone),
      ),
  },
  { name: 'NOT CLOSED raised', detector: () => onAudit((audit) => audit.category === 'not_closed') },
  { name: 'NOT CLOSED cleared', detector: () => onAudit((audit) => audit.category === 'not_closed_cleared') },
  {
    name: 'a lock declared offline',
    detector: () => ({ onEvent: ({ event }) => event.kind === 'iq.lock-offline' }),
  },
  {
    name: 'Manual Office Mode started by a held tag',
    detector: () =>
      onAudit(
        (audit) =>
          audit.category === 'manual_office_mode' && audit.detail === 'office mode on (tag held over 5 s)',
      ),
  },
  {
    name: 'Easy Office Mode started',
    detector: () =>
      onAudit((audit) => audit.category === 'easy_office_mode' && audit.detail.startsWith('office mode on')),
  },
  { name: 'remote opening refused 3105', detector: () => onAdminResult('remote-open', 3105) },
  { name: 'remote opening refused 3102', detector: () => onAdminResult('remote-open', 3102) },
  { name: 'a change landed after the IQ reconnected', detector: changeLandsAfterReconnect },
  {
    name: 'a schedule refusal',
    detector: () =>
      onAudit((audit) => audit.category === 'lock_rejected' && audit.detail === 'outside schedule'),
  },
  { name: 'an intrusion', detector: () => onAudit((audit) => audit.category === 'intrusion') },
  { name: 'a remote opening done', detector: () => onAdminResult('remote-open', null) },
  { name: 'a blocked tag opens a lock the block has not reached', detector: blockedTagOpensOnStaleData },
  {
    name: 'a blocked or suspended user refused by name',
    detector: () =>
      onAudit(
        (audit) =>
          audit.category === 'lock_rejected' &&
          (audit.detail === 'user blocked' || audit.detail === 'user suspended'),
      ),
  },
  {
    name: 'a guest’s group join refused while the cloud lags',
    detector: () => onAdminResult('add-group-users', 2202),
  },
];
