/**
 * The narrator: turns trace events into plain sentences with the site's local time — who opened which door,
 * what the locks refused and why, what the radio did. Routine radio traffic is summed up every ten virtual
 * minutes instead of told packet by packet.
 */
import {
  epochUtcIsoDefault,
  type SiteSpec,
  type TracedTwinEvent,
  type Twin,
  type TwinEvent,
  type TwinInput,
} from '../twin/index.ts';

const radioSummaryEveryMs = 600_000;

interface Names {
  readonly doorOfLock: ReadonlyMap<string, string>;
  readonly doorName: ReadonlyMap<string, string>;
  readonly userName: ReadonlyMap<string, string>;
  readonly ownerOfCredential: ReadonlyMap<string, string>;
}

function namesOf(spec: SiteSpec): Names {
  const doorName = new Map(spec.doors.map((door) => [door.id, door.name ?? door.id]));
  const userName = new Map(spec.users.map((user) => [user.id, user.name ?? user.id]));
  const ownerOfCredential = new Map<string, string>([
    ...spec.tags.map((tag): [string, string] => [tag.id, tag.user]),
    ...spec.phones.map((phone): [string, string] => [phone.id, phone.user]),
  ]);
  return {
    doorOfLock: new Map(spec.locks.map((lock) => [lock.id, doorName.get(lock.door) ?? lock.door])),
    doorName,
    userName,
    ownerOfCredential,
  };
}

/** Formats virtual time as the site's local wall time. */
export function localTimeFormatter(
  timeZone: string,
  epochIso: string = epochUtcIsoDefault,
): (tMs: number) => string {
  const epochMs = Date.parse(epochIso);
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  });
  return (tMs) => format.format(new Date(epochMs + tMs));
}

/** The kinds of event a harness repair shows up as (the device's own event for the input). */
const repairKinds: ReadonlySet<string> = new Set(['iq.cloud', 'iq.power', 'repeater.power', 'input']);

export class Narrator {
  private names: Names | undefined;
  private clockText: ((tMs: number) => string) | undefined;
  private radio = { packets: 0, retried: 0, lost: 0, nextSummaryMs: radioSummaryEveryMs };
  /** Devices whose power or internet a fault took away (a harness repair of any other device changed nothing). */
  private readonly down = new Set<string>();
  /** When the harness repaired every fault (see `harnessBegins`). */
  private harnessAtMs: number | undefined;

  constructor(private readonly write: (line: string) => void) {}

  attach(twin: Twin): void {
    this.names = namesOf(twin.spec);
    this.clockText = localTimeFormatter(twin.spec.timeZone, twin.spec.startsAtUtc);
  }

  record({ event, tMs }: TracedTwinEvent): void {
    if (this.names === undefined) return;
    if (tMs >= this.radio.nextSummaryMs) this.summarizeRadio(tMs);
    if (tMs === this.harnessAtMs && repairKinds.has(event.kind)) {
      this.sayRepair(tMs, event, this.names);
      return;
    }
    this.trackDown(event);
    const sentence = this.sentence(event, this.names);
    if (sentence !== undefined) this.say(tMs, sentence);
  }

  /**
   * The harness (not the run's steps) repairs every fault now, to see whether the site settles: its repairs are
   * told as the harness's, and a repair of a device no fault took down is not told at all (nothing happened).
   */
  harnessBegins(tMs: number): void {
    this.harnessAtMs = tMs;
    this.say(tMs, 'harness: the steps are over; the checker repairs every fault and lets the site settle');
  }

  private sayRepair(tMs: number, event: TwinEvent, names: Names): void {
    if (event.kind === 'input') {
      if (event.input.type === 'cloud-lag') this.say(tMs, "harness: the cloud's lag switched off");
      return;
    }
    if (!('device' in event) || !this.down.delete(event.device)) return;
    const sentence = this.sentence(event, names);
    if (sentence !== undefined) this.say(tMs, `harness: ${sentence}`);
  }

  private trackDown(event: TwinEvent): void {
    if (event.kind === 'iq.cloud') this.track(event.device, event.connected);
    else if (event.kind === 'iq.power' || event.kind === 'repeater.power') this.track(event.device, event.on);
  }

  private track(device: string, up: boolean): void {
    if (up) this.down.delete(device);
    else this.down.add(device);
  }

  private say(tMs: number, sentence: string): void {
    this.write(`${this.clockText?.(tMs) ?? tMs}  ${sentence}`);
  }

  private summarizeRadio(tMs: number): void {
    const { packets, retried, lost } = this.radio;
    if (packets > 0)
      this.say(
        this.radio.nextSummaryMs,
        `radio: ${packets} hops in the last 10 min, ${retried} needed retries, ${lost} lost`,
      );
    this.radio = {
      packets: 0,
      retried: 0,
      lost: 0,
      nextSummaryMs: (Math.floor(tMs / radioSummaryEveryMs) + 1) * radioSummaryEveryMs,
    };
  }

  private sentence(event: TwinEvent, names: Names): string | undefined {
    const doorOf = (lockId: string): string => names.doorOfLock.get(lockId) ?? lockId;
    const user = (userId: string | null | undefined): string =>
      typeof userId === 'string' ? (names.userName.get(userId) ?? userId) : 'someone';
    switch (event.kind) {
      case 'radio.hop':
        this.radio.packets++;
        if (event.tries > 1) this.radio.retried++;
        if (!event.ok) this.radio.lost++;
        return undefined;
      case 'lock.audit':
        return auditSentence(event.category, event.detail, doorOf(event.device), user(event.user));
      case 'door.stays-shut':
        return `${names.doorName.get(event.device) ?? event.device}: pushed, but the door stays locked`;
      case 'ble.tap': {
        const who = user(names.ownerOfCredential.get(event.device));
        const aimed = doorOf(event.aimed);
        if (event.taken === null) return `${who} taps a phone at ${aimed}: no lock picks it up`;
        const taken = doorOf(event.taken);
        return taken === aimed
          ? undefined
          : `${who} taps a phone at ${aimed}, but ${taken} picks it up first (${String(event.rssi)} dBm)`;
      }
      case 'iq.lock-offline':
        return `${event.device}: ${doorOf(event.lock)} is OFFLINE (${event.missed} heartbeats missed)`;
      case 'iq.lock-online':
        return `${event.device}: ${doorOf(event.lock)} is back online`;
      case 'iq.cloud':
        return event.connected
          ? `${event.device}: internet link restored`
          : `${event.device}: internet link LOST`;
      case 'iq.power':
      case 'repeater.power':
        return `${event.device}: power ${event.on ? 'on' : 'OFF'}`;
      case 'cloud.entries':
        return event.events > 1
          ? `cloud: ${event.events} buffered entries from ${doorOf(event.lock)} arrive`
          : undefined;
      case 'cloud.command':
        return `cloud: ${event.command} command to ${doorOf(event.device)} for ${user(event.user)}`;
      case 'admin.result':
        return event.code === null ? undefined : `admin: ${event.action} REFUSED (code ${event.code})`;
      case 'input':
        return event.input.type === 'admin'
          ? `admin: ${user(event.input.actor)} ${event.input.action}${argsText(event.input.args)}`
          : inputSentence(event.input, doorOf);
      default:
        return undefined;
    }
  }
}

function auditSentence(category: string, detail: string, door: string, user: string): string | undefined {
  switch (category) {
    case 'lock_opened':
      return detail === 'opened from inside'
        ? `${door}: opened from inside`
        : `${door}: opened for ${user} (${detail.replace('opened by ', '')})`;
    case 'lock_rejected':
      return `${door}: REFUSED (${detail})`;
    case 'not_closed':
      return `${door}: NOT CLOSED alert (${detail})`;
    case 'not_closed_cleared':
      return `${door}: NOT CLOSED cleared, the door is shut`;
    case 'intrusion':
      return `${door}: INTRUSION alert (${detail})`;
    case 'battery_low':
      return `${door}: battery alert (${detail})`;
    case 'manual_office_mode':
    case 'easy_office_mode': {
      const mode = category === 'easy_office_mode' ? 'Easy Office Mode' : 'Manual Office Mode';
      const on = detail.startsWith('office mode on');
      const why = /\((.*)\)$/.exec(detail)?.[1] ?? detail;
      return `${door}: ${mode} ${on ? 'ON' : 'OFF, locked'}${user === 'someone' ? '' : ` for ${user}`} (${why})`;
    }
    default:
      return `${door}: ${category} (${detail})`;
  }
}

/** An admin action's arguments as the story shows them: ids as they are, objects as short JSON. */
function argsText(args: readonly unknown[]): string {
  if (args.length === 0) return '';
  const text = args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
  return ` ${text.length > 120 ? `${text.slice(0, 119)}…` : text}`;
}

function inputSentence(input: TwinInput, doorOf: (lockId: string) => string): string | undefined {
  switch (input.type) {
    case 'cloud-lag':
      return input.lagMs === 0
        ? "fault: the cloud's lag is over"
        : `fault: the cloud lags ${input.lagMs / 1000} s behind for new guests`;
    case 'lock-clock':
      return `fault: the clock of ${doorOf(input.lock)} is ${input.offsetMs / 1000} s off`;
    case 'phone-internet':
      return `${input.phone}: mobile internet ${input.on ? 'back' : 'OFF'}`;
    case 'iq-internet':
      return undefined; // told by the IQ's own event
    case 'interference':
      return `fault: radio interference around (${input.x}, ${input.y}) for ${input.durationMs / 1000} s`;
    case 'battery':
      return `fault: battery of ${input.lock} drops to ${input.level}`;
    case 'force-door':
      return `someone forces ${input.door}`;
    default:
      return undefined;
  }
}
