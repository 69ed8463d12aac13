/**
 * The tracks of a Perfetto trace, laid out from the site: one process per IQ holding the IQ, its repeaters and
 * its locks (each lock followed by its door), then the phones; the harness (inputs without a device, invariant
 * violations) and the cloud come first. Everything is sorted by id, so the same site always gets the same pids,
 * tids and order. A device the site does not name (it should not happen) gets a track in "other" when first seen.
 */
import type { SiteSpec } from '../../twin/index.ts';
import type { PerfettoMetadataEvent, PerfettoTrack } from './perfetto-event.ts';

/** Tracks made for devices the site does not name; past this, they share one overflow track. */
const unknownTracksMax = 1_000;

interface ProcessLayout {
  readonly name: string;
  readonly threads: readonly string[];
  /** A thread's shown name, when it is not its id. */
  readonly label?: ReadonlyMap<string, string>;
}

const byId = <T extends { readonly id: string }>(items: readonly T[]): T[] =>
  [...items].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));

const named = (id: string, name: string | undefined): string =>
  name === undefined || name === id ? id : `${id} · ${name}`;

/**
 * Threads that are not devices, keyed with a `#` (no device id has one): the harness's inputs without a device and
 * its invariant violations, the cloud core and the admin actions done in it.
 */
export const serviceThreads = {
  inputs: '#inputs',
  invariants: '#invariants',
  cloud: '#cloud',
  admin: '#admin',
} as const;
const overflowThread = '#other devices';
const otherProcessName = 'other';

function iqProcess(spec: SiteSpec, iq: SiteSpec['iqs'][number]): ProcessLayout {
  const doorName = new Map(spec.doors.map((door) => [door.id, door.name]));
  const label = new Map<string, string>([[iq.id, named(iq.id, iq.name)]]);
  const threads = [
    iq.id,
    ...byId(spec.repeaters.filter((repeater) => repeater.iq === iq.id)).map((r) => r.id),
  ];
  for (const lock of byId(spec.locks.filter((candidate) => candidate.iq === iq.id))) {
    label.set(lock.id, named(lock.id, lock.name));
    label.set(lock.door, named(lock.door, doorName.get(lock.door)));
    threads.push(lock.id, lock.door);
  }
  return { name: named(`IQ ${iq.id}`, iq.name), threads, label };
}

function siteProcesses(spec: SiteSpec): ProcessLayout[] {
  const doorsOfLocks = new Set(spec.locks.map((lock) => lock.door));
  const loneDoors = byId(spec.doors.filter((door) => !doorsOfLocks.has(door.id)));
  return [
    { name: 'lockstep', threads: [serviceThreads.inputs, serviceThreads.invariants] },
    { name: 'cloud', threads: [serviceThreads.cloud, serviceThreads.admin] },
    ...byId(spec.iqs).map((iq) => iqProcess(spec, iq)),
    {
      name: 'phones',
      threads: byId(spec.phones).map((phone) => phone.id),
      label: new Map(spec.phones.map((phone) => [phone.id, named(phone.id, phone.user)])),
    },
    {
      name: otherProcessName,
      threads: loneDoors.map((door) => door.id),
      label: new Map(loneDoors.map((door) => [door.id, named(door.id, door.name)])),
    },
  ];
}

export class PerfettoTracks {
  private readonly byThread = new Map<string, PerfettoTrack>();
  private readonly byTidMap = new Map<number, PerfettoTrack>();
  private readonly metadata: PerfettoMetadataEvent[] = [];
  /** Metadata of tracks made since the last `takeNewMetadata`. */
  private fresh: PerfettoMetadataEvent[] = [];
  private readonly otherPid: number;
  private nextTid: number;
  private nextOtherSortIndex = 0;
  private unknownTracks = 0;

  constructor(spec: SiteSpec) {
    const processes = siteProcesses(spec);
    // pids count from 1, tids from past the last pid, so no thread is mistaken for a process's main thread.
    this.otherPid = processes.length;
    this.nextTid = processes.length + 1;
    processes.forEach((process, index) => this.declareProcess(process, index + 1));
    this.fresh = [];
  }

  /** Names and order of every process and thread declared so far. */
  declared(): readonly PerfettoMetadataEvent[] {
    return this.metadata;
  }

  hasNewMetadata(): boolean {
    return this.fresh.length > 0;
  }

  byTid(tid: number): PerfettoTrack | undefined {
    return this.byTidMap.get(tid);
  }

  /** The metadata of tracks made for unknown devices since the last call (to be written with the events). */
  takeNewMetadata(): PerfettoMetadataEvent[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  /** A harness, cloud or device thread's track; an unknown device gets one in "other". */
  track(thread: string): PerfettoTrack {
    const known = this.byThread.get(thread);
    if (known !== undefined) return known;
    if (this.unknownTracks >= unknownTracksMax) return this.track(overflowThread);
    if (thread !== overflowThread) this.unknownTracks += 1;
    return this.declareThread(this.otherPid, thread, this.nextOtherSortIndex++);
  }

  private declareProcess(process: ProcessLayout, pid: number): void {
    this.metadata.push(
      { name: 'process_name', ph: 'M', pid, args: { name: process.name } },
      { name: 'process_sort_index', ph: 'M', pid, args: { sort_index: pid } },
    );
    process.threads.forEach((thread, index) => {
      // A door shared by two locks is shown once, with the first.
      if (!this.byThread.has(thread)) this.declareThread(pid, thread, index, process.label?.get(thread));
    });
    if (pid === this.otherPid) this.nextOtherSortIndex = process.threads.length;
  }

  private declareThread(pid: number, thread: string, sortIndex: number, label?: string): PerfettoTrack {
    const track = { pid, tid: this.nextTid++, name: label ?? thread.replace(/^#/, '') };
    this.byThread.set(thread, track);
    this.byTidMap.set(track.tid, track);
    const events: PerfettoMetadataEvent[] = [
      { name: 'thread_name', ph: 'M', pid, tid: track.tid, args: { name: track.name } },
      { name: 'thread_sort_index', ph: 'M', pid, tid: track.tid, args: { sort_index: sortIndex } },
    ];
    this.metadata.push(...events);
    this.fresh.push(...events);
    return track;
  }
}
