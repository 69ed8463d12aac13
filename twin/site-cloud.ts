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
import type { LockAccessData } from './access/lock-access-data.ts';
import { locksOfUser } from './cloud/core-context.ts';
import { CloudError } from './cloud/error-table.ts';
import type { Defects } from './defects.ts';
import type { TwinTrace } from './events.ts';
import type { CloudActions } from './inputs/input-target.ts';
import type { InternetHop } from './internet-hop.ts';
import type { VirtualClock } from './kernel/clock.ts';
import { RemoteCommands, type RemoteCommand } from './remote-commands.ts';
import type { SiteSpec } from './site/spec.ts';

export interface SiteCloudLinks {
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
  readonly epochUtcMs: number;
  readonly internet: InternetHop;
  readonly iqOfLock: (lockId: string) => string;
  /** The IQ is powered and its internet link is up. */
  readonly iqConnected: (iqId: string) => boolean;
  /** The IQ's view of the lock (heartbeats answered). */
  readonly lockOnline: (lockId: string) => boolean;
  /** Sends a lock's data over the internet to its IQ; false when the IQ is not connected (sync retries later). */
  readonly dataToIq: (iqId: string, lockId: string, data: LockAccessData) => boolean;
  readonly commandToLock: (command: RemoteCommand, onAck: () => void) => void;
}

export class SiteCloud implements CloudActions {
  readonly state: CloudState;
  readonly core: CloudCore;
  readonly sync: AccessSync;
  readonly entries: EntriesLog;
  readonly alerts = new AlertBoard();
  readonly notifier: Notifier;
  readonly commands: RemoteCommands;

  private readonly keypadLocks: ReadonlySet<string>;
  private readonly remoteIgnoresAccess: boolean;

  constructor(
    spec: SiteSpec,
    defects: Defects,
    private readonly links: SiteCloudLinks,
  ) {
    this.state = cloudStateFromSpec(spec);
    this.keypadLocks = new Set(spec.locks.filter((lock) => lock.kind === 'pin').map((lock) => lock.id));
    this.remoteIgnoresAccess = defects.has('remote-ignores-access');
    const compiler = new AccessCompiler(this.state);
    this.sync = new AccessSync(
      compiler,
      {
        deliverToIq: (iqId, lockId, data) => links.dataToIq(iqId, lockId, data),
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
        mail: (message) => this.notifier.send(message),
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
      internet: links.internet,
      iqOfLock: links.iqOfLock,
      iqConnected: links.iqConnected,
      lockOnline: links.lockOnline,
      sendToLock: links.commandToLock,
      claimsSuccessWhenIqOffline: defects.has('remote-open-iq-offline'),
    });
  }

  /**
   * Remote opening through the IQ. Throws the cloud's refusal; the outcome arrives later. On an IQ with OTP on,
   * `otp` must be a valid one-time password of the actor's activation (checked here, inside the recorded input,
   * so a replay counts the same failures and blocks); without one the opening is refused like any wrong code
   * (scenarios and the live protocol send none: they open through IQs with OTP off).
   */
  remoteOpen(actorId: string, lockId: string, otp?: string): RemoteCommand {
    this.core.authorizeLockCommand(actorId, lockId, 'open', this.remoteIgnoresAccess);
    this.core.requireLockingOtp(actorId, lockId, otp);
    return this.commands.issue('open', actorId, lockId);
  }

  /** Manual Office Mode on or off from the cloud (the API's `office_mode` / `locked`). */
  setOfficeMode(actorId: string, lockId: string, on: boolean): RemoteCommand {
    this.core.authorizeLockCommand(actorId, lockId, 'office-mode', this.remoteIgnoresAccess);
    return this.commands.issue(on ? 'office-mode-on' : 'office-mode-off', actorId, lockId);
  }

  /**
   * A PIN change must reach every keypad lock that holds the user's credentials: refused with 3105 when one's IQ
   * is not connected and 3102 when one is out of its IQ's reach; otherwise it syncs like any change.
   */
  changePin(actorId: string, userId: string, pin: string | undefined, expiresAtUtcMs?: number): void {
    for (const lockId of [...locksOfUser(this.state, userId)].sort()) {
      if (!this.keypadLocks.has(lockId)) continue;
      const iqId = this.links.iqOfLock(lockId);
      if (!this.links.iqConnected(iqId)) throw new CloudError(3105, `IQ ${iqId} of keypad lock ${lockId}`);
      if (!this.links.lockOnline(lockId)) throw new CloudError(3102, `keypad lock ${lockId} is out of reach`);
    }
    this.core.setPin(actorId, userId, pin, expiresAtUtcMs);
  }

  setConsistencyLag(lagMs: number): void {
    this.state.consistencyLagMs = lagMs;
  }

  onCommandSettled(commandId: number, listener: (code: number | null) => void): void {
    this.commands.onSettled(commandId, listener);
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
