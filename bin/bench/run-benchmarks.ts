/** `lockstep bench`: the benchmark figures the project's speed and memory targets are judged by. */
import { runCampusDay, measureCampusHeap } from './campus-day.ts';
import { runClockRace } from './clock-race.ts';

export interface Benchmark {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface BenchOptions {
  /** Simulated span of the campus run (a day unless shortened for a quick look). */
  readonly campusSimulatedMs?: number;
  readonly clockRaceActors?: number;
  readonly progress?: (message: string) => void;
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function runBenchmarks(options: BenchOptions = {}): Benchmark[] {
  const progress = options.progress ?? (() => undefined);
  progress('heap per device: building campus…');
  const heap = measureCampusHeap();
  progress('campus day: simulating…');
  const day = runCampusDay(
    options.campusSimulatedMs === undefined ? {} : { simulatedMs: options.campusSimulatedMs },
  );
  progress('clock race: our clock vs xstate SimulatedClock…');
  const race = runClockRace(options.clockRaceActors === undefined ? {} : { actors: options.clockRaceActors });
  return [
    { name: 'campus-day-wall-s', value: round(day.wallS, 2), unit: 's' },
    { name: 'events-per-s', value: Math.round(day.events / day.wallS), unit: 'events/s' },
    { name: 'speedup-vs-realtime', value: Math.round(day.simulatedMs / 1000 / day.wallS), unit: 'x' },
    { name: 'speedup-vs-xstate-simulated-clock', value: round(race.speedup, 1), unit: 'x' },
    { name: 'heap-bytes-per-device', value: heap.heapBytesPerDevice, unit: 'bytes' },
  ];
}
