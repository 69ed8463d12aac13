/**
 * What people and faults do to the devices, as inputs ask (inputs/apply-input.ts): present a tag, tap a phone,
 * type a PIN, push a door, cut an IQ's internet or power, start interference, run a battery down, set a lock's
 * clock off. Each becomes an event to a device actor at the time the hardware would deliver it.
 */
import { credentialIds } from './access/lock-access-data.ts';
import type { AccessSync } from './cloud/access-sync.ts';
import { officeModeTagHoldMs, tagReadMsMax, tagReadMsMin, type BatteryLevel } from './defaults.ts';
import type { DeviceRegistry } from './devices/registry.ts';
import type { DeviceActions, DoorPush, InterferenceInput } from './inputs/input-target.ts';
import type { VirtualClock } from './kernel/clock.ts';
import type { RandomStream } from './kernel/rng.ts';
import type { InterferenceField } from './radio/interference.ts';

export interface DeviceActionsOptions {
  readonly clock: VirtualClock;
  readonly registry: DeviceRegistry;
  readonly interference: InterferenceField;
  /** Draws each tag's read time. */
  readonly tagReads: RandomStream;
  /** The cloud's sync, told when an IQ is back on the internet. */
  readonly sync: () => AccessSync;
}

export class SiteDeviceActions implements DeviceActions {
  private interferenceCount = 0;

  constructor(private readonly options: DeviceActionsOptions) {}

  /**
   * A tag is read by the lock it is presented to after the reader's read time. Held longer than the office-mode
   * hold time, the lock notices it is still there at that mark.
   */
  presentTag(tagId: string, lockId: string, holdMs: number): void {
    const { clock, registry, tagReads } = this.options;
    const lock = registry.lock(lockId);
    const credentialId = credentialIds.tag(tagId);
    clock.schedule(tagReads.int(tagReadMsMin, tagReadMsMax), () => {
      lock.send({ type: 'CREDENTIAL', credentialId, method: 'tag', handleHeld: registry.handleHeld(lockId) });
      if (holdMs > officeModeTagHoldMs)
        clock.schedule(officeModeTagHoldMs, () => lock.send({ type: 'TAG_HELD', credentialId }));
    });
  }

  tapPhone(phoneId: string, lockId: string): void {
    this.options.registry.phone(phoneId).send({ type: 'TAP', lockId });
  }

  enterPin(pin: string, lockId: string): void {
    const registry = this.options.registry;
    registry.lock(lockId).send({
      type: 'CREDENTIAL',
      credentialId: credentialIds.pin(pin),
      method: 'pin_code',
      handleHeld: registry.handleHeld(lockId),
    });
  }

  moveDoor(doorId: string, push: DoorPush): void {
    this.options.registry.door(doorId).send({ type: push });
  }

  /** The inside handle held down while the door is pushed open, released after `durationMs`. */
  holdHandle(doorId: string, durationMs: number): void {
    const door = this.options.registry.door(doorId);
    door.send({ type: 'HANDLE_DOWN' });
    door.send({ type: 'PUSH' });
    this.options.clock.schedule(durationMs, () => door.send({ type: 'HANDLE_UP' }));
  }

  setIqInternet(iqId: string, up: boolean): void {
    this.options.registry.iq(iqId).send({ type: up ? 'CLOUD_UP' : 'CLOUD_DOWN' });
    if (up) this.iqBackOnline(iqId);
  }

  /** Power to a repeater or an IQ. */
  setPower(deviceId: string, on: boolean): void {
    const registry = this.options.registry;
    const event = { type: on ? ('POWER_ON' as const) : ('POWER_OFF' as const) };
    const repeater = registry.repeaters.get(deviceId);
    if (repeater !== undefined) {
      repeater.send(event);
      return;
    }
    registry.iq(deviceId).send(event);
    if (on) this.iqBackOnline(deviceId);
  }

  startInterference(interference: InterferenceInput): void {
    const { clock } = this.options;
    const id = `interference-${++this.interferenceCount}`;
    this.options.interference.start({
      id,
      center: { x: interference.x, y: interference.y },
      radiusM: interference.radiusM,
      lossProbability: interference.lossProbability,
      untilMs: clock.now() + interference.durationMs,
    });
    clock.schedule(interference.durationMs, () => this.options.interference.stop(id));
  }

  setBattery(lockId: string, level: BatteryLevel): void {
    this.options.registry.lock(lockId).send({ type: 'SET_BATTERY', level });
  }

  replaceBattery(lockId: string): void {
    this.options.registry.lock(lockId).send({ type: 'REPLACE_BATTERY' });
  }

  setLockClock(lockId: string, offsetMs: number): void {
    this.options.registry.lock(lockId).send({ type: 'SET_CLOCK_OFFSET', offsetMs });
  }

  setPhoneInternet(phoneId: string, on: boolean): void {
    this.options.registry.phone(phoneId).send({ type: 'SET_INTERNET', on });
  }

  /** The knob is on the lock itself: the firmware notices it at once. */
  turnPrivacyKnob(lockId: string, on: boolean): void {
    this.options.registry.lock(lockId).send({ type: 'PRIVACY_KNOB', on });
  }

  setTamper(lockId: string, on: boolean): void {
    this.options.registry.lock(lockId).send({ type: 'TAMPER', on });
  }

  pressExitButton(lockId: string): void {
    this.options.registry.lock(lockId).send({ type: 'EXIT_BUTTON' });
  }

  /** The cloud notices an IQ back on the internet and sends what it missed. */
  private iqBackOnline(iqId: string): void {
    if (this.options.registry.iqConnected(iqId)) this.options.sync().iqReconnected(iqId);
  }
}
