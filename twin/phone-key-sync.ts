/**
 * The cloud → app route of digital keys: over the phone's own internet (mobile data or Wi-Fi), not through any
 * IQ. When the cloud issues, re-issues or takes away a phone's key (the core's `digitalKeysChanged` hook), it
 * pushes the key as it now is to that phone; when a phone's internet comes back, its app asks for its key and the
 * answer comes back the same way. A push that finds the phone offline is lost (the phone machine ignores it), so
 * the app learns what changed meanwhile from that request.
 *
 * Each change gets the next revision of that phone's key, and every message carries the key of the revision it
 * was sent at: the app keeps the newest it has seen (phone.machine.ts), so two pushes overtaking each other cannot
 * leave an older key on the phone.
 *
 * Latencies are drawn per phone from a stream of its own (`phones.sync:<id>`), so a key sync does not shift the
 * draws of any other device.
 */
import type { DigitalKey } from './cloud/model.ts';
import type { PhoneKey } from './devices/phone.machine.ts';
import type { DeviceRegistry } from './devices/registry.ts';
import type { VirtualClock } from './kernel/clock.ts';
import type { RandomStream, SeededRandom } from './kernel/rng.ts';

/**
 * One way between the cloud and an app over the phone's internet, a push or one leg of a request: a mobile push
 * arrives in a few hundred milliseconds, on a weak connection in a second or two.
 */
export const phoneSyncMsMin = 200;
export const phoneSyncMsMax = 1_500;

export interface PhoneKeySyncOptions {
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly registry: DeviceRegistry;
  /** The cloud's key of a phone right now (undefined: none, or the phone is gone from the cloud). */
  readonly keyOf: (phoneId: string) => DigitalKey | undefined;
}

export class PhoneKeySync {
  /** Per phone of the spec: the cloud's revision of its key (a change is the next). */
  private readonly revisions = new Map<string, number>();
  private readonly streams = new Map<string, RandomStream>();

  constructor(private readonly options: PhoneKeySyncOptions) {}

  /** The cloud changed these phones' keys: push each to its phone if that phone is online now. */
  changed(phoneIds: readonly string[]): void {
    for (const phoneId of phoneIds) {
      // A phone the cloud knows but the twin has no device for (registered during the run) has no app to tell.
      if (!this.options.registry.phones.has(phoneId)) continue;
      this.revisions.set(phoneId, this.revisionOf(phoneId) + 1);
      if (this.online(phoneId)) this.send(phoneId, this.delayMs(phoneId));
    }
  }

  /** The app asks for its key: the request goes up, the answer (the key as it is then) comes back down. */
  fetch(phoneId: string): void {
    const { clock } = this.options;
    clock.schedule(this.delayMs(phoneId), () => this.send(phoneId, this.delayMs(phoneId)));
  }

  /** Sends the key as it is now, at its current revision, to arrive after `delayMs`. */
  private send(phoneId: string, delayMs: number): void {
    const { clock, registry } = this.options;
    const revision = this.revisionOf(phoneId);
    const key = phoneKeyOf(this.options.keyOf(phoneId));
    clock.schedule(delayMs, () => registry.phone(phoneId).send({ type: 'KEY_SYNC', revision, key }));
  }

  private online(phoneId: string): boolean {
    return this.options.registry.phone(phoneId).getSnapshot().context.internet;
  }

  private revisionOf(phoneId: string): number {
    return this.revisions.get(phoneId) ?? 0;
  }

  private delayMs(phoneId: string): number {
    let stream = this.streams.get(phoneId);
    if (stream === undefined) {
      stream = this.options.random.stream(`phones.sync:${phoneId}`);
      this.streams.set(phoneId, stream);
    }
    return stream.int(phoneSyncMsMin, phoneSyncMsMax);
  }
}

/** What the app holds of a cloud key: its window. */
export function phoneKeyOf(key: DigitalKey | undefined): PhoneKey | undefined {
  return key === undefined
    ? undefined
    : { validFromUtcMs: key.validFromUtcMs, validUntilUtcMs: key.validUntilUtcMs };
}
