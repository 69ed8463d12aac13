/** How each kind of input acts on the twin: the only door through which the outside world changes it. */
import { applyAdminAction } from './admin-actions.ts';
import type { TwinInput } from './inputs.ts';
import type { Twin } from './twin.ts';

export function applyInput(twin: Twin, input: TwinInput): void {
  switch (input.type) {
    case 'present-tag':
      twin.presentTag(input.tag, input.lock, input.holdMs);
      return;
    case 'tap-phone':
      twin.phoneActor(input.phone).send({ type: 'TAP', lockId: input.lock });
      return;
    case 'enter-pin':
      twin.enterPin(input.pin, input.lock);
      return;
    case 'open-door':
      twin.doorActor(input.door).send({ type: 'PUSH' });
      return;
    case 'close-door':
      twin.doorActor(input.door).send({ type: 'CLOSE' });
      return;
    case 'force-door':
      twin.doorActor(input.door).send({ type: 'FORCE' });
      return;
    case 'hold-handle': {
      const door = twin.doorActor(input.door);
      door.send({ type: 'HANDLE_DOWN' });
      door.send({ type: 'PUSH' });
      twin.clock.schedule(input.durationMs, () => door.send({ type: 'HANDLE_UP' }));
      return;
    }
    case 'iq-internet':
      twin.iqActor(input.iq).send({ type: input.up ? 'CLOUD_UP' : 'CLOUD_DOWN' });
      if (input.up) twin.iqBackOnline(input.iq);
      return;
    case 'power':
      applyPower(twin, input.device, input.on);
      return;
    case 'interference': {
      const id = twin.nextInterferenceId();
      twin.interference.start({
        id,
        center: { x: input.x, y: input.y },
        radiusM: input.radiusM,
        lossProbability: input.lossProbability,
        untilMs: twin.clock.now() + input.durationMs,
      });
      twin.clock.schedule(input.durationMs, () => twin.interference.stop(id));
      return;
    }
    case 'battery':
      twin.lockActor(input.lock).send({ type: 'SET_BATTERY', level: input.level });
      return;
    case 'lock-clock':
      twin.lockActor(input.lock).send({ type: 'SET_CLOCK_OFFSET', offsetMs: input.offsetMs });
      return;
    case 'admin':
      twin.recordAdminOutcome(applyAdminAction(twin, input));
      return;
    case 'phone-internet':
      twin.phoneActor(input.phone).send({ type: 'SET_INTERNET', on: input.on });
      return;
  }
}

function applyPower(twin: Twin, deviceId: string, on: boolean): void {
  const repeater = twin.repeaterActor(deviceId);
  const event = { type: on ? ('POWER_ON' as const) : ('POWER_OFF' as const) };
  if (repeater !== undefined) {
    repeater.send(event);
    return;
  }
  twin.iqActor(deviceId).send(event);
  if (on) twin.iqBackOnline(deviceId);
}
