/**
 * The scenario file: a site (by name or inline) plus timed inputs. Loading validates everything up front (the
 * file, the site, each input and the devices it names), so a bad file is reported with the path of the bad
 * field before anything runs.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  checkDeviceReferences,
  fileBytesMax,
  issueMessage,
  jsonValueProblem,
  loadNamedSite,
  parseJsonText,
  parseSiteSpec,
  siteNames,
  specErrorsFromIssues,
  specFilePath,
  textCharsMax,
  twinInputSchema,
  type SiteSpec,
  type SpecError,
  type TwinInput,
} from '../twin/index.ts';
import { readDurationMs } from './duration.ts';
import { expectationSchema, type Expectation } from './expectations.ts';
import { isDefectName, defectNames } from '../twin/index.ts';

export interface TimedInput {
  readonly atMs: number;
  readonly input: TwinInput;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly spec: SiteSpec;
  readonly seed: number | undefined;
  /** How long the run lasts; undefined: one minute past the last input. */
  readonly untilMs: number | undefined;
  /** Whether seeded people come and go besides the listed inputs. */
  readonly background: boolean;
  /** Their mean visits per lock per hour; undefined: the twin's default (a quiet office). */
  readonly visitsPerLockPerHour?: number;
  readonly inputs: readonly TimedInput[];
  readonly expectations: readonly Expectation[];
  /** Defects switched on for this scenario (besides the site's own). */
  readonly defects: readonly string[];
  /** The fingerprint a run must reproduce (a live session's export); `lockstep replay` compares it. */
  readonly expectedHash?: string;
}

export type LoadResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly SpecError[] };

const durationField = z.union([z.string(), z.number()]);
/** Bounds of a file's traffic rate: below, a visit an hour at most; above, a visit every 6 s at every lock. */
export const visitsPerLockPerHourMin = 0.01;
export const visitsPerLockPerHourMax = 600;
/** Inputs one scenario file may list (a live session's export included). */
export const scenarioInputsMax = 100_000;

export const scenarioFileSchema = z.strictObject({
  name: z.string().min(1).max(textCharsMax.name),
  description: z.string().max(textCharsMax.description).optional(),
  site: z.union([z.string().min(1).max(textCharsMax.name), z.record(z.string(), z.unknown())]),
  seed: z.number().int().optional(),
  until: durationField.optional(),
  background: z.boolean().optional(),
  visitsPerLockPerHour: z.number().min(visitsPerLockPerHourMin).max(visitsPerLockPerHourMax).optional(),
  inputs: z.array(z.record(z.string(), z.unknown())).max(scenarioInputsMax).default([]),
  expect: z.array(expectationSchema).max(10_000).default([]),
  defects: z
    .array(
      z
        .string()
        .refine(isDefectName, { message: `is not a known defect (known: ${defectNames.join(', ')})` }),
    )
    .default([]),
  /** The trace fingerprint this scenario is known to give (written by a live session's export). */
  expectedHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'is a hex SHA-256 fingerprint (64 characters)')
    .optional(),
});

/** Is this parsed JSON a scenario (rather than a bare site spec)? */
export function looksLikeScenario(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'site' in json;
}

export function parseScenario(json: unknown): LoadResult<Scenario> {
  // A scenario parsed elsewhere (a live `load-timeline` frame) is checked for nesting before the schema walks it.
  const tooDeep = jsonValueProblem(json);
  if (tooDeep !== undefined) return { ok: false, errors: [{ path: tooDeep.path, message: tooDeep.message }] };
  const parsed = scenarioFileSchema.safeParse(json, { error: issueMessage, reportInput: true });
  if (!parsed.success) return { ok: false, errors: specErrorsFromIssues(parsed.error.issues) };
  const file = parsed.data;
  const site = resolveSite(file.site);
  if (!site.ok) return site;
  const errors: SpecError[] = [];
  const until = file.until === undefined ? undefined : readDurationMs(file.until);
  if (until?.ok === false) errors.push({ path: 'until', message: until.message });
  const untilMs = until?.ok === true ? until.durationMs : undefined;
  const inputs = file.inputs.map((entry, index) =>
    parseTimedInput(entry, `inputs[${index}]`, site.value, errors),
  );
  errors.push(...checkExpectationLocks(file.expect, site.value));
  if (errors.length > 0) return { ok: false, errors };
  const ordered = (inputs as TimedInput[])
    .map((input, index) => ({ input, index }))
    .sort((a, b) => a.input.atMs - b.input.atMs || a.index - b.index);
  return {
    ok: true,
    value: {
      name: file.name,
      description: file.description ?? '',
      spec: site.value,
      seed: file.seed,
      untilMs,
      background: file.background ?? false,
      ...(file.visitsPerLockPerHour === undefined ? {} : { visitsPerLockPerHour: file.visitsPerLockPerHour }),
      inputs: ordered.map((entry) => entry.input),
      expectations: file.expect,
      defects: file.defects,
      ...(file.expectedHash === undefined ? {} : { expectedHash: file.expectedHash }),
    },
  };
}

function resolveSite(site: string | Record<string, unknown>): LoadResult<SiteSpec> {
  const input = typeof site === 'string' ? loadNamedSite(site) : site;
  if (input === undefined)
    return {
      ok: false,
      errors: [{ path: 'site', message: `no site named "${site}" (sites: ${siteNames().join(', ')})` }],
    };
  const parsed = parseSiteSpec(input);
  if (parsed.ok) return { ok: true, value: parsed.spec };
  return {
    ok: false,
    errors: parsed.errors.map((error) => ({ path: `site.${error.path}`, message: error.message })),
  };
}

function parseTimedInput(
  entry: Record<string, unknown>,
  path: string,
  spec: SiteSpec,
  errors: SpecError[],
): TimedInput | undefined {
  const { at, ...rest } = entry;
  const atMs = inputTimeMs(at, `${path}.at`, errors);
  const parsed = twinInputSchema.safeParse(rest, { error: issueMessage, reportInput: true });
  if (!parsed.success) {
    for (const error of specErrorsFromIssues(parsed.error.issues))
      errors.push({ path: `${path}.${error.path}`, message: error.message });
    return undefined;
  }
  for (const error of checkDeviceReferences(parsed.data, spec))
    errors.push({ path: `${path}.${error.path}`, message: error.message });
  return atMs === undefined ? undefined : { atMs, input: parsed.data };
}

/** An input's `at`: a duration from the start of the run, at most the longest run. */
function inputTimeMs(at: unknown, path: string, errors: SpecError[]): number | undefined {
  if (typeof at !== 'string' && typeof at !== 'number') {
    errors.push({ path, message: 'is required: a time from the start, like "10s" or 10000' });
    return undefined;
  }
  const read = readDurationMs(at);
  if (read.ok) return read.durationMs;
  errors.push({ path, message: read.message });
  return undefined;
}

/** Every lock an expectation names must exist in the site (else the run would break instead of the file). */
function checkExpectationLocks(expectations: readonly Expectation[], spec: SiteSpec): SpecError[] {
  const locks = new Set(spec.locks.map((lock) => lock.id));
  const errors: SpecError[] = [];
  expectations.forEach((expectation, index) => {
    for (const field of ['lock', 'aimed', 'taken'] as const) {
      const value = (expectation as Partial<Record<typeof field, string>>)[field];
      if (value !== undefined && !locks.has(value))
        errors.push({
          path: `expect[${index}].${field}`,
          message: `no lock "${value}" in site ${spec.name}`,
        });
    }
  });
  return errors;
}

/**
 * Reads a scenario, site or failure file; never throws. The size is checked before the file is read (at most
 * `fileBytesMax`), the nesting and the numbers before it is parsed (`parseJsonText`), so a huge or deep file is
 * refused with a message, not a crash.
 */
export function readJsonFile(path: string): LoadResult<unknown> {
  const text = readBoundedText(path);
  if (!text.ok) return text;
  const parsed = parseJsonText(text.value, { rootPath: specFilePath });
  if (parsed.ok) return { ok: true, value: parsed.value };
  const { path: field, message } = parsed.error;
  return {
    ok: false,
    errors: [
      field === specFilePath ? { path: field, message: `${path} ${message}` } : { path: field, message },
    ],
  };
}

function readBoundedText(path: string): LoadResult<string> {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return fileError(`${path} is not a file`);
    if (stat.size > fileBytesMax)
      return fileError(`${path} is ${stat.size} bytes; a file may hold at most ${fileBytesMax} bytes`);
    return { ok: true, value: readFileSync(fd, 'utf8') };
  } catch (error) {
    return fileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function fileError(message: string): { readonly ok: false; readonly errors: readonly SpecError[] } {
  return { ok: false, errors: [{ path: specFilePath, message }] };
}
