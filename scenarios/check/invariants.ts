/**
 * The invariants a run must keep, checked against the reference model as events happen and after every step:
 * - opening-allowed: no door opens for a credential the lock's current data refuses;
 * - refusal-justified: no credential the lock's current data accepts is refused for an access reason;
 * - block-propagates: a change reaches every reachable lock within a bound (until then, staleness explains it);
 * - office-mode-allowed: office modes start only for permitted users (EOM only inside its schedule) and EOM ends
 *   with its schedule;
 * - not-closed: NOT CLOSED is raised if and only if a door has been open 38 s, and cleared when it is closed;
 * - office-mode-hold: a tag toggles Manual Office Mode only when held over 5 s;
 * - heartbeats: a lock is declared offline only after 5 heartbeats in a row went unanswered;
 * - entries-exact: no entry lost or doubled without a reported overflow;
 * - tap-at-reader: a lock takes a phone tap only when it heard it above the tap threshold;
 * - incident-notified, attempt-notified: every incident the alert board raises reaches the owners, and a rule for
 *   every attempt fires on openings and refusals alike (notification-watch.ts);
 * - phone-key-held: a phone presents a digital key exactly when its app holds one, which it gets (or loses) only
 *   over its own internet (model/phone-keys.ts);
 * - remote-open-real: a remote opening reported as done did open the lock, and Manual Office Mode switched on from
 *   the cloud and reported done did put the lock in MOM (also from Easy Office Mode: never "ok" for a no-op);
 * - relocks: a lock opened by a credential relocks after its open time;
 * - topology-limits: every IQ tree is within its limits;
 * - admin-outcome: the cloud accepts, refuses (with the reference model's code) or sends on each admin action
 *   as the reference model says;
 * - lock-data: every change the reference model says alters a lock's data gives that lock a new version;
 * - liveness: once faults stop, every lock converges to the cloud's data within a bound;
 * - credential-answer, door-watched, office-mode-acts: every credential shown gets the model's answer, every door
 *   moves as its lock allows and its lock records it, office modes start when they must (lock-watch.ts);
 * - privacy-shown: a lock shows privacy mode exactly when the model has its inside knob turned (privacy-watch.ts),
 *   and a lock in privacy mode is locked;
 * - tamper-alert: a lock with a tamper sensor records its changes at once, and once its records are in, its tamper
 *   alert is active exactly while the sensor is tripped (tamper-watch.ts);
 * - clock-corrected: a drifted lock takes its IQ's time with the next heartbeat that reaches it, by exactly its
 *   offset, with one entry, and never otherwise (clock-watch.ts);
 * - battery-alert: once a lock's battery is fresh again (new batteries, a fresh reading) and its events are in, its
 *   low-battery alert is no longer active (battery-alert-watch.ts);
 * - firmware-version: a lock's firmware version changes only when an update completes (firmware-watch.ts).
 */
import {
  radioConfigDefault,
  type SiteSpec,
  type TracedTwinEvent,
  type TwinEventOf,
  type TwinInputType,
  type Twin,
} from '../../twin/index.ts';
import {
  auditBufferMaxDefault,
  locksPerIqMax,
  missedHeartbeatsOffline,
  notClosedAfterMs,
  officeModeHoldMs,
  repeatersPerIqMax,
} from './model/domain-numbers.ts';
import { BatteryAlertWatch } from './battery-alert-watch.ts';
import { ClockWatch } from './clock-watch.ts';
import { FirmwareWatch } from './firmware-watch.ts';
import { LockWatch } from './lock-watch.ts';
import { TamperWatch } from './tamper-watch.ts';
import { NotificationWatch } from './notification-watch.ts';
import { ReferenceModel, inSchedules, type ModelVerdict } from './reference-model.ts';

export const invariantNames = [
  'opening-allowed',
  'refusal-justified',
  'block-propagates',
  'office-mode-allowed',
  'not-closed',
  'office-mode-hold',
  'heartbeats',
  'entries-exact',
  'tap-at-reader',
  'remote-open-real',
  'relocks',
  'topology-limits',
  'admin-outcome',
  'lock-data',
  'liveness',
  'credential-answer',
  'door-watched',
  'office-mode-acts',
  'online-shown',
  'clock-corrected',
  'battery-alert',
  'phone-key-held',
  'incident-notified',
  'attempt-notified',
  'privacy-shown',
  'tamper-alert',
  'firmware-version',
] as const;
export type InvariantName = (typeof invariantNames)[number];

export interface Violation {
  readonly invariant: InvariantName;
  readonly tMs: number;
  readonly message: string;
}

/** A change must land on a reachable lock within this long once nothing disturbs the radio or the internet. */
export const propagationBoundMs = 5 * 60_000;
/** Slack for timers that fire exactly on a boundary. */
const toleranceMs = 1_000;

/** Refusals the reference model can judge (battery and keypad refusals are the lock's own business). */
const accessReasons = new Set([
  'credential not on this lock',
  'lock offline',
  'tag blocked',
  'credential blocked',
  'key not yet valid',
  'key expired',
  'user blocked',
  'user suspended',
  'no access group grants this lock',
  'outside schedule',
]);

const faultInputs: ReadonlySet<TwinInputType> = new Set(['iq-internet', 'power', 'interference']);

/** Which of the domain's tree limits a site's spec breaks, if any (each IQ's locks and repeaters). */
export function treeOverLimits(spec: SiteSpec): string | undefined {
  const count = (ids: readonly string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  for (const [iqId, locks] of count(spec.locks.map((lock) => lock.iq)))
    if (locks > locksPerIqMax) return `${iqId} would serve ${locks} locks`;
  for (const [iqId, repeaters] of count(spec.repeaters.map((repeater) => repeater.iq)))
    if (repeaters > repeatersPerIqMax) return `${iqId} would have ${repeaters} repeaters`;
  return undefined;
}

export class InvariantMonitor {
  private readonly reference: ReferenceModel;
  private readonly lockVersion = new Map<string, number>();
  private readonly doorOpenSinceMs = new Map<string, number>();
  private readonly unlockedSinceMs = new Map<string, number>();
  private readonly remoteActsMs = new Map<string, number[]>();
  /** Remote commands in flight; `alreadyManual`: the lock was in MOM when MOM was asked for (nothing to do). */
  private readonly commands = new Map<
    number,
    { lockId: string; command: string; issuedMs: number; alreadyManual: boolean }
  >();
  private lastDisturbanceMs = 0;
  /** Each lock's clock as the model knows it (the drift fault, the IQ's corrections). */
  private readonly clocks: ClockWatch;
  /** Each lock's low-battery alert against its battery (battery-alert-watch.ts). */
  private readonly batteryAlerts: BatteryAlertWatch;
  /** Each lock's firmware version against its completed updates (firmware-watch.ts). */
  private readonly firmware: FirmwareWatch;
  /** When each lock last entered Easy Office Mode. */
  private readonly eomEnteredMs = new Map<string, number>();
  private readonly pathOfLock = new Map<string, readonly string[]>();
  private violation: Violation | undefined;
  /** When tags were presented at each lock for longer than the office-mode hold (the newest few): a toggle by a
   * held tag must follow one of them by the hold time. */
  private readonly longHoldsAtMs = new Map<string, number[]>();
  /** The admin action just applied and what the model expects of it, until the cloud's answer is traced. */
  /** Locks whose audit buffer overflowed (reported by an `audit_overflow` entry): some events are gone. */
  private readonly overflowReported = new Set<string>();
  private awaiting: { readonly action: string; readonly verdict: ModelVerdict } | undefined;
  private readonly watch: LockWatch;
  private readonly tamper: TamperWatch;
  private readonly notifications: NotificationWatch;
  /** When each lock's newer cloud versions were first seen (oldest first): a lower bound on its staleness. */
  private readonly versionsSeenMs = new Map<
    string,
    { readonly version: number; readonly seenMs: number }[]
  >();
  /** The last audit sequence number each lock recorded (its trace), for the sequence check. */
  private readonly lastAuditSeq = new Map<string, number>();
  /** Each lock's newest audit events (sequence number and time), for the upload check at the end. */
  private readonly recentAudits = new Map<string, { readonly seq: number; readonly tMs: number }[]>();
  private readonly auditCapacity: number;

  private readonly iqOfLockCache = new Map<string, string>();

  constructor(private readonly twin: Twin) {
    this.reference = new ReferenceModel(twin.spec);
    for (const lockId of twin.lockIds()) this.lockVersion.set(lockId, 1);
    this.auditCapacity = twin.spec.settings.auditBufferMax ?? auditBufferMaxDefault;
    this.batteryAlerts = new BatteryAlertWatch(twin, (message) => this.fail('battery-alert', message));
    this.firmware = new FirmwareWatch(twin, (message) => this.fail('firmware-version', message));
    this.clocks = new ClockWatch(new Set(twin.lockIds()), (message) => this.fail('clock-corrected', message));
    this.watch = new LockWatch(twin.spec, {
      rules: (lockId) => this.currentRules(lockId),
      lockUtcMs: (lockId, tMs) => this.lockUtcMs(lockId, tMs),
      clockSetMs: (lockId) => this.clocks.lastSetMs(lockId),
      cutOff: (lockId) => this.twin.lockView(lockId).cutOff,
      fail: (invariant, message) => this.fail(invariant, message),
    });
    this.notifications = new NotificationWatch(twin, (invariant, message) => this.fail(invariant, message));
    this.tamper = new TamperWatch(twin.spec, (invariant, message) => this.fail(invariant, message));
    this.checkTopology();
  }

  /** The first invariant broken, if any. */
  get firstViolation(): Violation | undefined {
    return this.violation;
  }

  private fail(invariant: InvariantName, message: string): void {
    this.violation ??= { invariant, tMs: this.twin.clock.now(), message };
  }

  /** Follows the trace as it is written. */
  observe(traced: TracedTwinEvent): void {
    this.observeEvent(traced);
    this.watch.observe(traced);
    this.firmware.observe(traced);
  }

  private observeEvent({ event, tMs }: TracedTwinEvent): void {
    switch (event.kind) {
      case 'input': {
        const input = event.input;
        const verdict = this.reference.takeInput(input, tMs);
        this.tamper.input(input, tMs);
        if (input.type === 'present-tag' && (input.holdMs ?? 0) > officeModeHoldMs)
          this.longHoldsAtMs.set(input.lock, [...(this.longHoldsAtMs.get(input.lock) ?? []).slice(-7), tMs]);
        if (input.type === 'admin' && verdict !== undefined)
          this.awaiting = { action: input.action, verdict };
        // The lock's clock as the input set it, not as the lock says it did (corrections: clock-watch.ts).
        this.clocks.input(input, tMs);
        this.batteryAlerts.input(input);
        // Interference disturbs until it ends, not only when it starts.
        if (faultInputs.has(input.type))
          this.lastDisturbanceMs = Math.max(
            this.lastDisturbanceMs,
            tMs + (input.type === 'interference' ? input.durationMs : 0),
          );
        return;
      }
      case 'lock.access-data':
        // A lock installs only newer data: an older version would undo a change that had landed.
        if (event.version <= (this.lockVersion.get(event.device) ?? 1))
          this.fail(
            'lock-data',
            `${event.device} installed version ${event.version} over version ${this.lockVersion.get(event.device) ?? 1}`,
          );
        this.lockVersion.set(event.device, event.version);
        return;
      case 'lock.door-open-seen':
        this.doorOpenSinceMs.set(event.device, tMs);
        return;
      case 'lock.door-closed-seen':
        this.doorOpenSinceMs.delete(event.device);
        return;
      case 'lock.unlocked':
        this.unlockedSinceMs.set(event.device, tMs);
        return;
      case 'lock.locked':
      case 'lock.office-mode':
        this.unlockedSinceMs.delete(event.device);
        return;
      case 'ble.tap':
        this.checkTap(event);
        this.checkPhoneKey(event.device, true, tMs);
        return;
      case 'radio.hop':
        this.clocks.hop(event, tMs);
        return;
      case 'phone.no-key':
        this.checkPhoneKey(event.device, false, tMs);
        return;
      case 'iq.lock-offline':
        if (event.missed < missedHeartbeatsOffline)
          this.fail(
            'heartbeats',
            `${event.device} declared ${event.lock} offline after ${event.missed} missed heartbeats, not ${missedHeartbeatsOffline}`,
          );
        return;
      case 'admin.result':
        this.checkAdminOutcome(event.code === null ? 'accepted' : event.code);
        if (event.action === 'add-notification-rule') this.notifications.noteRules(tMs);
        return;
      case 'cloud.command':
        this.checkAdminOutcome('sent');
        this.commands.set(event.id, {
          lockId: event.device,
          command: event.command,
          issuedMs: tMs,
          alreadyManual: this.twin.lockView(event.device).officeMode === 'manual',
        });
        return;
      case 'cloud.command-result':
        this.checkRemoteResult(event.id, event.ok, tMs);
        return;
      case 'lock.audit':
        this.tamper.audit(event, tMs);
        this.checkAudit(event, tMs);
        return;
    }
  }

  /** The cloud's answer to the admin action just applied, against the model's verdict. */
  private checkAdminOutcome(answer: 'accepted' | 'sent' | number): void {
    const awaiting = this.awaiting;
    this.awaiting = undefined;
    if (awaiting === undefined || this.reference.lost) return;
    const { action, verdict } = awaiting;
    if (verdict.kind === 'unless-out-of-reach') {
      // A PIN change the model applies only once the cloud took it; 3102 (a keypad out of its IQ's reach) is
      // the radio's to say.
      if (answer === 'accepted') verdict.apply();
      if (answer === 3102) return;
    }
    const expected =
      verdict.kind === 'accepted'
        ? 'accepted'
        : verdict.kind === 'pending'
          ? 'sent'
          : verdict.kind === 'refused' || verdict.kind === 'unless-out-of-reach'
            ? verdict.code
            : undefined;
    if (expected === undefined || expected === answer) return;
    const told = (value: 'accepted' | 'sent' | number): string =>
      typeof value === 'number'
        ? `refused it with ${value}`
        : value === 'sent'
          ? 'sent it on to the lock'
          : 'accepted it';
    const why = verdict.kind === 'refused' ? ` (${verdict.why})` : '';
    this.fail(
      'admin-outcome',
      `the cloud ${told(answer)} (${action}); the reference model ${told(expected)}${why}`,
    );
  }

  private checkTap(tap: TwinEventOf<'ble.tap'>): void {
    const thresholdDbm = radioConfigDefault.phone.tapThresholdDbm;
    if (tap.taken !== null && tap.rssi !== null && tap.rssi < thresholdDbm)
      this.fail(
        'tap-at-reader',
        `${tap.taken} took a tap aimed at ${tap.aimed} at ${tap.rssi} dBm, below the tap threshold of ${thresholdDbm} dBm`,
      );
  }

  /** A tap presented a key (or found none on the phone): the model says whether the app can hold one now. */
  private checkPhoneKey(phoneId: string, presented: boolean, tMs: number): void {
    const holds = this.reference.phoneHoldsKey(phoneId, tMs);
    if (holds === undefined || holds === presented) return;
    this.fail(
      'phone-key-held',
      presented
        ? `${phoneId} presented a digital key although its app can hold none now`
        : `${phoneId} had no digital key to present although its app must hold one`,
    );
  }

  private lockUtcMs(lockId: string, tMs: number): number {
    return this.twin.epochUtcMs + tMs + this.clocks.offsetOf(lockId);
  }

  private currentRules(lockId: string) {
    return this.reference.rules(lockId, this.lockVersion.get(lockId) ?? 1);
  }

  private checkAudit(audit: TwinEventOf<'lock.audit'>, tMs: number): void {
    const { device: lockId, category, detail, credential } = audit;
    const expectedSeq = (this.lastAuditSeq.get(lockId) ?? 0) + 1;
    if (audit.auditSeq !== expectedSeq)
      this.fail('entries-exact', `${lockId} numbered an audit event ${audit.auditSeq}, not ${expectedSeq}`);
    this.lastAuditSeq.set(lockId, audit.auditSeq);
    this.recentAudits.set(lockId, [
      ...(this.recentAudits.get(lockId) ?? []).slice(-7),
      { seq: audit.auditSeq, tMs },
    ]);
    const rules = this.currentRules(lockId);
    const lockUtcMs = this.lockUtcMs(lockId, tMs);
    const remoteAct =
      audit.method === 'remote' &&
      (category === 'lock_opened' ||
        (category === 'manual_office_mode' && detail.startsWith('office mode on')));
    if (remoteAct) this.remoteActsMs.set(lockId, [...(this.remoteActsMs.get(lockId) ?? []).slice(-50), tMs]);
    // Whatever data the lock holds: a correction is judged on the clocks alone.
    if (category === 'clock_corrected') this.clocks.corrected(lockId, detail, tMs);
    if (rules === undefined) return;
    if (category === 'lock_opened' && credential !== null) {
      const cutOff = this.twin.lockView(lockId).cutOff;
      const refusal = this.reference.refusal(rules, credential, lockUtcMs, cutOff);
      if (refusal !== undefined)
        this.fail(
          'opening-allowed',
          `${lockId} opened for ${credential} (version ${this.lockVersion.get(lockId) ?? 1} of its data refuses it: ${refusal})`,
        );
    }
    if (category === 'lock_rejected' && credential !== null && accessReasons.has(detail)) {
      const refusal = this.reference.refusal(rules, credential, lockUtcMs, this.twin.lockView(lockId).cutOff);
      if (refusal === undefined)
        this.fail(
          'refusal-justified',
          `${lockId} refused ${credential} (${detail}) though version ${this.lockVersion.get(lockId) ?? 1} of its data allows it`,
        );
    }
    if (category === 'easy_office_mode' && detail.startsWith('office mode on'))
      this.eomEnteredMs.set(lockId, tMs);
    if (
      (category === 'manual_office_mode' || category === 'easy_office_mode') &&
      detail.startsWith('office mode on') &&
      audit.method === 'tag'
    ) {
      const user = audit.user ?? '';
      const permissions = rules.permissions.get(user);
      const easy = category === 'easy_office_mode';
      if (easy ? permissions?.eom !== true : permissions?.mom !== true)
        this.fail(
          'office-mode-allowed',
          `${lockId} entered ${easy ? 'Easy' : 'Manual'} Office Mode for ${user || 'someone'} without the permission`,
        );
      if (easy && !inSchedules(rules.eomSchedules, lockUtcMs, rules.timeZone))
        this.fail('office-mode-allowed', `${lockId} entered Easy Office Mode outside its EOM schedule`);
    }
    if (category === 'manual_office_mode' && detail.includes('tag held')) {
      // The toggle comes the hold time after the tag was read (a read takes well under a second).
      const held = (this.longHoldsAtMs.get(lockId) ?? []).some(
        (atMs) => tMs - atMs >= officeModeHoldMs && tMs - atMs <= officeModeHoldMs + toleranceMs,
      );
      if (!held)
        this.fail(
          'office-mode-hold',
          `${lockId} toggled Manual Office Mode by a held tag, but no tag was presented there ${officeModeHoldMs / 1000} s earlier for longer than that`,
        );
    }
    if (category === 'not_closed') {
      const openSinceMs = this.doorOpenSinceMs.get(lockId);
      if (openSinceMs === undefined || tMs - openSinceMs < notClosedAfterMs) {
        this.fail(
          'not-closed',
          `${lockId} raised NOT CLOSED after the door was open ${openSinceMs === undefined ? 'not at all' : `${(tMs - openSinceMs) / 1000} s`}, not ${notClosedAfterMs / 1000} s`,
        );
      }
    }
  }

  private checkRemoteResult(commandId: number, ok: boolean, tMs: number): void {
    const command = this.commands.get(commandId);
    this.commands.delete(commandId);
    if (command === undefined || !ok) return;
    const manualOn = command.command === 'office-mode-on';
    if (command.command !== 'open' && !(manualOn && !command.alreadyManual)) return;
    const acted = (this.remoteActsMs.get(command.lockId) ?? []).some(
      (atMs) => atMs >= command.issuedMs && atMs <= tMs,
    );
    if (!acted)
      this.fail(
        'remote-open-real',
        manualOn
          ? `Manual Office Mode ${commandId} on ${command.lockId} was reported done, but the lock never entered it`
          : `remote opening ${commandId} of ${command.lockId} was reported done, but the lock never opened`,
      );
  }

  /** The checks on the state of the whole twin, after every step. */
  checkStep(): void {
    this.watch.checkStep(this.twin.clock.now());
    this.clocks.checkStep(this.twin.clock.now());
    const versionOf = (id: string): number => this.twin.staleness(id).cloudVersion;
    for (const lockId of this.reference.noteCloudVersions(versionOf, this.twin.clock.now()))
      this.fail('lock-data', `a change to ${lockId}'s access made no new version of its data in the cloud`);
    // Entries first: what they say (an overflow) is read by the checks of each lock below.
    this.checkEntries();
    this.batteryAlerts.checkStep((lockId) => this.overflowReported.has(lockId));
    this.firmware.checkStep();
    this.notifications.checkStep();
    const nowMs = this.twin.clock.now();
    this.checkTamperAlerts(nowMs);
    for (const lockId of this.twin.lockIds()) {
      const view = this.twin.lockView(lockId);
      this.checkOnlineShown(lockId, view.online);
      this.checkPrivacyShown(lockId, view.privacy, view.bolt);
      const rules = this.currentRules(lockId);
      const unlockedSinceMs = this.unlockedSinceMs.get(lockId);
      if (
        rules !== undefined &&
        view.bolt === 'unlocked' &&
        unlockedSinceMs !== undefined &&
        nowMs - unlockedSinceMs > rules.openTimeMs + toleranceMs
      ) {
        this.fail(
          'relocks',
          `${lockId} has been unlocked for ${(nowMs - unlockedSinceMs) / 1000} s; its open time is ${rules.openTimeMs / 1000} s`,
        );
      }
      const lockUtcMs = this.lockUtcMs(lockId, nowMs);
      const eomOver =
        rules !== undefined &&
        !inSchedules(rules.eomSchedules, lockUtcMs, rules.timeZone) &&
        !inSchedules(rules.eomSchedules, lockUtcMs - toleranceMs, rules.timeZone);
      // A lock whose clock was set while in EOM keeps the end it planned on entering; only its own clock's
      // schedule end is judged, so such a lock is left out.
      const clockSetDuringEom = (this.clocks.lastSetMs(lockId) ?? -1) >= (this.eomEnteredMs.get(lockId) ?? 0);
      if (view.officeMode === 'easy' && eomOver && !clockSetDuringEom) {
        this.fail(
          'office-mode-allowed',
          `${lockId} is still in Easy Office Mode after its EOM schedule ended`,
        );
      }
      const openSinceMs = this.doorOpenSinceMs.get(lockId);
      if (
        openSinceMs !== undefined &&
        nowMs - openSinceMs >= notClosedAfterMs + toleranceMs &&
        view.door !== 'notClosed'
      ) {
        this.fail(
          'not-closed',
          `${lockId}'s door has been open ${(nowMs - openSinceMs) / 1000} s without NOT CLOSED`,
        );
      }
      if (openSinceMs === undefined && view.door === 'notClosed')
        this.fail('not-closed', `${lockId}'s door is closed but the lock still says NOT CLOSED`);
      // An overflow may have dropped the clearing event itself: the board then cannot know the door closed.
      const alertStays =
        view.door === 'closed' &&
        view.auditBuffered === 0 &&
        !this.overflowReported.has(lockId) &&
        this.twin.cloud.alerts.active(lockId).some((alert) => alert.kind === 'not_closed');
      if (alertStays)
        this.fail(
          'not-closed',
          `${lockId}'s door is closed and its events are all in, but NOT CLOSED is still active`,
        );
      if (view.auditBuffered > this.auditCapacity)
        this.fail(
          'entries-exact',
          `${lockId} buffers ${view.auditBuffered} audit events; it holds ${this.auditCapacity}`,
        );
      this.checkPropagation(lockId, view.online, nowMs);
    }
  }

  /**
   * A change must reach a lock within the bound once nothing has disturbed the site for that long and the lock is
   * really reachable: its IQ connected and every repeater on its path powered. The IQ's `online` flag alone is
   * not enough: it lags a cut path by up to five missed heartbeats, as long as the bound itself.
   */
  private checkPropagation(lockId: string, online: boolean, nowMs: number): void {
    const staleness = this.twin.staleness(lockId);
    this.checkStaleness(lockId, staleness, nowMs);
    const quiet = nowMs - this.lastDisturbanceMs > propagationBoundMs;
    if (quiet && online && this.pathUp(lockId) && staleness.staleForMs > propagationBoundMs) {
      this.fail(
        'block-propagates',
        `${lockId} has been ${(staleness.staleForMs / 1000).toFixed(0)} s behind the cloud (version ${staleness.lockVersion} of ${staleness.cloudVersion}) while reachable`,
      );
    }
  }

  /**
   * Staleness as any client reads it: zero when the lock holds the cloud's version, else at least as long as since
   * the first newer version was seen (it was made no later) and never longer than the run.
   */
  private checkStaleness(
    lockId: string,
    staleness: { cloudVersion: number; lockVersion: number; staleForMs: number },
    nowMs: number,
  ): void {
    const seen = (this.versionsSeenMs.get(lockId) ?? []).filter(
      (entry) => entry.version > staleness.lockVersion,
    );
    if (staleness.cloudVersion > (seen.at(-1)?.version ?? 1))
      seen.push({ version: staleness.cloudVersion, seenMs: nowMs });
    this.versionsSeenMs.set(lockId, seen.slice(-64));
    const firstSeenMs = seen[0]?.seenMs;
    const behind = staleness.lockVersion < staleness.cloudVersion;
    if (staleness.lockVersion !== (this.lockVersion.get(lockId) ?? 1))
      this.fail(
        'lock-data',
        `${lockId} holds version ${staleness.lockVersion} of its data but said it installed ${this.lockVersion.get(lockId) ?? 1}`,
      );
    const wrong = behind
      ? firstSeenMs !== undefined &&
        (staleness.staleForMs < nowMs - firstSeenMs || staleness.staleForMs > nowMs)
      : staleness.staleForMs !== 0;
    if (wrong)
      this.fail(
        'block-propagates',
        `${lockId} is said to be ${staleness.staleForMs / 1000} s stale holding version ${staleness.lockVersion} of ${staleness.cloudVersion}`,
      );
  }

  /** The lock's IQ is connected and every repeater between them is powered. */
  /** The lock's privacy mode is the knob's, as the model follows it, and a lock in privacy mode is locked. */
  private checkPrivacyShown(lockId: string, privacy: boolean, bolt: string): void {
    const expected = this.watch.privacyOn(lockId);
    if (privacy !== expected)
      this.fail(
        'privacy-shown',
        `${lockId} ${privacy ? 'is' : 'is not'} in privacy mode; by its knob and openings it ${expected ? 'is' : 'is not'}`,
      );
    if (privacy && bolt !== 'locked') this.fail('privacy-shown', `${lockId} is in privacy mode but ${bolt}`);
  }

  /** After every step: each tamper sensor's alert, once the lock's records are in. */
  private checkTamperAlerts(nowMs: number): void {
    this.tamper.check(nowMs, (lockId) => ({
      alertActive: this.twin.cloud.alerts.active(lockId).some((alert) => alert.kind === 'tamper'),
      recordsIn: this.twin.lockView(lockId).auditBuffered === 0 && !this.overflowReported.has(lockId),
    }));
  }

  /** The cloud hears a lock only through its IQ: with the IQ off or cut from the internet, the lock reads offline. */
  private checkOnlineShown(lockId: string, online: boolean): void {
    if (!online) return;
    const iqId = this.iqOfLock(lockId);
    if (!this.twin.iqConnected(iqId))
      this.fail('online-shown', `${lockId} reads online although its IQ ${iqId} has no power or no internet`);
  }

  private iqOfLock(lockId: string): string {
    let iqId = this.iqOfLockCache.get(lockId);
    if (iqId === undefined) {
      iqId = this.twin.spec.locks.find((lock) => lock.id === lockId)?.iq ?? '';
      this.iqOfLockCache.set(lockId, iqId);
    }
    return iqId;
  }

  private pathUp(lockId: string): boolean {
    let path = this.pathOfLock.get(lockId);
    if (path === undefined) {
      path = this.twin.topology.pathFromIq(lockId);
      this.pathOfLock.set(lockId, path);
    }
    // A lock out of reach of every parent hangs from nothing: its path is the lock alone.
    const [iqId, ...hops] = path;
    return (
      iqId !== undefined &&
      hops.length > 0 &&
      this.twin.iqConnected(iqId) &&
      hops.slice(0, -1).every((repeaterId) => this.twin.repeaterView(repeaterId).powered)
    );
  }

  private checkEntries(): void {
    const byLock = new Map<string, number[]>();
    const lostByLock = new Map<string, [number, number][]>();
    for (const entry of this.twin.entries.entries()) {
      if (entry.category === 'audit_overflow') {
        this.overflowReported.add(entry.lockId);
        const match = /(\d+) events lost \(seq (\d+)–(\d+)\)/.exec(entry.detail);
        const [lost, first, last] = match === null ? [0, 0, -1] : match.slice(1).map(Number);
        if ((lost as number) < 1 || (lost as number) > (last as number) - (first as number) + 1)
          return this.fail('entries-exact', `${entry.lockId} reported an overflow as '${entry.detail}'`);
        if (match !== null)
          lostByLock.set(entry.lockId, [
            ...(lostByLock.get(entry.lockId) ?? []),
            [first as number, last as number],
          ]);
        continue;
      }
      byLock.set(entry.lockId, [...(byLock.get(entry.lockId) ?? []), entry.auditSeq]);
    }
    for (const [lockId, seqs] of byLock) {
      const sorted = [...seqs].sort((a, b) => a - b);
      for (let index = 0; index < sorted.length; index++) {
        const seq = sorted[index] as number;
        if (index > 0 && sorted[index - 1] === seq)
          return this.fail('entries-exact', `entry ${seq} of ${lockId} is stored twice`);
        const expected = index === 0 ? 1 : (sorted[index - 1] as number) + 1;
        const covered = (lostByLock.get(lockId) ?? []).some(
          ([first, last]) => first <= expected && seq - 1 <= last,
        );
        if (seq > expected && !covered)
          return this.fail(
            'entries-exact',
            `entries ${expected}–${seq - 1} of ${lockId} are missing and no overflow was reported`,
          );
      }
    }
  }

  /**
   * Once the faults have stopped, every audit event a reachable lock recorded a propagation bound ago or more is in
   * the cloud (the newest such at least: what an overflow dropped is reported, not uploaded). One pass over the
   * entries, at the end only.
   */
  private checkAllUploaded(): void {
    if (this.recentAudits.size === 0) return;
    const highest = new Map<string, number>();
    for (const entry of this.twin.entries.entries())
      highest.set(entry.lockId, Math.max(highest.get(entry.lockId) ?? 0, entry.auditSeq));
    const settledMs = this.twin.clock.now() - propagationBoundMs;
    for (const [lockId, recent] of this.recentAudits) {
      const lastSeq = recent.filter((audit) => audit.tMs <= settledMs).at(-1)?.seq ?? 0;
      if (!this.pathUp(lockId) || (highest.get(lockId) ?? 0) >= lastSeq) continue;
      this.fail(
        'liveness',
        `${lockId} recorded audit event ${lastSeq} but the cloud holds only up to ${highest.get(lockId) ?? 0} after the faults stopped`,
      );
    }
  }

  private checkTopology(): void {
    for (const [iqId, locks] of this.twin.topology.locksOf) {
      if (locks.length > locksPerIqMax) this.fail('topology-limits', `${iqId} serves ${locks.length} locks`);
    }
    const repeatersPerIq = new Map<string, number>();
    for (const repeater of this.twin.spec.repeaters)
      repeatersPerIq.set(repeater.iq, (repeatersPerIq.get(repeater.iq) ?? 0) + 1);
    for (const [iqId, count] of repeatersPerIq)
      if (count > repeatersPerIqMax) this.fail('topology-limits', `${iqId} has ${count} repeaters`);
  }

  /** After the faults have stopped and the bound has passed: every lock holds the cloud's data. */
  checkLiveness(): void {
    this.checkAllUploaded();
    for (const lockId of this.twin.lockIds()) {
      const staleness = this.twin.staleness(lockId);
      if (staleness.lockVersion !== staleness.cloudVersion) {
        this.fail(
          'liveness',
          `${lockId} still holds version ${staleness.lockVersion} of ${staleness.cloudVersion} after the faults stopped`,
        );
      }
    }
  }
}
