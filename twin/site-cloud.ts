/**
 * The cloud of one site, as the twin runs it: the access-control core (state, operations, error rules), sync of
 * access data to the locks, the entries log with the alert board and notification rules it feeds, and remote
 * commands. The radio and the IQs are the twin's; they come in through `SiteCloudLinks`.
 */
import { AccessCompiler } from './cloud/access-compiler.ts';
import { AccessSync } from './cloud/access-sync.ts';
import { AlertBoard } from './cloud/alerts.ts';
import { CloudCore } from './cloud/cloud-core.ts';
import { EntriesLog, type Entry } from './cloud/entries-log.ts';
import type { CloudState } from './cloud/model.ts';
import { Notifier } from './cloud/notifications.ts';
import { cloudRepeatersFromSpec, cloudStateFromSpec } from './cloud/state-from-spec.ts';
import type { LockAccessData } from './devices/lock-access-data.ts';
import type { VirtualClock } from './kernel/clock.ts';
import type { Trace } from './kernel/trace.ts';
import { RemoteCommands, type RemoteCommand } from './remote-commands.ts';
import type { SiteSpec } from './site/spec.ts';
import type { Defects } from './defects.ts';

export interface SiteCloudLinks {
  readonly clock: VirtualClock;
  readonly trace: Trace;
  readonly epochUtcMs: number;
  readonly cloudLatencyMs: () => number;
  readonly iqOfLock: (lockId: string) => string;
  /** The IQ is powered and its internet link is up. */
  readonly iqConnected: (iqId: string) => boolean;
  /** The IQ's view of the lock (heartbeats answered). */
  readonly lockOnline: (lockId: string) => boolean;
  /** Hands data to an IQ (already past the internet). */
  readonly dataToIq: (iqId: string, lockId: string, data: LockAccessData) => void;
  readonly commandToLock: (command: RemoteCommand, onAck: () => void) => void;
}

export class SiteCloud {
  readonly state: CloudState;
  readonly core: CloudCore;
  readonly sync: AccessSync;
  readonly entries: EntriesLog;
  readonly alerts = new AlertBoard();
  readonly notifier: Notifier;
  readonly commands: RemoteCommands;

  constructor(
    spec: SiteSpec,
    defects: Defects,
    private readonly links: SiteCloudLinks,
  ) {
    this.state = cloudStateFromSpec(spec);
    const compiler = new AccessCompiler(this.state);
    this.sync = new AccessSync(
      compiler,
      {
        deliverToIq: (iqId, lockId, data) => this.deliverToIq(iqId, lockId, data),
        nowMs: () => links.clock.now(),
      },
      [...this.state.locks.values()].map((lock) => ({ id: lock.id, iqId: lock.iqId })),
    );
    this.core = new CloudCore(
      this.state,
      {
        accessChanged: (lockIds) => this.sync.changed(lockIds),
        nowUtcMs: () => links.epochUtcMs + links.clock.now(),
        // The twin's radio tree is built once from the spec; a lock moved to another IQ keeps its radio path.
        topologyChanged: (lockIds) => this.sync.changed(lockIds),
      },
      { repeaters: cloudRepeatersFromSpec(spec) },
    );
    this.notifier = new Notifier(spec.timeZone);
    this.entries = new EntriesLog({
      epochUtcMs: links.epochUtcMs,
      timeZone: spec.timeZone,
      storeDuplicates: defects.has('audit-doubled-on-reconnect'),
      onEntry: (entry) => this.onEntry(entry),
    });
    this.commands = new RemoteCommands({
      clock: links.clock,
      trace: links.trace,
      cloudLatencyMs: links.cloudLatencyMs,
      iqOfLock: links.iqOfLock,
      iqConnected: links.iqConnected,
      lockOnline: links.lockOnline,
      sendToLock: links.commandToLock,
      claimsSuccessWhenIqOffline: defects.has('remote-open-iq-offline'),
    });
  }

  /** Sends a lock's data over the internet to its IQ; false when the IQ is not connected (sync retries later). */
  private deliverToIq(iqId: string, lockId: string, data: LockAccessData): boolean {
    if (!this.links.iqConnected(iqId)) return false;
    this.links.clock.schedule(this.links.cloudLatencyMs(), () => {
      if (this.links.iqConnected(iqId)) this.links.dataToIq(iqId, lockId, data);
    });
    return true;
  }

  /** Alerts and notifications follow the entries (their settings read at the moment the entry arrives). */
  private onEntry(entry: Entry): void {
    const lock = this.state.locks.get(entry.lockId);
    if (lock === undefined) return;
    const atUtcMs = this.entries.utcMsOf(entry.atMs);
    this.alerts.setDoorAlerts(entry.lockId, lock.settings.alerts);
    this.alerts.onEntry({ lockId: entry.lockId, category: entry.category, detail: entry.detail, atUtcMs });
    if (entry.category === 'lock_opened' && entry.method !== undefined) {
      const user = entry.userId === undefined ? undefined : this.state.users.get(entry.userId)?.name;
      this.notifier.notify(
        { lockId: entry.lockId, userId: entry.userId, method: entry.method, atUtcMs },
        { door: lock.name, ...(user === undefined ? {} : { user }) },
      );
    }
  }
}
