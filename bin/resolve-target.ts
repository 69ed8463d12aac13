/** What `lockstep run <target>` means: a file (scenario or site), a named scenario, or a named site. */
import { existsSync } from 'node:fs';
import {
  looksLikeScenario,
  loadNamedScenario,
  parseScenario,
  readJsonFile,
  scenarioNames,
  siteScenario,
  type LoadResult,
  type Scenario,
} from '../scenarios/index.ts';
import {
  isSiteName,
  loadNamedSite,
  parseSiteSpec,
  siteNames,
  specFilePath,
  type SpecError,
} from '../twin/index.ts';
import { closestNames, didYouMeanHint } from './did-you-mean.ts';
import { BadInputError } from './exit-codes.ts';

function fromSiteJson(json: unknown): LoadResult<Scenario> {
  const parsed = parseSiteSpec(json);
  return parsed.ok ? { ok: true, value: siteScenario(parsed.spec) } : { ok: false, errors: parsed.errors };
}

/** The scenario a target names, or bad input naming what was wrong (an unknown name with the closest known). */
export function resolveTarget(target: string): Scenario {
  if (existsSync(target) || target.endsWith('.json')) {
    const json = readJsonFile(target);
    if (!json.ok) throw badInput(json.errors, 'unreadable-file');
    const parsed = looksLikeScenario(json.value) ? parseScenario(json.value) : fromSiteJson(json.value);
    if (!parsed.ok) throw badInput(parsed.errors, 'bad-input');
    return parsed.value;
  }
  const named =
    loadNamedScenario(target) ?? (isSiteName(target) ? fromSiteJson(loadNamedSite(target)) : undefined);
  if (named !== undefined) {
    if (!named.ok) throw badInput(named.errors, 'bad-input');
    return named.value;
  }
  const known = [...scenarioNames(), ...siteNames()];
  const suggestions = closestNames(target, known);
  throw new BadInputError(
    `(target): no scenario, site or file named "${target}" (${didYouMeanHint(suggestions)}scenarios: ${scenarioNames().join(', ')}; sites: ${siteNames().join(', ')})`,
    { code: 'unknown-name', suggestions },
  );
}

/** Spec errors as one bad-input message, a field per line. */
export function formatErrors(errors: readonly SpecError[]): string {
  return errors.map((error) => `${error.path}: ${error.message}`).join('\n  ');
}

function badInput(errors: readonly SpecError[], code: 'unreadable-file' | 'bad-input'): BadInputError {
  // A file's JSON and reading problems are at the file's own path; anything deeper is the content's.
  const fileLevel = errors.every((error) => error.path === specFilePath);
  return new BadInputError(formatErrors(errors), { code: fileLevel ? code : 'bad-input' });
}
