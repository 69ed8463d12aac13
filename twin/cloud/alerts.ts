/**
 * The cloud's alert board: the owner's pre-set alerts per door, raised and cleared by the entries locks upload.
 *
 * Each alert clears the way the real condition ends, never by anyone saying so, except intrusion: NOT CLOSED only
 * when the door is physically closed (the lock's 'not_closed_cleared' entry), low battery only when the lock reports
 * a fresh battery, a tamper alert only when the lock reports its tamper sensor restored ('tamper_cleared': the lock
 * is whole again), and an intrusion (a door forced open) stays until someone acknowledges it, since nothing on the
 * door can tell that it has been dealt with. At most one alert per door and kind is active: a lock that reports the
 * same condition again (or uploads a batch twice) does not raise a second one.
 *
 * Alerts are immutable values; clearing one replaces it in the active set and in the history with a copy that has
 * `clearedUtcMs`, so an alert a caller already holds never changes under it.
 *
 * The history is retained like the entries (retained-log.ts): at most `alertsMax` alerts, none raised more than
 * 90 days before the newest; an active alert stays on the board even when its history slot has left.
 */
import type { DoorAlerts } from './model.ts';
import { RetainedLog, retentionMsDefault } from './retained-log.ts';

export const alertKinds = ['not_closed', 'intrusion', 'low_battery', 'tamper'] as const;
export type AlertKind = (typeof alertKinds)[number];

export interface Alert {
  readonly lockId: string;
  readonly kind: AlertKind;
  /** When the condition began, by the lock's clock (the entry's original time, even when uploaded late). */
  readonly raisedUtcMs: number;
  readonly clearedUtcMs: number | undefined;
  readonly detail: string;
}

/** What the board needs of an entry from the entries log. */
export interface AlertEntry {
  readonly lockId: string;
  readonly category: string;
  readonly detail: string;
  readonly atUtcMs: number;
}

/** Alerts kept in the history; past this the oldest are dropped (active ones stay on the board) and counted. */
export const alertsMaxDefault = 10_000;

/** Battery levels as the alert names them; a lock's entry detail says `battery low` or `battery very-low`. */
function batteryDetail(entryDetail: string): string {
  return /very/i.test(entryDetail) ? 'battery very low' : 'battery low';
}

function alertKey(lockId: string, kind: AlertKind): string {
  return `${lockId}\u0000${kind}`;
}

export class AlertBoard {
  /** In the order raised (replacing a value keeps its place). */
  private readonly activeByKey = new Map<string, Alert>();
  /** Where each active alert sits in the history, as an absolute index (counting dropped ones). */
  private readonly historyIndexByKey = new Map<string, number>();
  private readonly disabledKeys = new Set<string>();
  private readonly raised: RetainedLog<Alert>;

  constructor(alertsMax: number = alertsMaxDefault, retentionMs: number = retentionMsDefault) {
    if (!Number.isSafeInteger(alertsMax) || alertsMax < 1)
      throw new RangeError(`alertsMax must be a positive integer, got ${alertsMax}`);
    this.raised = new RetainedLog<Alert>({
      countMax: alertsMax,
      retentionMs,
      timeMsOf: (alert) => alert.raisedUtcMs,
    });
  }

  /**
   * Switches one alert kind on or off for a door (all are on by default). Switching off stops new alerts; one
   * already active stays until its condition ends, because it still describes a real door.
   */
  setEnabled(lockId: string, kind: AlertKind, enabled: boolean): void {
    if (enabled) this.disabledKeys.delete(alertKey(lockId, kind));
    else this.disabledKeys.add(alertKey(lockId, kind));
  }

  /** Applies a lock's alert settings from the cloud model in one call. */
  setDoorAlerts(lockId: string, alerts: DoorAlerts): void {
    this.setEnabled(lockId, 'not_closed', alerts.notClosed);
    this.setEnabled(lockId, 'intrusion', alerts.intrusion);
    this.setEnabled(lockId, 'low_battery', alerts.lowBattery);
  }

  isEnabled(lockId: string, kind: AlertKind): boolean {
    return !this.disabledKeys.has(alertKey(lockId, kind));
  }

  /**
   * Feeds one entry; returns the alert it raised, cleared or changed (a low battery becoming very low), or
   * undefined when it changed nothing (other categories, a repeat, a disabled kind, nothing to clear).
   */
  onEntry(entry: AlertEntry): Alert | undefined {
    switch (entry.category) {
      case 'not_closed':
        return this.raise(entry, 'not_closed', entry.detail === '' ? 'door not closed' : entry.detail);
      case 'not_closed_cleared':
        return this.clear(entry.lockId, 'not_closed', entry.atUtcMs);
      case 'intrusion':
        return this.raise(
          entry,
          'intrusion',
          entry.detail === '' ? 'door opened without an opening' : entry.detail,
        );
      case 'battery_low':
        return this.raiseOrUpdateBattery(entry);
      case 'battery_fresh':
      case 'battery_replaced':
        return this.clear(entry.lockId, 'low_battery', entry.atUtcMs);
      // The tamper sensor (devices/tamper.ts): tripped, then restored. No per-door switch: it is always on.
      case 'tamper':
        return this.raise(entry, 'tamper', entry.detail === '' ? 'lock tampered with' : entry.detail);
      case 'tamper_cleared':
        return this.clear(entry.lockId, 'tamper', entry.atUtcMs);
      default:
        return undefined;
    }
  }

  /**
   * Someone has dealt with an intrusion: clears it. NOT CLOSED and low battery describe the door's state right now,
   * so acknowledging them changes nothing (returns undefined); they clear when the door closes or the battery is
   * replaced.
   */
  acknowledge(lockId: string, kind: AlertKind, atUtcMs: number): Alert | undefined {
    if (kind !== 'intrusion') return undefined;
    return this.clear(lockId, kind, atUtcMs);
  }

  /** Active alerts in the order raised; one door's when given. */
  active(lockId?: string): readonly Alert[] {
    const alerts = [...this.activeByKey.values()];
    return lockId === undefined ? alerts : alerts.filter((alert) => alert.lockId === lockId);
  }

  /** Every alert raised, oldest first, cleared ones with their clearing time; bounded by `alertsMax` and age. */
  history(): readonly Alert[] {
    return this.raised.all();
  }

  /** Alerts no longer in the history (it was full, or they were raised more than the retention ago). */
  get dropped(): number {
    return this.raised.firstIndex;
  }

  private raise(entry: AlertEntry, kind: AlertKind, detail: string): Alert | undefined {
    const key = alertKey(entry.lockId, kind);
    if (this.disabledKeys.has(key) || this.activeByKey.has(key)) return undefined;
    const alert: Alert = {
      lockId: entry.lockId,
      kind,
      raisedUtcMs: entry.atUtcMs,
      clearedUtcMs: undefined,
      detail,
    };
    this.activeByKey.set(key, alert);
    this.historyIndexByKey.set(key, this.raised.nextIndex);
    this.raised.append(alert);
    return alert;
  }

  /** Low battery is one alert per door; a change of level updates its detail rather than raising another. */
  private raiseOrUpdateBattery(entry: AlertEntry): Alert | undefined {
    const key = alertKey(entry.lockId, 'low_battery');
    const detail = batteryDetail(entry.detail);
    const current = this.activeByKey.get(key);
    if (current === undefined) return this.raise(entry, 'low_battery', detail);
    if (this.disabledKeys.has(key) || current.detail === detail) return undefined;
    return this.replace(key, { ...current, detail });
  }

  private clear(lockId: string, kind: AlertKind, atUtcMs: number): Alert | undefined {
    const key = alertKey(lockId, kind);
    const current = this.activeByKey.get(key);
    if (current === undefined) return undefined;
    const cleared = this.replace(key, { ...current, clearedUtcMs: atUtcMs });
    this.activeByKey.delete(key);
    this.historyIndexByKey.delete(key);
    return cleared;
  }

  /** Puts a new value for an active alert on the board and in its history slot (if not dropped yet). */
  private replace(key: string, alert: Alert): Alert {
    this.activeByKey.set(key, alert);
    const index = this.historyIndexByKey.get(key);
    if (index !== undefined) this.raised.replaceAt(index, alert);
    return alert;
  }
}
