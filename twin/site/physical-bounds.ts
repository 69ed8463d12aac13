/**
 * The documented limits on everything a site spec, an input, a command or a file may say: positions, durations,
 * counts, lengths and nesting. They are physical where the world sets them (a site fits in 10 km, a run lasts
 * days, not centuries) and generous elsewhere (far above any real site, low enough that no value can exhaust
 * memory, overflow arithmetic or keep a run going forever). The zod schemas of the spec (`spec.ts`) and of the
 * inputs (`inputs/input-schema.ts`) are built from these, so every entry point (files, the CLI, REST, the live
 * protocol) refuses the same values with the same message and the path of the field.
 *
 * Why positions are bounded and not only finite: distances are computed as `hypot(dx, dy)`; two coordinates of
 * 1.8e308 are finite, but their distance is Infinity and the radio's path loss becomes -Infinity, which no
 * trace line (canonical JSON) can hold.
 */
import { z } from 'zod';

/** A coordinate is within this many metres of the site's origin (|x|, |y| ≤ 10 km). */
export const positionAbsMaxM = 10_000;

/** One virtual day, the unit the run limits are written in. */
const dayMs = 86_400_000;
/**
 * The longest virtual span of one run, and so of every duration in a file or a flag (`until`, an input's `at`,
 * an expectation's time): 100 days, longer than the entries' 90-day retention (so a run can show it) and the
 * 60-day soak, while a number like `1e308` or `365d` is refused instead of running until killed.
 */
export const runMsMax = 100 * dayMs;
/** A duration written as text (`1h30m`) has at most this many characters. */
export const durationCharsMax = 64;

/** Devices and people a site may have: the campus generator's ceiling (1,024 IQs, 100,000 users) and the radio
 * limits per IQ (16 locks, 6 repeaters). */
export const siteCountsMax = {
  iqs: 1_024,
  repeaters: 1_024 * 6,
  locks: 1_024 * 16,
  doors: 1_024 * 16,
  users: 100_000,
  /** A user may hold a few tags and phones (a lost tag replaced, a work and a private phone). */
  tags: 200_000,
  phones: 200_000,
  accessGroups: 10_000,
  pods: 10_000,
  /** Time windows of one access group, one lock's EOM or one notification rule. */
  schedules: 64,
  /** Defects switched on at once (there are far fewer than this). */
  defects: 64,
} as const;

/** Lengths of free text: names, descriptions, emails, time-zone names and labels. */
export const textCharsMax = {
  name: 200,
  description: 2_000,
  /** RFC 5321's limit on an address. */
  email: 254,
  timeZone: 64,
  /** Ids that name a device or a person in an input (a spec's own ids are 1–64 characters). */
  reference: 200,
  label: 200,
} as const;

/** Radio calibration a spec may set: within what a BLE radio can be (dBm). */
export const radioBounds = {
  txPowerAt1mDbmMin: -100,
  txPowerAt1mDbmMax: 20,
  sensitivityDbmMin: -130,
  sensitivityDbmMax: -30,
} as const;

/**
 * Arrays and objects nested in one JSON document (a file, a request body, a live frame): the deepest real one
 * (a failure file's input arguments holding a schedule) is under 10 levels.
 */
export const jsonDepthMax = 64;
/** Nesting inside one admin input's `args` (an access group with schedules is 3 levels deep). */
export const adminArgsDepthMax = 16;
/** Bytes of one file the CLI reads (scenario, site, failure file), checked before it is read. */
export const fileBytesMax = 16 * 1024 * 1024;

/** A coordinate in metres: finite and within `positionAbsMaxM` of the origin. */
export const coordinateMSchema = z.number().min(-positionAbsMaxM).max(positionAbsMaxM);
