/**
 * Watches every lock and door against the reference model as events happen (all incremental: each input and
 * trace event touches only its own lock's small state):
 * - credential-answer: every credential shown gets exactly one answer, the model's: an opening that unlocks the
 *   bolt, a refusal with the model's reason (battery and keypad included), or the office mode the model says it
 *   must toggle (EOM by a permitted tag inside the EOM schedule, MOM by a tag with the inside handle held on an
 *   older escutcheon or by a tag held over 5 s on a BLUEnet lock), with the right user and method; EOM ends at
 *   the end of its window, not before; a remote office-mode command reported done did act; the battery's records.
 * - door-watched: a door opens from outside only while its lock's motor lets the outside handle move the latch
 *   (from the end of the run that follows an opening to the end of the run that follows the relock: the model's
 *   motor, model/motor-model.ts, whose runs must end when it says), the inside handle always lets a person out; it
 *   stays shut otherwise and tells its lock at once; the lock records an opening from inside, an intrusion when
 *   the door opened with the bolt locked and the handle blocked, and clears NOT CLOSED when the door closes.
 * The lock's mode (locked, unlocked, in an office mode) is followed from its bolt events and office-mode records.
 */
import type {
  LockKind,
  SiteSpec,
  TracedTwinEvent,
  TwinEvent,
  TwinEventOf,
  TwinInput,
} from '../../twin/index.ts';
import {
  expectedDecision,
  type CredentialShown,
  type ExpectedDecision,
  type ModelBattery,
} from './model/expected-decision.ts';
import type { LockRules } from './model/lock-rules.ts';
import { motorMs, officeModeHoldMs } from './model/domain-numbers.ts';
import { hasExitButton, modelMainsPowered } from './model/gate-model.ts';
import { MotorModel } from './model/motor-model.ts';
import { inSchedules } from './model/schedule-window.ts';
import { PrivacyWatch } from './privacy-watch.ts';

export type LockWatchInvariant = 'credential-answer' | 'door-watched' | 'office-mode-acts';

/** What the watch needs of the monitor: the rules of the data a lock holds, its clock, and where to report. */
export interface LockWatchHost {
  rules(lockId: string): LockRules | undefined;
  lockUtcMs(lockId: string, tMs: number): number;
  /** When the lock's clock was last set (a lock keeps the EOM end it planned before). */
  clockSetMs(lockId: string): number | undefined;
  /** Whether the lock has lost its IQ now, as its view reads (only its offline list opens then); never when left out. */
  cutOff?(lockId: string): boolean;
  fail(invariant: LockWatchInvariant, message: string): void;
}

type Mode = 'locked' | 'unlocked' | 'manual' | 'easy';

/** A tag is read 100–300 ms after it is shown; a phone's key arrives within its advertising and handshake. */
const tagAnswerWithinMs = 1_000;
const pinAnswerWithinMs = 0;
const tapAnswerWithinMs = 10_000;
/** Credentials awaiting their answer per lock, and held tags awaiting their 5 s mark (generated runs show few). */
const pendingPerLockMax = 32;

interface PendingCredential extends CredentialShown {
  readonly dueByMs: number;
  readonly holdMs: number;
  /**
   * Shown again at the same lock before its first showing was read: the two reads take random times, so which
   * read answers which showing (and so which was held) cannot be told; a hold among them is not judged.
   */
  ambiguous?: boolean;
}

interface HeldTag {
  readonly credentialId: string;
  readonly atMs: number;
}

/** Something that must happen at this instant (before any later event). */
interface Expectation {
  readonly atMs: number;
  readonly invariant: LockWatchInvariant;
  readonly what: string;
  readonly matches: (event: TwinEvent) => boolean;
}

interface LockState {
  readonly kind: LockKind;
  readonly door: string;
  /** A wall reader's controller has an exit button wired (model/gate-model.ts). */
  readonly exitButton: boolean;
  battery: ModelBattery;
  mode: Mode;
  /** The office mode an 'office mode on' record announced, entered at the next office-mode bolt event. */
  enteringMode: 'manual' | 'easy' | undefined;
  /** When the lock last left an office mode, and when it last entered EOM. */
  officeLeftMs: number;
  /** The office mode it left then (its exit is traced before the record that says why). */
  leftMode: 'manual' | 'easy' | undefined;
  eomEnteredMs: number;
  notClosed: boolean;
  /** The lock's motor as the model runs it from the bolt's decisions: whether the outside handle gives. */
  readonly motor: MotorModel;
  pending: PendingCredential[];
  held: HeldTag[];
}

interface DoorState {
  readonly lock: string;
  open: boolean;
  /** When the inside handle last went down (-1: never), and when the holds since then let it go up. */
  handleDownMs: number;
  handleUpsMs: number[];
}

interface OfficeCommand {
  readonly lockId: string;
  readonly on: boolean;
  readonly user: string;
  readonly issuedMs: number;
}

const isBluenet = (kind: LockKind): boolean => kind === 'bluenet-escutcheon' || kind === 'bluenet-cylinder';
const inOffice = (mode: Mode): boolean => mode === 'manual' || mode === 'easy';

export class LockWatch {
  private readonly locks = new Map<string, LockState>();
  private readonly doors = new Map<string, DoorState>();
  private readonly officeCommands = new Map<number, OfficeCommand>();
  /** Privacy mode: the locks whose inside knob is turned, and what their privacy records must be. */
  private readonly privacy: PrivacyWatch;
  /** The users of each lock's recent remote commands (open or office mode), as the cloud issued them. */
  private readonly commandUsers = new Map<string, string[]>();
  private expectations: Expectation[] = [];
  /** The earliest time an answer or a held tag's mark is due (a scan of the locks only when one may be late). */
  private nextDueMs = Infinity;

  constructor(
    spec: SiteSpec,
    private readonly host: LockWatchHost,
  ) {
    const lockMotorMs = spec.settings.motorMs ?? motorMs;
    for (const lock of spec.locks) {
      const motorFail = (message: string): void => host.fail('door-watched', `${lock.id} ${message}`);
      this.locks.set(lock.id, {
        kind: lock.kind,
        door: lock.door,
        exitButton: hasExitButton(lock),
        battery: lock.battery,
        mode: 'locked',
        enteringMode: undefined,
        officeLeftMs: -1,
        leftMode: undefined,
        eomEnteredMs: -1,
        notClosed: false,
        motor: new MotorModel(lockMotorMs, motorFail),
        pending: [],
        held: [],
      });
      this.doors.set(lock.door, { lock: lock.id, open: false, handleDownMs: -1, handleUpsMs: [] });
    }
    this.privacy = new PrivacyWatch(spec, {
      rules: (lockId) => host.rules(lockId),
      expect: (atMs, invariant, what, matches) => this.expect(atMs, invariant, what, matches),
      fail: (invariant, message) => host.fail(invariant, message),
      commandBy: (lockId, user) => this.commandBy(lockId, user),
    });
  }

  /** Whether the model has the lock in privacy mode (its inside knob turned). */
  privacyOn(lockId: string): boolean {
    return this.privacy.privacyOn(lockId);
  }

  /** Follows one trace event: first what should have happened before it, then the event itself. */
  observe({ event, tMs }: TracedTwinEvent): void {
    this.settleBefore(tMs);
    const index = this.expectations.findIndex((expectation) => expectation.matches(event));
    const expected = index >= 0;
    if (expected) this.expectations.splice(index, 1);
    switch (event.kind) {
      case 'input':
        return this.takeInput(event.input, tMs);
      case 'ble.tap':
        if (event.taken !== null)
          this.addPending(event.taken, {
            credentialId: `key:${event.device}`,
            method: 'digital_key',
            dueByMs: tMs + tapAnswerWithinMs,
            holdMs: 0,
          });
        return;
      case 'lock.unlocked':
        return this.setMode(event.device, 'unlocked', tMs);
      case 'lock.locked':
        return this.setMode(event.device, 'locked', tMs);
      case 'lock.office-mode': {
        const lock = this.locks.get(event.device);
        if (lock === undefined) return;
        if (lock.enteringMode === undefined)
          this.host.fail('credential-answer', `${event.device} entered an office mode no record announced`);
        this.setMode(event.device, lock.enteringMode ?? 'manual', tMs);
        return;
      }
      case 'door.opened':
      case 'door.closed':
      case 'door.stays-shut':
        return this.doorMoved(event, tMs, expected);
      case 'lock.motor':
        this.locks.get(event.device)?.motor.runEnded(event.handle === 'free', tMs);
        return;
      case 'lock.door-open-seen':
      case 'lock.door-closed-seen':
        if (!expected) this.host.fail('door-watched', `${event.device}'s sensor changed with no door moving`);
        if (event.kind === 'lock.door-open-seen') {
          const lock = this.locks.get(event.device);
          if (lock !== undefined) lock.notClosed = false;
        }
        return;
      case 'lock.audit':
        return this.audit(event, tMs, expected);
      case 'cloud.command':
        this.commandUsers.set(event.device, [
          ...(this.commandUsers.get(event.device) ?? []).slice(-pendingPerLockMax),
          event.user,
        ]);
        if (event.command === 'office-mode-on' || event.command === 'office-mode-off')
          this.officeCommands.set(event.id, {
            lockId: event.device,
            on: event.command === 'office-mode-on',
            user: event.user,
            issuedMs: tMs,
          });
        return;
      case 'cloud.command-result':
        return this.officeCommandDone(event.id, event.ok);
    }
  }

  /** After a step: everything due by now has happened. */
  checkStep(nowMs: number): void {
    this.settleBefore(nowMs);
    for (const expectation of this.expectations)
      this.host.fail(expectation.invariant, `${expectation.what} did not happen`);
    this.expectations = [];
  }

  private expect(
    atMs: number,
    invariant: LockWatchInvariant,
    what: string,
    matches: Expectation['matches'],
  ): void {
    this.expectations.push({ atMs, invariant, what, matches });
  }

  /** Fails what was due before `tMs` and did not happen: instant expectations, answers, held tags. */
  private settleBefore(tMs: number): void {
    if (this.expectations.length > 0) {
      const overdue = this.expectations.filter((expectation) => expectation.atMs < tMs);
      for (const expectation of overdue)
        this.host.fail(expectation.invariant, `${expectation.what} did not happen`);
      if (overdue.length > 0) this.expectations = this.expectations.filter((e) => e.atMs >= tMs);
    }
    if (tMs <= this.nextDueMs) return;
    this.nextDueMs = Infinity;
    for (const [lockId, lock] of this.locks) {
      const late = lock.pending.find((pending) => pending.dueByMs < tMs);
      if (late !== undefined) {
        this.host.fail('credential-answer', `${lockId} never answered ${late.credentialId}`);
        lock.pending = lock.pending.filter((pending) => pending.dueByMs >= tMs);
      }
      while (lock.held.length > 0 && (lock.held[0] as HeldTag).atMs < tMs)
        this.heldTagUnanswered(lockId, lock, lock.held.shift() as HeldTag);
      for (const pending of lock.pending) this.nextDueMs = Math.min(this.nextDueMs, pending.dueByMs);
      for (const held of lock.held) this.nextDueMs = Math.min(this.nextDueMs, held.atMs);
    }
  }

  private takeInput(input: TwinInput, tMs: number): void {
    switch (input.type) {
      case 'present-tag':
        return this.addPending(input.lock, {
          credentialId: input.tag,
          method: 'tag',
          dueByMs: tMs + tagAnswerWithinMs,
          holdMs: input.holdMs ?? 0,
        });
      case 'enter-pin':
        return this.addPending(input.lock, {
          credentialId: `pin:${input.pin}`,
          method: 'pin_code',
          dueByMs: tMs + pinAnswerWithinMs,
          holdMs: 0,
        });
      case 'battery': {
        const lock = this.locks.get(input.lock);
        if (lock === undefined || lock.battery === input.level) return;
        lock.battery = input.level;
        const category = input.level === 'fresh' ? 'battery_fresh' : 'battery_low';
        this.expect(
          tMs,
          'credential-answer',
          `${input.lock}'s ${category} record`,
          (event) =>
            event.kind === 'lock.audit' &&
            event.device === input.lock &&
            event.category === category &&
            event.detail === `battery ${input.level}`,
        );
        return;
      }
      case 'replace-battery': {
        // New batteries: fresh, and one record of the replacement at once (a wall reader has none to replace).
        const lock = this.locks.get(input.lock);
        if (lock === undefined || modelMainsPowered(lock.kind)) return;
        lock.battery = 'fresh';
        this.expect(
          tMs,
          'credential-answer',
          `${input.lock}'s battery_replaced record`,
          (event) =>
            event.kind === 'lock.audit' &&
            event.device === input.lock &&
            event.category === 'battery_replaced' &&
            event.detail === 'battery replaced',
        );
        return;
      }
      case 'open-door':
      case 'force-door':
      case 'close-door':
        return this.doorPushed(input.door, input.type, tMs);
      case 'hold-handle': {
        const door = this.doors.get(input.door);
        if (door === undefined) return;
        // An earlier hold still running lets the handle up at its own end, whatever this hold says.
        door.handleUpsMs = [...door.handleUpsMs.filter((upMs) => upMs >= tMs), tMs + input.durationMs].slice(
          -pendingPerLockMax,
        );
        door.handleDownMs = tMs;
        return this.doorPushed(input.door, 'open-door', tMs, true);
      }
      case 'privacy-knob': {
        const lock = this.locks.get(input.lock);
        if (lock !== undefined) this.privacy.knobTurned(input.lock, input.on, lock.mode, tMs);
        return;
      }
      case 'exit-button':
        return this.exitButtonPressed(input.lock, tMs);
      default:
        return;
    }
  }

  /**
   * The exit button releases the controller's relay at once, without a credential: locked or already open, the
   * lock records an opening from inside and (re)starts its open time (the relocks invariant then times it). In an
   * office mode the gate is open already and the button does nothing.
   */
  private exitButtonPressed(lockId: string, tMs: number): void {
    const lock = this.locks.get(lockId);
    if (lock === undefined || !lock.exitButton || inOffice(lock.mode)) return;
    this.expect(
      tMs,
      'door-watched',
      `${lockId} recording its exit button`,
      (e) =>
        e.kind === 'lock.audit' &&
        e.device === lockId &&
        e.category === 'lock_opened' &&
        e.method === 'inside_handle' &&
        e.detail === 'opened by exit button',
    );
    this.expect(
      tMs,
      'door-watched',
      `${lockId} releasing its relay for the exit button`,
      (e) => e.kind === 'lock.unlocked' && e.device === lockId,
    );
  }

  private addPending(lockId: string, pending: PendingCredential): void {
    const lock = this.locks.get(lockId);
    if (lock === undefined) return;
    if (lock.pending.length >= pendingPerLockMax) lock.pending.shift();
    for (const earlier of lock.pending) {
      if (earlier.credentialId !== pending.credentialId) continue;
      earlier.ambiguous = true;
      pending.ambiguous = true;
    }
    lock.pending.push(pending);
    this.nextDueMs = Math.min(this.nextDueMs, pending.dueByMs);
  }

  private setMode(lockId: string, mode: Mode, tMs: number): void {
    const lock = this.locks.get(lockId);
    if (lock === undefined) return;
    if ((lock.mode === 'manual' || lock.mode === 'easy') && !inOffice(mode)) {
      lock.officeLeftMs = tMs;
      lock.leftMode = lock.mode;
    }
    if (mode === 'easy') lock.eomEnteredMs = tMs;
    lock.motor.boltChanged(mode !== 'locked', tMs);
    lock.mode = mode;
    lock.enteringMode = undefined;
  }

  /** True when the door's inside handle is held at `tMs`; undefined on the very millisecond it goes up or down. */
  private handleHeld(doorId: string, tMs: number): boolean | undefined {
    const door = this.doors.get(doorId);
    if (door === undefined || door.handleDownMs < 0) return false;
    if (tMs === door.handleDownMs || door.handleUpsMs.includes(tMs)) return undefined;
    return !door.handleUpsMs.some((upMs) => upMs < tMs);
  }

  private doorPushed(
    doorId: string,
    push: 'open-door' | 'force-door' | 'close-door',
    tMs: number,
    handleJustDown = false,
  ): void {
    const door = this.doors.get(doorId);
    const lock = door === undefined ? undefined : this.locks.get(door.lock);
    if (door === undefined || lock === undefined) return;
    if (push === 'close-door') {
      if (door.open)
        this.expect(
          tMs,
          'door-watched',
          `${doorId} closing`,
          (e) => e.kind === 'door.closed' && e.device === doorId,
        );
      return;
    }
    if (door.open) return;
    if (push === 'force-door') {
      this.expect(
        tMs,
        'door-watched',
        `${doorId} forced open`,
        (e) => e.kind === 'door.opened' && e.device === doorId && 'forced' in e,
      );
      return;
    }
    const held = handleJustDown ? true : this.handleHeld(doorId, tMs);
    if (held === undefined) return;
    // From outside the door opens only while the lock's motor lets the handle move the latch.
    if (held || lock.motor.handleGives(tMs))
      this.expect(
        tMs,
        'door-watched',
        `${doorId} opening ${held ? 'by its inside handle' : `with ${door.lock} ${lock.mode} and its handle free`}`,
        (e) =>
          e.kind === 'door.opened' && e.device === doorId && 'insideHandle' in e && e.insideHandle === held,
      );
    else
      this.expect(
        tMs,
        'door-watched',
        `${doorId} staying shut with ${door.lock} ${lock.mode} and its handle blocked`,
        (e) => e.kind === 'door.stays-shut' && e.device === doorId,
      );
  }

  private doorMoved(
    event: TwinEventOf<'door.opened' | 'door.closed' | 'door.stays-shut'>,
    tMs: number,
    expected: boolean,
  ): void {
    const door = this.doors.get(event.device);
    const lock = door === undefined ? undefined : this.locks.get(door.lock);
    if (door === undefined || lock === undefined) return;
    if (!expected) this.host.fail('door-watched', `${event.device}: ${event.kind} when nothing made it so`);
    if (event.kind === 'door.stays-shut') return;
    const lockId = door.lock;
    door.open = event.kind === 'door.opened';
    const seen = event.kind === 'door.opened' ? 'lock.door-open-seen' : 'lock.door-closed-seen';
    this.expect(
      tMs,
      'door-watched',
      `${lockId} noticing ${event.device} move`,
      (e) => e.kind === seen && e.device === lockId,
    );
    if (event.kind === 'door.closed') {
      if (lock.notClosed)
        this.expect(
          tMs,
          'door-watched',
          `${lockId} clearing NOT CLOSED`,
          (e) =>
            e.kind === 'lock.audit' &&
            e.device === lockId &&
            e.category === 'not_closed_cleared' &&
            e.detail !== '',
        );
      lock.notClosed = false;
      return;
    }
    if ('insideHandle' in event && event.insideHandle)
      this.expect(
        tMs,
        'door-watched',
        `${lockId} recording an opening from inside`,
        (e) =>
          e.kind === 'lock.audit' &&
          e.device === lockId &&
          e.category === 'lock_opened' &&
          e.method === 'inside_handle' &&
          e.detail !== '',
      );
    if ('insideHandle' in event && event.insideHandle) this.privacy.openedFromInside(lockId, tMs);
    // An intrusion: opened with the bolt locked and the handle blocked (the motor's last uncoupling run had ended).
    else if (lock.mode === 'locked' && !lock.motor.handleGives(tMs))
      this.expect(
        tMs,
        'door-watched',
        `${lockId} recording an intrusion`,
        (e) =>
          e.kind === 'lock.audit' && e.device === lockId && e.category === 'intrusion' && e.detail !== '',
      );
  }

  private decisionNow(
    lockId: string,
    lock: LockState,
    shown: CredentialShown,
    tMs: number,
  ): ExpectedDecision | undefined {
    const rules = this.host.rules(lockId);
    if (rules === undefined) return undefined;
    return expectedDecision(shown, {
      kind: lock.kind,
      battery: lock.battery,
      lockUtcMs: this.host.lockUtcMs(lockId, tMs),
      rules,
      privacy: this.privacy.privacyOn(lockId),
      cutOff: this.host.cutOff?.(lockId) === true,
    });
  }

  /** Takes the pending credential an answer is for: by its id, or (an office-mode record) by its user. */
  private takePending(
    lockId: string,
    lock: LockState,
    credentialId: string | null,
    user: string | null,
  ): PendingCredential | undefined {
    const rules = this.host.rules(lockId);
    let index = -1;
    if (credentialId !== null)
      index = lock.pending.findIndex((pending) => pending.credentialId === credentialId);
    else {
      // The user's credential due soonest (a PIN acts at once, a tag within a second, a phone's key later).
      lock.pending.forEach((pending, at) => {
        const best = lock.pending[index];
        if (rules?.credentials.get(pending.credentialId)?.user !== user) return;
        if (best === undefined || pending.dueByMs < best.dueByMs) index = at;
      });
      if (index < 0) index = 0;
    }
    const [taken] = index >= 0 ? lock.pending.splice(index, 1) : [];
    return taken;
  }

  private audit(audit: TwinEventOf<'lock.audit'>, tMs: number, expected: boolean): void {
    const lockId = audit.device;
    const lock = this.locks.get(lockId);
    if (lock === undefined) return;
    const fail = (message: string): void => this.host.fail('credential-answer', `${lockId} ${message}`);
    const { category } = audit;
    this.privacy.audit(audit, expected);
    if (category === 'not_closed') lock.notClosed = true;
    if (category === 'lock_opened' || category === 'lock_rejected') {
      if (audit.method === 'inside_handle' || audit.method === 'remote') {
        if (audit.method === 'inside_handle' && !expected)
          this.host.fail(
            'door-watched',
            `${lockId} recorded an opening from inside with no door opened by its handle`,
          );
        if (audit.method === 'remote' && !this.commandBy(lockId, audit.user))
          fail(`recorded a remote opening for ${audit.user ?? 'nobody'}, not for the command's user`);
        return;
      }
      const pending = this.takePending(lockId, lock, audit.credential, null);
      if (pending === undefined)
        return fail(`answered ${audit.credential ?? 'a credential'} that nobody showed it`);
      return this.judgeAnswer(lockId, lock, pending, audit, tMs, fail);
    }
    // The privacy knob's deadbolt ended an office mode: the knob's input expected exactly this record.
    const officeRecord = category === 'manual_office_mode' || category === 'easy_office_mode';
    if (officeRecord && audit.detail.endsWith('(privacy knob turned)')) {
      if (!expected) fail(`recorded '${audit.detail}' with no privacy knob turned`);
      return;
    }
    if (officeRecord) return this.officeRecord(lockId, lock, audit, tMs, fail);
    if ((category === 'intrusion' || category === 'not_closed_cleared') && !expected)
      this.host.fail('door-watched', `${lockId} recorded ${category} though its door did not call for it`);
    if (
      (category === 'battery_low' || category === 'battery_fresh' || category === 'battery_replaced') &&
      !expected
    )
      fail(`recorded ${category} though its battery did not change so`);
  }

  /** An opening or a refusal of a shown credential, against the model's decision and the lock's mode. */
  private judgeAnswer(
    lockId: string,
    lock: LockState,
    pending: PendingCredential,
    audit: TwinEventOf<'lock.audit'>,
    tMs: number,
    fail: (message: string) => void,
  ): void {
    this.noteHeld(lock, pending, tMs);
    const decision = this.decisionNow(lockId, lock, pending, tMs);
    if (decision === undefined) return;
    const credentialId = pending.credentialId;
    if (audit.method !== pending.method)
      fail(`recorded ${credentialId} as ${audit.method ?? 'no method'}, not ${pending.method}`);
    if ((audit.user ?? undefined) !== decision.user)
      fail(`recorded ${credentialId} for ${audit.user ?? 'nobody'}, not ${decision.user ?? 'nobody'}`);
    if (audit.category === 'lock_rejected') {
      if (!decision.granted && decision.reason !== audit.detail)
        fail(`refused ${credentialId} as '${audit.detail}'; the model says '${decision.reason}'`);
      if (decision.granted)
        fail(`refused ${credentialId} (${audit.detail}); the model lets ${decision.user} in`);
      return;
    }
    if (!decision.granted)
      return fail(`opened for ${credentialId}; the model refuses it (${decision.reason})`);
    this.privacy.openedByCredential(lockId, decision.user, tMs);
    if (audit.detail !== `opened by ${pending.method}`) fail(`recorded the opening as '${audit.detail}'`);
    const toggle = this.officeToggle(lock, decision, pending.method, tMs);
    if (toggle === true)
      fail(
        `opened for ${credentialId} instead of toggling ${lock.mode === 'locked' || lock.mode === 'unlocked' ? 'an office mode' : `its ${lock.mode} office mode`}`,
      );
    if (lock.mode === 'locked' || lock.mode === 'unlocked')
      this.expect(
        tMs,
        'credential-answer',
        `${lockId} unlocking for ${credentialId}`,
        (e) => e.kind === 'lock.unlocked' && e.device === lockId,
      );
  }

  /**
   * Whether a granted credential must toggle an office mode in the lock's mode (true), must not (false), or may
   * either way (undefined: the inside handle goes up or down on that very millisecond).
   */
  private officeToggle(
    lock: LockState,
    decision: ExpectedDecision & { granted: true },
    method: CredentialShown['method'],
    tMs: number,
  ): boolean | undefined {
    // A phone's key reaches the lock by radio: the firmware never reads the handle for it.
    const handle =
      lock.kind === 'escutcheon' && method !== 'digital_key' ? this.handleHeld(lock.door, tMs) : false;
    const byHandle = decision.mayToggleManual && handle;
    switch (lock.mode) {
      case 'locked':
      case 'unlocked':
        if (decision.mayToggleEasy) return true;
        return byHandle;
      case 'easy':
        return decision.mayToggleEasy;
      case 'manual':
        return byHandle;
    }
  }

  /** A tag held over the hold time: its 5 s mark comes exactly that long after it was read. */
  private noteHeld(lock: LockState, pending: PendingCredential, readMs: number): void {
    if (pending.method !== 'tag' || pending.holdMs <= officeModeHoldMs || pending.ambiguous === true) return;
    if (lock.held.length >= pendingPerLockMax) lock.held.shift();
    lock.held.push({ credentialId: pending.credentialId, atMs: readMs + officeModeHoldMs });
    this.nextDueMs = Math.min(this.nextDueMs, readMs + officeModeHoldMs);
  }

  /** A held tag's 5 s mark passed with no toggle: right only when the model says it may not toggle. */
  private heldTagUnanswered(lockId: string, lock: LockState, held: HeldTag): void {
    if (!isBluenet(lock.kind) || lock.mode === 'easy') return;
    const decision = this.decisionNow(
      lockId,
      lock,
      { credentialId: held.credentialId, method: 'tag' },
      held.atMs,
    );
    if (decision?.granted === true && decision.mayToggleManual)
      this.host.fail(
        'office-mode-acts',
        `${lockId} did not toggle Manual Office Mode for ${held.credentialId} held over ${officeModeHoldMs / 1000} s`,
      );
  }

  private officeRecord(
    lockId: string,
    lock: LockState,
    audit: TwinEventOf<'lock.audit'>,
    tMs: number,
    fail: (message: string) => void,
  ): void {
    const easy = audit.category === 'easy_office_mode';
    const on = audit.detail.startsWith('office mode on');
    const why = /\((.*)\)$/.exec(audit.detail)?.[1] ?? '';
    // An "off" record follows the bolt's exit from the mode it leaves: the cloud's "off" leaves either office
    // mode, every other "off" its own.
    const justLeft = lock.officeLeftMs === tMs ? lock.leftMode : undefined;
    // MOM from the cloud takes over EOM inside the office mode: no bolt event, the watched mode changes here.
    const overEom = why === 'from the cloud, over Easy Office Mode';
    const wrongMode = overEom
      ? easy || !on || lock.mode !== 'easy'
      : on
        ? inOffice(lock.mode)
        : justLeft === undefined || (why !== 'from the cloud' && justLeft !== (easy ? 'easy' : 'manual'));
    if (on && !overEom) lock.enteringMode = easy ? 'easy' : 'manual';
    if (wrongMode) fail(`recorded '${audit.detail}' while ${lock.mode}`);
    if (overEom && lock.mode === 'easy') lock.mode = 'manual';
    if (why === 'from the cloud' || overEom) {
      if (audit.method !== 'remote' || !this.commandBy(lockId, audit.user))
        fail(
          `recorded an office mode from the cloud for ${audit.user ?? 'nobody'} by ${audit.method ?? 'no method'}`,
        );
      return;
    }
    if (why === 'EOM schedule ended') return this.eomEnded(lockId, lock, tMs, fail);
    if (why === 'EOM schedule changed') return this.eomScheduleChanged(lockId, lock, tMs, fail);
    if (why === 'tag held over 5 s') {
      const index = lock.held.findIndex((held) => held.atMs === tMs);
      if (index < 0) return; // office-mode-hold reports a toggle with no tag held before it
      const [held] = lock.held.splice(index, 1) as [HeldTag];
      const decision = this.decisionNow(
        lockId,
        lock,
        { credentialId: held.credentialId, method: 'tag' },
        tMs,
      );
      if (
        decision !== undefined &&
        (!decision.granted || !decision.mayToggleManual || !isBluenet(lock.kind) || easy)
      )
        fail(
          `toggled ${easy ? 'Easy' : 'Manual'} Office Mode for ${held.credentialId} held; the model does not let it`,
        );
      return;
    }
    const pending = this.takePending(lockId, lock, null, audit.user);
    if (pending === undefined) return fail(`recorded '${audit.detail}' with no credential shown`);
    this.noteHeld(lock, pending, tMs);
    const decision = this.decisionNow(lockId, lock, pending, tMs);
    if (decision === undefined) return;
    if (!decision.granted)
      return fail(
        `toggled an office mode for ${pending.credentialId}; the model refuses it (${decision.reason})`,
      );
    if (audit.user !== decision.user || audit.method !== 'tag')
      fail(`recorded an office mode for ${audit.user ?? 'nobody'} by ${audit.method ?? 'no method'}`);
    const byHandle = why === 'tag with the inside handle held';
    const allowed = easy
      ? why === 'tag inside the EOM schedule' && decision.mayToggleEasy
      : byHandle &&
        lock.kind === 'escutcheon' &&
        decision.mayToggleManual &&
        this.handleHeld(lock.door, tMs) !== false;
    if (!allowed) fail(`recorded '${audit.detail}' for ${pending.credentialId}; the model does not let it`);
    if (!easy && byHandle && on && decision.mayToggleEasy)
      fail(`toggled Manual Office Mode for ${pending.credentialId}; the model enters EOM first`);
  }

  /** EOM ends at the end of its window: not before (by the lock's clock), unless the clock was set meanwhile. */
  private eomEnded(lockId: string, lock: LockState, tMs: number, fail: (message: string) => void): void {
    const rules = this.host.rules(lockId);
    if (rules === undefined || (this.host.clockSetMs(lockId) ?? -1) >= lock.eomEnteredMs) return;
    const lockUtcMs = this.host.lockUtcMs(lockId, tMs);
    if (inSchedules(rules.eomSchedules, lockUtcMs, rules.timeZone))
      fail('ended Easy Office Mode inside its EOM schedule');
  }

  /** New EOM windows end EOM at once only when the lock's clock is outside them (else EOM ends with the window). */
  private eomScheduleChanged(
    lockId: string,
    lock: LockState,
    tMs: number,
    fail: (message: string) => void,
  ): void {
    const rules = this.host.rules(lockId);
    if (rules === undefined) return;
    if (inSchedules(rules.eomSchedules, this.host.lockUtcMs(lockId, tMs), rules.timeZone))
      fail('ended Easy Office Mode for a schedule change although it is inside the new EOM windows');
  }

  private commandBy(lockId: string, user: string | null): boolean {
    return user !== null && (this.commandUsers.get(lockId) ?? []).includes(user);
  }

  private officeCommandDone(commandId: number, ok: boolean): void {
    const command = this.officeCommands.get(commandId);
    this.officeCommands.delete(commandId);
    const lock = command === undefined ? undefined : this.locks.get(command.lockId);
    if (command === undefined || lock === undefined || !ok) return;
    // Done means the lock took it: it was in the asked state at some moment since (other events may follow).
    const reached = command.on
      ? inOffice(lock.mode) || lock.officeLeftMs >= command.issuedMs
      : !inOffice(lock.mode) || lock.officeLeftMs >= command.issuedMs;
    if (!reached)
      this.host.fail(
        'office-mode-acts',
        `${command.lockId} answered office mode ${command.on ? 'on' : 'off'} done, but it never was`,
      );
  }
}
