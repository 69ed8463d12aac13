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
import { loadNamedSite, parseSiteSpec, siteNames, type SpecError } from '../twin/index.ts';

function fromSiteJson(json: unknown): LoadResult<Scenario> {
  const parsed = parseSiteSpec(json);
  return parsed.ok ? { ok: true, value: siteScenario(parsed.spec) } : { ok: false, errors: parsed.errors };
}

export function resolveTarget(target: string): LoadResult<Scenario> {
  if (existsSync(target) || target.endsWith('.json')) {
    const json = readJsonFile(target);
    if (!json.ok) return json;
    return looksLikeScenario(json.value) ? parseScenario(json.value) : fromSiteJson(json.value);
  }
  const named = loadNamedScenario(target);
  if (named !== undefined) return named;
  const site = loadNamedSite(target);
  if (site !== undefined) return fromSiteJson(site);
  const known = `scenarios: ${scenarioNames().join(', ')}; sites: ${siteNames().join(', ')}`;
  const error: SpecError = {
    path: '(target)',
    message: `no scenario, site or file named "${target}" (${known})`,
  };
  return { ok: false, errors: [error] };
}
