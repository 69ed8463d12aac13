/**
 * The scenario file: a site (by name or inline) plus timed inputs. Loading validates everything up front (the
 * file, the site, each input and the devices it names), so a bad file is reported with the path of the bad
 * field before anything runs.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  checkDeviceReferences,
  issueMessage,
  loadNamedSite,
  parseSiteSpec,
  siteNames,
  specErrorsFromIssues,
  twinInputSchema,
  type SiteSpec,
  type SpecError,
  type TwinInput,
} from '../twin/index.ts';
import { parseDurationMs } from './duration.ts';
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
/** Inputs one scenario file may list (a live session's export included). */
export const scenarioInputsMax = 100_000;

export const scenarioFileSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  site: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  seed: z.number().int().optional(),
  until: durationField.optional(),
  background: z.boolean().optional(),
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
  const parsed = scenarioFileSchema.safeParse(json, { error: issueMessage, reportInput: true });
  if (!parsed.success) return { ok: false, errors: specErrorsFromIssues(parsed.error.issues) };
  const file = parsed.data;
  const site = resolveSite(file.site);
  if (!site.ok) return site;
  const errors: SpecError[] = [];
  const untilMs = file.until === undefined ? undefined : parseDurationMs(file.until);
  if (file.until !== undefined && untilMs === undefined)
    errors.push({ path: 'until', message: `"${file.until}" is not a duration (like "90s", "2m", "1h")` });
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
  const atMs = typeof at === 'string' || typeof at === 'number' ? parseDurationMs(at) : undefined;
  if (atMs === undefined)
    errors.push({ path: `${path}.at`, message: 'is required: a time from the start, like "10s" or 10000' });
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

/** Reads a scenario or site file; never throws. */
export function readJsonFile(path: string): LoadResult<unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          path: '(file)',
          message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        },
      ],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '(file)', message: `${path} is not valid JSON: ${(error as Error).message}` }],
    };
  }
}
