/** How each kind of input acts on the twin: the only door through which the outside world changes it. */
import { applyAdminAction, type AdminInputOutcome } from './admin-actions.ts';
import type { TwinInput } from './input-schema.ts';
import type { InputTarget } from './input-target.ts';

/** What an input did: people and faults always act; an admin action is accepted, refused or pending. */
export type InputOutcome = { readonly kind: 'applied' } | AdminInputOutcome;

const applied: InputOutcome = { kind: 'applied' };

export function applyInput(target: InputTarget, input: TwinInput): InputOutcome {
  const devices = target.devices;
  switch (input.type) {
    case 'present-tag':
      devices.presentTag(input.tag, input.lock, input.holdMs ?? 0);
      return applied;
    case 'tap-phone':
      devices.tapPhone(input.phone, input.lock);
      return applied;
    case 'enter-pin':
      devices.enterPin(input.pin, input.lock);
      return applied;
    case 'open-door':
      devices.moveDoor(input.door, 'PUSH');
      return applied;
    case 'close-door':
      devices.moveDoor(input.door, 'CLOSE');
      return applied;
    case 'force-door':
      devices.moveDoor(input.door, 'FORCE');
      return applied;
    case 'hold-handle':
      devices.holdHandle(input.door, input.durationMs);
      return applied;
    case 'iq-internet':
      devices.setIqInternet(input.iq, input.up);
      return applied;
    case 'power':
      devices.setPower(input.device, input.on);
      return applied;
    case 'interference':
      devices.startInterference(input);
      return applied;
    case 'battery':
      devices.setBattery(input.lock, input.level);
      return applied;
    case 'lock-clock':
      devices.setLockClock(input.lock, input.offsetMs);
      return applied;
    case 'replace-battery':
      devices.replaceBattery(input.lock);
      return applied;
    case 'phone-internet':
      devices.setPhoneInternet(input.phone, input.on);
      return applied;
    case 'privacy-knob':
      devices.turnPrivacyKnob(input.lock, input.on);
      return applied;
    case 'tamper':
      devices.setTamper(input.lock, input.on);
      return applied;
    case 'exit-button':
      devices.pressExitButton(input.lock);
      return applied;
    case 'cloud-lag':
      target.cloud.setConsistencyLag(input.lagMs);
      return applied;
    case 'admin':
      return applyAdminAction(target, input);
  }
}
