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

export class Narrator {
  private names: Names | undefined;
  private clockText: ((tMs: number) => string) | undefined;
  private radio = { packets: 0, retried: 0, lost: 0, nextSummaryMs: radioSummaryEveryMs };

  constructor(private readonly write: (line: string) => void) {}

  attach(twin: Twin): void {
    this.names = namesOf(twin.spec);
    this.clockText = localTimeFormatter(twin.spec.timeZone, twin.spec.startsAtUtc);
  }

  record({ event, tMs }: TracedTwinEvent): void {
    if (this.names === undefined) return;
    if (tMs >= this.radio.nextSummaryMs) this.summarizeRadio(tMs);
    const sentence = this.sentence(event, this.names);
    if (sentence !== undefined) this.say(tMs, sentence);
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
      case 'input':
        return inputSentence(event.input);
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

function inputSentence(input: TwinInput): string | undefined {
  switch (input.type) {
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
