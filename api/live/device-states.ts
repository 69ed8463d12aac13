/**
 * Device states for deltas: which lock, IQ or repeater entry of the snapshot (or the alert list) changed, told
 * as soon as it changes. It observes the device actors themselves (an XState observer runs once the actor's
 * transition is complete, so the state read is settled; trace events are recorded mid-transition), compares the
 * device's snapshot entry with the last one told, and reports only real changes. Observing reads state and never
 * sends anything, so the twin runs the same with or without it. While nobody is subscribed it does no work and
 * rebuilds its memory from a fresh snapshot when someone subscribes again.
 */
import type { AlertState, IqState, LiveTwin, LockState, RepeaterState } from '../live-twin.ts';

export type DeviceDelta =
  | { readonly collection: 'locks'; readonly device: string; readonly state: LockState }
  | { readonly collection: 'iqs'; readonly device: string; readonly state: IqState }
  | { readonly collection: 'repeaters'; readonly device: string; readonly state: RepeaterState }
  | {
      readonly collection: 'alerts';
      readonly device: 'alerts';
      readonly state: { readonly alerts: readonly AlertState[] };
    };

export class DeviceStates {
  /** The JSON of each entry as last told, by `collection:id`. */
  private readonly told = new Map<string, string>();
  /** Each lock's `online` as last seen (the IQ's view, which changes with the IQ's state, not the lock's). */
  private readonly onlineSeen = new Map<string, boolean>();
  private readonly locksOfIq = new Map<string, string[]>();
  private readonly subscriptions: (() => void)[] = [];
  private active = false;
  private stale = true;

  constructor(
    private readonly live: LiveTwin,
    private readonly onDelta: (delta: DeviceDelta) => void,
    private readonly onFault: (error: unknown) => void = () => {},
  ) {
    for (const lock of live.spec.locks) {
      const locks = this.locksOfIq.get(lock.iq) ?? [];
      locks.push(lock.id);
      this.locksOfIq.set(lock.iq, locks);
    }
    const twin = live.twin;
    for (const lock of live.spec.locks)
      this.subscriptions.push(
        twin.onDeviceChange(lock.id, () => this.guard(() => this.lockChanged(lock.id))),
      );
    for (const iq of live.spec.iqs)
      this.subscriptions.push(twin.onDeviceChange(iq.id, () => this.guard(() => this.iqChanged(iq.id))));
    for (const repeater of live.spec.repeaters)
      this.subscriptions.push(
        twin.onDeviceChange(repeater.id, () => this.guard(() => this.repeaterChanged(repeater.id))),
      );
  }

  /** Starts or stops telling changes; starting after a pause first takes in the current state, untold. */
  setActive(active: boolean): void {
    if (active && this.stale) this.rebuild();
    this.active = active;
  }

  /** Tells an alert-list change, if any (after new entries, and now and then for changes made outside the kernel). */
  checkAlerts(): void {
    if (!this.active) return;
    this.guard(() => {
      const alerts = this.live.alerts();
      if (this.remember('alerts:alerts', alerts))
        this.onDelta({ collection: 'alerts', device: 'alerts', state: { alerts } });
    });
  }

  close(): void {
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    this.active = false;
  }

  private rebuild(): void {
    this.told.clear();
    const snapshot = this.live.snapshot();
    for (const lock of snapshot.locks) {
      this.told.set(`locks:${lock.id}`, JSON.stringify(lock));
      this.onlineSeen.set(lock.id, lock.online);
    }
    for (const iq of snapshot.iqs) this.told.set(`iqs:${iq.id}`, JSON.stringify(iq));
    for (const repeater of snapshot.repeaters)
      this.told.set(`repeaters:${repeater.id}`, JSON.stringify(repeater));
    this.told.set('alerts:alerts', JSON.stringify(snapshot.alerts));
    this.stale = false;
  }

  /** Whether `state` differs from what was last told under `key` (and remembers it). */
  private remember(key: string, state: unknown): boolean {
    const json = JSON.stringify(state);
    if (this.told.get(key) === json) return false;
    this.told.set(key, json);
    return true;
  }

  private lockChanged(lockId: string): void {
    if (!this.telling()) return;
    const state = this.live.lockState(lockId);
    this.onlineSeen.set(lockId, state.online);
    if (this.remember(`locks:${lockId}`, state)) this.onDelta({ collection: 'locks', device: lockId, state });
  }

  private iqChanged(iqId: string): void {
    if (!this.telling()) return;
    const state = this.live.iqState(iqId);
    if (this.remember(`iqs:${iqId}`, state)) this.onDelta({ collection: 'iqs', device: iqId, state });
    // A lock's `online` is the IQ's view of it: check only the flag here, the whole entry only when it moved.
    for (const lockId of this.locksOfIq.get(iqId) ?? []) {
      if (this.live.twin.lockOnline(lockId) !== this.onlineSeen.get(lockId)) this.lockChanged(lockId);
    }
  }

  private repeaterChanged(repeaterId: string): void {
    if (!this.telling()) return;
    const state = this.live.repeaterState(repeaterId);
    if (this.remember(`repeaters:${repeaterId}`, state))
      this.onDelta({ collection: 'repeaters', device: repeaterId, state });
  }

  /** True when changes are being told; otherwise notes that the memory is out of date. */
  private telling(): boolean {
    if (!this.active) this.stale = true;
    return this.active;
  }

  /** An observer must never throw into the twin's run. */
  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.onFault(error);
    }
  }
}
