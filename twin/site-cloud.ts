/**
 * The cloud of one site, as the twin runs it: the access-control core (state, operations, error rules), sync of
 * access data to the locks, the entries log with the alert board and notification rules it feeds, and remote
 * commands. The radio and the IQs are the twin's; they come in through `SiteCloudLinks`.
 */
import { AccessCompiler } from './cloud/access-compiler.ts';
import { AccessSync } from './cloud/access-sync.ts';
import { AlertBoard, type Alert } from './cloud/alerts.ts';
import { CloudCore } from './cloud/cloud-core.ts';
import { EntriesLog, type Entry } from './cloud/entries-log.ts';
import type { CloudState } from './cloud/model.ts';
import { Notifier } from './cloud/notifications.ts';
import { PinExpiry } from './cloud/pin-expiry.ts';
import { drawPin, type PinDraws } from './cloud/pin-issuer.ts';
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
import { hasKeypad } from './site/lock-kinds.ts';
import { FirmwareUpdates, type FirmwareUpdateRecord } from './cloud/firmware-updates.ts';
import { factoryFirmwareVersion } from './devices/firmware-update.ts';

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
  /** `onAck` at the IQ, with the lock's refusal when it refused (a lock in privacy mode). */
  readonly commandToLock: (command: RemoteCommand, onAck: (refusal?: string) => void) => void;
  /** IQ → mesh → lock: a firmware image; `onFinished` at the IQ when it completed or was given up. */
  readonly firmwareToLock?: (
    lockId: string,
    version: string,
    onFinished: (completed: boolean) => void,
  ) => void;
  /** The seeded stream the cloud draws issued PINs from (`cloud.pins`). */
  readonly pinDraws: PinDraws;
  /** The cloud changed these phones' digital keys: tell their apps (twin/phone-key-sync.ts). */
  readonly digitalKeysChanged?: (phoneIds: readonly string[]) => void;
}

export class SiteCloud implements CloudActions {
  readonly state: CloudState;
  readonly core: CloudCore;
  readonly sync: AccessSync;
  readonly entries: EntriesLog;
  readonly alerts = new AlertBoard();
  readonly notifier: Notifier;
  readonly commands: RemoteCommands;
  readonly firmware: FirmwareUpdates;

  private readonly keypadLocks: ReadonlySet<string>;
  private readonly remoteIgnoresAccess: boolean;
  /** The defects `incident-not-notified` and `refused-attempt-not-notified`. */
  private readonly incidentsUnnotified: boolean;
  private readonly refusalsUnnotified: boolean;
  /** The defect `tamper-not-reported`: the alert board never hears of a lock's tamper entries. */
  private readonly tamperUnreported: boolean;
  /** The defect `battery-replacement-keeps-alert`. */
  private readonly replacementKeepsAlert: boolean;
  private readonly pinExpiry: PinExpiry;

  constructor(
    spec: SiteSpec,
    defects: Defects,
    private readonly links: SiteCloudLinks,
  ) {
    this.state = cloudStateFromSpec(spec);
    this.keypadLocks = new Set(spec.locks.filter((lock) => hasKeypad(lock.kind)).map((lock) => lock.id));
    this.remoteIgnoresAccess = defects.has('remote-ignores-access');
    this.incidentsUnnotified = defects.has('incident-not-notified');
    this.refusalsUnnotified = defects.has('refused-attempt-not-notified');
    this.tamperUnreported = defects.has('tamper-not-reported');
    this.replacementKeepsAlert = defects.has('battery-replacement-keeps-alert');
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
        digitalKeysChanged: (phoneIds) => links.digitalKeysChanged?.(phoneIds),
      },
      { repeaters: cloudRepeatersFromSpec(spec) },
    );
    this.pinExpiry = new PinExpiry({
      clock: links.clock,
      epochUtcMs: links.epochUtcMs,
      expire: (nowUtcMs) => this.core.removeExpiredPins(nowUtcMs),
    });
    for (const user of [...this.state.users.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
      if (user.pinExpiresAtUtcMs !== undefined) this.pinExpiry.plan(user.pinExpiresAtUtcMs);
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
    // The older escutcheon is updated at the door with a programming device, not over the mesh.
    const meshUpdatable = new Set(
      spec.locks.filter((lock) => lock.kind !== 'escutcheon').map((lock) => lock.id),
    );
    this.firmware = new FirmwareUpdates(
      {
        nowMs: () => links.clock.now(),
        authorize: (actorId, lockId) => this.core.authorizeFirmwareUpdate(actorId, lockId),
        updatable: (lockId) => meshUpdatable.has(lockId) && links.firmwareToLock !== undefined,
        iqOfLock: links.iqOfLock,
        iqConnected: links.iqConnected,
        // The IQ's report crosses the internet back to the cloud.
        transfer: (lockId, version, onFinished) =>
          links.firmwareToLock?.(lockId, version, (completed) =>
            links.internet.cross(() => onFinished(completed)),
          ),
      },
      factoryFirmwareVersion,
    );
  }

  /** A firmware update of a lock (firmware-updates.ts): throws the refusal, else the update runs in virtual time. */
  updateFirmware(actorId: string, lockId: string, version: unknown): FirmwareUpdateRecord {
    return this.firmware.request(actorId, lockId, version);
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
   * A PIN of the actor's choice (`custom-pin`), or none (`pin` undefined). It must reach every keypad lock that
   * holds the user's credentials: after the cloud's own checks, refused with 3105 when one's IQ is not connected
   * and 3102 when one is out of its IQ's reach; otherwise it syncs like any change. An expiry is planned.
   */
  changePin(actorId: string, userId: string, pin: string | undefined, expiresAtUtcMs?: number): void {
    this.putPin(actorId, userId, pin, { expiresAtUtcMs, issued: false });
  }

  /** A PIN the cloud draws (`PUT …/pin` with `{}` or `{expiry_date}`), under the rules of `changePin`. */
  issuePin(actorId: string, userId: string, expiresAtUtcMs?: number): string {
    const pin = drawPin(this.state, userId, this.links.pinDraws);
    this.putPin(actorId, userId, pin, { expiresAtUtcMs, issued: true });
    return pin;
  }

  private putPin(
    actorId: string,
    userId: string,
    pin: string | undefined,
    options: { readonly expiresAtUtcMs: number | undefined; readonly issued: boolean },
  ): void {
    const user = this.core.setPin(actorId, userId, pin, {
      ...options,
      beforeCommit: () => this.requireKeypadsInReach(userId),
    });
    if (user.pinExpiresAtUtcMs !== undefined) this.pinExpiry.plan(user.pinExpiresAtUtcMs);
  }

  private requireKeypadsInReach(userId: string): void {
    for (const lockId of [...locksOfUser(this.state, userId)].sort()) {
      if (!this.keypadLocks.has(lockId)) continue;
      const iqId = this.links.iqOfLock(lockId);
      if (!this.links.iqConnected(iqId)) throw new CloudError(3105, `IQ ${iqId} of keypad lock ${lockId}`);
      if (!this.links.lockOnline(lockId)) throw new CloudError(3102, `keypad lock ${lockId} is out of reach`);
    }
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
    const unreported =
      (this.tamperUnreported && entry.category === 'tamper') ||
      (this.replacementKeepsAlert && entry.category === 'battery_replaced');
    if (!unreported) {
      const alert = this.alerts.onEntry({
        lockId: entry.lockId,
        category: entry.category,
        detail: entry.detail,
        atUtcMs,
      });
      if (alert !== undefined) this.notifyIncident(alert, lock.name);
    }
    const refused = entry.category === 'lock_rejected';
    if ((entry.category === 'lock_opened' || refused) && entry.method !== undefined) {
      if (refused && this.refusalsUnnotified) return;
      const user = entry.userId === undefined ? undefined : this.state.users.get(entry.userId)?.name;
      this.notifier.notify(
        {
          lockId: entry.lockId,
          userId: entry.userId,
          method: entry.method,
          atUtcMs,
          ...(refused ? { refused: { reason: entry.detail } } : {}),
        },
        { door: lock.name, ...(user === undefined ? {} : { user }) },
      );
    }
  }

  /**
   * Every incident the alert board raises (or changes: a low battery gone very low) goes to the site's owners, by
   * one path whatever its kind; a cleared one is news to nobody (the condition has ended).
   */
  private notifyIncident(alert: Alert, door: string): void {
    if (alert.clearedUtcMs !== undefined || this.incidentsUnnotified) return;
    const owners = [...this.state.users.values()]
      .filter((user) => user.role === 'owner')
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((user) => ({ id: user.id, email: user.email }));
    this.notifier.notifyIncident(
      { lockId: alert.lockId, kind: alert.kind, detail: alert.detail, atUtcMs: alert.raisedUtcMs },
      door,
      owners,
    );
  }
}
