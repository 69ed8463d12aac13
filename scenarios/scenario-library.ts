/** The named scenarios shipped in `scenarios/library/`, one JSON file each, named after the file. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, readJsonFile, type LoadResult, type Scenario } from './scenario-file.ts';

const libraryDir = fileURLToPath(new URL('./library/', import.meta.url));

export function scenarioNames(): string[] {
  return readdirSync(libraryDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** The scenario called `name`, or undefined when the library has none by that name. */
export function loadNamedScenario(name: string): LoadResult<Scenario> | undefined {
  if (!scenarioNames().includes(name)) return undefined;
  const json = readJsonFile(`${libraryDir}${name}.json`);
  return json.ok ? parseScenario(json.value) : json;
}
