/**
 * Validating a site spec: its nesting and numbers first (json-depth.ts), the schema next (shapes, ranges,
 * defaults), then the checks across fields (unique ids, references, time zone). The result is a discriminated
 * union, never an exception, so a CLI or the API can print every problem at once with its path.
 */
import {
  checkAccessGroupIds,
  checkKeyWindows,
  checkPods,
  checkReferences,
  checkRelease,
  checkUniqueIds,
  checkUniquePins,
} from './references.ts';
import { jsonValueProblem } from './json-depth.ts';
import { issueMessage, specErrorsFromIssues } from './schema-issues.ts';
import { siteSpecSchema, type SiteSpec } from './spec.ts';
import type { SpecError } from './spec-error.ts';
import { isValidTimeZone } from './time-zone.ts';

export type ParseSiteSpecResult =
  | { readonly ok: true; readonly spec: SiteSpec }
  | { readonly ok: false; readonly errors: readonly SpecError[] };

export function parseSiteSpec(input: unknown): ParseSiteSpecResult {
  // A value parsed elsewhere (a request body, a live frame) may be nested past what the schema walk survives.
  const tooDeep = jsonValueProblem(input);
  if (tooDeep !== undefined) return { ok: false, errors: [{ path: tooDeep.path, message: tooDeep.message }] };
  // reportInput keeps the bad value on each issue, so a message can say what was found.
  const parsed = siteSpecSchema.safeParse(input, { error: issueMessage, reportInput: true });
  if (!parsed.success) return { ok: false, errors: specErrorsFromIssues(parsed.error.issues) };
  // The cross-checks need the typed spec, so they run only once the schema passed.
  const errors = crossCheckSiteSpec(parsed.data);
  return errors.length === 0 ? { ok: true, spec: parsed.data } : { ok: false, errors };
}

/** The checks across fields, on a spec the schema has accepted; empty when the spec is consistent. */
export function crossCheckSiteSpec(spec: SiteSpec): SpecError[] {
  return [
    ...checkTimeZone(spec),
    ...checkUniqueIds(spec),
    ...checkReferences(spec),
    ...checkUniquePins(spec),
    ...checkAccessGroupIds(spec),
    ...checkPods(spec),
    ...checkRelease(spec),
    ...checkKeyWindows(spec),
  ];
}

function checkTimeZone(spec: SiteSpec): SpecError[] {
  if (isValidTimeZone(spec.timeZone)) return [];
  return [
    { path: 'timeZone', message: `"${spec.timeZone}" is not an IANA time zone (like "Europe/Amsterdam")` },
  ];
}
