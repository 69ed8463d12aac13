/**
 * Shrinking the site of a failing case: after fast-check has shrunk the steps, a deterministic second pass drops
 * the locks (with their doors), people, tags, phones, repeaters and IQs the failure does not need. Each removal
 * is kept only when the case, run again, still breaks the same invariant; a removal takes with it everything
 * that refers to what it removed (a user's tags and phones, a lock's door, an IQ's locks, group memberships) and
 * every step that names any of it. Bounded: at most `siteShrinkRunsMax` runs.
 */
import type { SiteSpecInput } from '../../twin/index.ts';
import type { Step } from './generated-inputs.ts';
import { runCase, type Case, type CheckMode } from './run-case.ts';

/** Runs the second pass may spend (a run of a shrunk case takes milliseconds). */
const siteShrinkRunsMax = 80;

/** The site's lists a removal may shrink, tried in this order. */
const shrinkableLists = ['locks', 'users', 'tags', 'phones', 'repeaters', 'iqs'] as const;
/** Fields by which an object of the site refers to another (its owner, its lock, its door, its IQ, its parent). */
const referenceFields = ['user', 'lock', 'door', 'iq', 'parent'] as const;

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` names one of `ids` anywhere inside it. */
function mentions(value: Json | undefined, ids: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return ids.has(value);
  if (Array.isArray(value)) return value.some((item: Json) => mentions(item, ids));
  if (isObject(value)) return Object.values(value).some((item) => mentions(item, ids));
  return false;
}

/** An object that goes with the removed ids: it is one of them, or it refers to one. */
function goesWith(item: JsonObject, ids: ReadonlySet<string>): boolean {
  if (typeof item.id === 'string' && ids.has(item.id)) return true;
  return referenceFields.some((field) => {
    const value = item[field];
    return typeof value === 'string' && ids.has(value);
  });
}

/** The JSON without the removed ids; every object that goes with them is removed too, and its id joins them. */
function without(value: Json, ids: Set<string>): Json {
  if (Array.isArray(value)) {
    const kept: Json[] = [];
    for (const item of value as readonly Json[]) {
      if (typeof item === 'string' && ids.has(item)) continue;
      if (isObject(item) && goesWith(item, ids)) {
        if (typeof item.id === 'string') ids.add(item.id);
        if (typeof item.door === 'string' && 'kind' in item) ids.add(item.door); // a lock's door goes with it
        continue;
      }
      kept.push(without(item, ids));
    }
    return kept;
  }
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, without(item, ids)]));
  return value;
}

/** The case without `ids` and everything that goes with them (to a fixed point), or undefined if nothing went. */
export function caseWithout(testCase: Case, removed: readonly string[]): Case | undefined {
  const ids = new Set(removed);
  let site = testCase.site as unknown as Json;
  for (let size = -1; size !== ids.size;) {
    size = ids.size;
    site = without(site, ids);
  }
  const steps = testCase.steps.filter((step) => !mentions(step.input as unknown as Json, ids));
  const shrunk: Case = { ...testCase, site: site as unknown as SiteSpecInput, steps: steps as Step[] };
  return JSON.stringify(shrunk) === JSON.stringify(testCase) ? undefined : shrunk;
}

function idsOf(site: SiteSpecInput, list: (typeof shrinkableLists)[number]): string[] {
  const items = (site as unknown as Record<string, Json | undefined>)[list];
  if (!Array.isArray(items)) return [];
  return (items as readonly Json[]).flatMap((item) =>
    isObject(item) && typeof item.id === 'string' ? [item.id] : [],
  );
}

interface SiteShrinkResult {
  readonly testCase: Case;
  readonly runs: number;
}

/**
 * The case with every device and person it does not need removed, still breaking `invariant` in `mode`. First
 * all the locks no step and no violation message names at once, then one id at a time.
 */
export function shrinkSite(
  testCase: Case,
  options: {
    readonly invariant: string;
    readonly message?: string;
    readonly mode?: CheckMode;
    readonly runsMax?: number;
  },
): SiteShrinkResult {
  const runsMax = options.runsMax ?? siteShrinkRunsMax;
  let best = testCase;
  let runs = 0;
  const keepsFailure = (candidate: Case | undefined): boolean => {
    if (candidate === undefined || runs >= runsMax) return false;
    runs++;
    try {
      const result = runCase(candidate, {
        keepLines: false,
        ...(options.mode ? { mode: options.mode } : {}),
      });
      return result.violation?.invariant === options.invariant;
    } catch {
      return false; // a site the twin refuses (an empty group, a lock without its IQ) is no smaller failure
    }
  };
  const named = JSON.stringify(best.steps) + (options.message ?? '');
  const unnamedLocks = idsOf(best.site, 'locks').filter((id) => !new RegExp(`\\b${id}\\b`).test(named));
  const allAtOnce = unnamedLocks.length > 0 ? caseWithout(best, unnamedLocks) : undefined;
  if (keepsFailure(allAtOnce) && allAtOnce !== undefined) best = allAtOnce;
  for (const list of shrinkableLists)
    for (const id of idsOf(best.site, list)) {
      if (runs >= runsMax) return { testCase: best, runs };
      const candidate = caseWithout(best, [id]);
      if (keepsFailure(candidate) && candidate !== undefined) best = candidate;
    }
  return { testCase: best, runs };
}
