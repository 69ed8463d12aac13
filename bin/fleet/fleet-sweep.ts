/**
 * A fleet sweep's names and its record in Redis. Each sweep has its own BullMQ queue (`fleet-<name>`, keys under
 * the `lockstep` prefix), whose jobs are the sweep's chunks: contiguous run-index ranges, job id
 * `<name>.<chunk index>`, so that starting a sweep twice finds its jobs already there (BullMQ adds a job id once).
 * Beside the queue's own keys, the record says what the sweep is (its identity, chunk size, whether a failure
 * stops it), and a second key says that a failure stopped it. Anything read back from Redis is validated: it
 * is input from outside like a file.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { checkModes, sweepRunsMax, type SweepIdentity } from '../../scenarios/index.ts';
import { BadInputError } from '../exit-codes.ts';

/** BullMQ's key prefix for every fleet queue. */
export const fleetPrefix = 'lockstep';
const sweepNameDefault = 'default';
export const sweepRecordFormat = 'lockstep-fleet-sweep';

/** Runs per chunk by default: few Redis round trips per run, yet enough chunks to spread over the workers. */
export const chunkRunsDefault = 10;
export const chunkRunsMax = 10_000;
/**
 * Chunks one sweep may have: every completed chunk keeps its result (with its coverage tally) in Redis until
 * the report reads them all, so the count is bounded; a bigger sweep takes bigger chunks.
 */
const chunksMax = 10_000;

const sweepNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface FleetSweep {
  readonly format: typeof sweepRecordFormat;
  readonly version: 1;
  readonly name: string;
  readonly sweep: SweepIdentity;
  readonly chunkRuns: number;
  readonly chunks: number;
  readonly stopOnFailure: boolean;
}

/** Why a sweep stopped before its end: the first failure a worker found, when it stops the sweep. */
export interface FleetStop {
  readonly runIndex: number;
  readonly invariant: string;
}

/** `--name`: letters, digits, `-` and `_` (it becomes part of Redis keys and job ids), at most 64. */
export function parseSweepName(text: string | undefined): string {
  const name = text ?? sweepNameDefault;
  if (!sweepNamePattern.test(name))
    throw new BadInputError(
      `--name must be 1 to 64 letters, digits, "-" or "_" (starting with a letter or digit), got "${name}"`,
    );
  return name;
}

export const queueNameOf = (name: string): string => `fleet-${name}`;

/** A chunk's job id: the sweep's name and the chunk's index (not a bare number: BullMQ refuses those). */
export const chunkJobId = (name: string, chunk: number): string => `${name}.${chunk}`;

const recordKey = (name: string): string => `${fleetPrefix}:${queueNameOf(name)}:lockstep-sweep`;
const stopKey = (name: string): string => `${fleetPrefix}:${queueNameOf(name)}:lockstep-stopped`;

/** The run indices of a chunk, half-open. */
export function chunkRange(record: FleetSweep, chunk: number): [number, number] {
  if (!Number.isInteger(chunk) || chunk < 0 || chunk >= record.chunks)
    throw new Error(`chunk ${chunk} is not one of the sweep's ${record.chunks} chunks`);
  const start = chunk * record.chunkRuns;
  return [start, Math.min(start + record.chunkRuns, record.sweep.runs)];
}

export function fleetSweepOf(options: {
  readonly name: string;
  readonly sweep: SweepIdentity;
  readonly chunkRuns: number;
  readonly stopOnFailure: boolean;
}): FleetSweep {
  const chunks = Math.ceil(options.sweep.runs / options.chunkRuns);
  if (chunks > chunksMax)
    throw new BadInputError(
      `${options.sweep.runs} runs in chunks of ${options.chunkRuns} make ${chunks} chunks, more than ${chunksMax}: take a bigger --chunk`,
    );
  return {
    format: sweepRecordFormat,
    version: 1,
    name: options.name,
    sweep: options.sweep,
    chunkRuns: options.chunkRuns,
    chunks,
    stopOnFailure: options.stopOnFailure,
  };
}

const recordSchema = z.strictObject({
  format: z.literal(sweepRecordFormat),
  version: z.literal(1),
  name: z.string().regex(sweepNamePattern),
  sweep: z.strictObject({
    seed: z
      .number()
      .int()
      .min(-(2 ** 31))
      .max(2 ** 31 - 1),
    runs: z.number().int().min(1).max(sweepRunsMax),
    steps: z.number().int().min(1).max(100_000),
    mode: z.enum(checkModes),
    defects: z.array(z.string().max(200)).max(100),
  }),
  chunkRuns: z.number().int().min(1).max(chunkRunsMax),
  chunks: z.number().int().min(1).max(chunksMax),
  stopOnFailure: z.boolean(),
});

const stopSchema = z.strictObject({
  runIndex: z.number().int().min(0).max(sweepRunsMax),
  invariant: z.string().max(200),
});

/** Bytes a record or stop note may have in Redis (they are a few hundred). */
const storedBytesMax = 64 * 1024;

function parseStored<T>(text: string, schema: z.ZodType<T>, what: string): T {
  if (text.length > storedBytesMax)
    throw new BadInputError(`${what} in Redis is too big (${text.length} bytes)`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadInputError(`${what} in Redis is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(
      `${what} in Redis is not one lockstep wrote (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`,
    );
  }
  return parsed.data;
}

export async function readSweepRecord(client: Redis, name: string): Promise<FleetSweep | undefined> {
  const text = await client.get(recordKey(name));
  if (text === null) return undefined;
  const record = parseStored(text, recordSchema, `the record of sweep "${name}"`) as FleetSweep;
  if (record.name !== name)
    throw new BadInputError(`the record of sweep "${name}" names another sweep ("${record.name}")`);
  if (record.chunks !== Math.ceil(record.sweep.runs / record.chunkRuns))
    throw new BadInputError(`the record of sweep "${name}" has a chunk count that does not fit its runs`);
  return record;
}

/** The record of a sweep that must exist (`work`, `status`, `report`). */
export async function requireSweepRecord(client: Redis, name: string, url: string): Promise<FleetSweep> {
  const record = await readSweepRecord(client, name);
  if (record === undefined)
    throw new BadInputError(
      `no fleet sweep named "${name}" at ${url} (start one with: lockstep fleet start --redis URL --name ${name} …)`,
      { code: 'unknown-name' },
    );
  return record;
}

/** Stores the record unless one is there; answers the one that is there (written now or before). */
export async function storeSweepRecord(
  client: Redis,
  record: FleetSweep,
): Promise<{ readonly stored: FleetSweep; readonly created: boolean }> {
  const created = (await client.set(recordKey(record.name), JSON.stringify(record), 'NX')) === 'OK';
  const stored = await readSweepRecord(client, record.name);
  if (stored === undefined)
    throw new Error(`the record of sweep "${record.name}" vanished after it was stored`);
  return { stored, created };
}

/** Notes the failure that stops the sweep; the first note wins. */
export async function noteSweepStop(client: Redis, name: string, stop: FleetStop): Promise<void> {
  await client.set(stopKey(name), JSON.stringify(stop), 'NX');
}

export async function readSweepStop(client: Redis, name: string): Promise<FleetStop | undefined> {
  const text = await client.get(stopKey(name));
  return text === null ? undefined : parseStored(text, stopSchema, `the stop note of sweep "${name}"`);
}
