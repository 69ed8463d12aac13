/**
 * The narrator: turns trace events into plain sentences with the site's local time — who opened which door,
 * what the locks refused and why, what the radio did. Routine radio traffic is summed up every ten virtual
 * minutes instead of told packet by packet.
 */
import { epochUtcIsoDefault, type SiteSpec, type TraceRecord, type Twin } from '../twin/index.ts';

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

  record(record: TraceRecord): void {
    if (this.names === undefined) return;
    if (record.tMs >= this.radio.nextSummaryMs) this.summarizeRadio(record.tMs);
    const sentence = this.sentence(record, this.names);
    if (sentence !== undefined) this.say(record.tMs, sentence);
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

  private sentence(record: TraceRecord, names: Names): string | undefined {
    const fields = record.fields ?? {};
    const device = record.device ?? '';
    const door = names.doorOfLock.get(device) ?? device;
    const user = (userId: unknown): string =>
      typeof userId === 'string' ? (names.userName.get(userId) ?? userId) : 'someone';
    switch (record.kind) {
      case 'radio.hop':
        this.radio.packets++;
        if (typeof fields.tries === 'number' && fields.tries > 1) this.radio.retried++;
        if (fields.ok === false) this.radio.lost++;
        return undefined;
      case 'lock.audit':
        return auditSentence(String(fields.category), String(fields.detail), door, user(fields.user));
      case 'door.stays-shut':
        return `${names.doorName.get(device) ?? device}: pushed, but the door stays locked`;
      case 'ble.tap': {
        const who = user(names.ownerOfCredential.get(device));
        const aimed = names.doorOfLock.get(String(fields.aimed)) ?? String(fields.aimed);
        if (fields.taken === null) return `${who} taps a phone at ${aimed}: no lock picks it up`;
        const taken = names.doorOfLock.get(String(fields.taken)) ?? String(fields.taken);
        return taken === aimed
          ? undefined
          : `${who} taps a phone at ${aimed}, but ${taken} picks it up first (${String(fields.rssi)} dBm)`;
      }
      case 'iq.lock-offline':
        return `${device}: ${names.doorOfLock.get(String(fields.lock)) ?? String(fields.lock)} is OFFLINE (${String(fields.missed)} heartbeats missed)`;
      case 'iq.lock-online':
        return `${device}: ${names.doorOfLock.get(String(fields.lock)) ?? String(fields.lock)} is back online`;
      case 'iq.cloud':
        return fields.connected === true
          ? `${device}: internet link restored`
          : `${device}: internet link LOST`;
      case 'iq.power':
      case 'repeater.power':
        return `${device}: power ${fields.on === true ? 'on' : 'OFF'}`;
      case 'radio.dropped':
        return fields.reason === 'receiver-down' || fields.reason === 'sender-down'
          ? undefined
          : `radio: ${String(fields.msg)} dropped at ${device}`;
      case 'cloud.entries':
        return typeof fields.events === 'number' && fields.events > 1
          ? `cloud: ${fields.events} buffered entries from ${names.doorOfLock.get(String(fields.lock)) ?? String(fields.lock)} arrive`
          : undefined;
      case 'input':
        return inputSentence(fields);
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

function inputSentence(fields: Readonly<Record<string, unknown>>): string | undefined {
  switch (fields.type) {
    case 'iq-internet':
      return undefined; // told by the IQ's own event
    case 'interference':
      return `fault: radio interference around (${String(fields.x)}, ${String(fields.y)}) for ${Number(fields.durationMs) / 1000} s`;
    case 'battery':
      return `fault: battery of ${String(fields.lock)} drops to ${String(fields.level)}`;
    case 'force-door':
      return `someone forces ${String(fields.door)}`;
    default:
      return undefined;
  }
}
