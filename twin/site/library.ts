/**
 * The named sites (`office`, `two-doors`, `campus`) that scenarios and the CLI refer to by name, and loading a
 * site spec from a file. The JSON sites live beside this file in `library/`; `campus` is generated.
 */
import { readFileSync } from 'node:fs';
import { generateCampusSpec } from './campus.ts';
import type { SiteSpecInput } from './spec.ts';
import { specFilePath, type SpecError } from './spec-error.ts';
import { parseSiteSpec, type ParseSiteSpecResult } from './validate.ts';

interface NamedSite {
  readonly description: string;
  /** A fresh spec on every call, so a caller may change it without touching anyone else's copy. */
  readonly load: () => SiteSpecInput;
}

const namedSites = Object.freeze({
  campus: {
    description:
      'A generated campus: 64 buildings with an IQ and 4 repeaters each, 1,024 locks, 5,000 users.',
    load: () => generateCampusSpec(),
  },
  office: {
    description:
      'A small office: 1 IQ, 6 locks of every kind (one behind a repeater), 8 users with tags, PINs and phones.',
    load: () => readLibrarySite('office.json'),
  },
  'two-doors': {
    description: 'Two BLUEnet locks 1 m apart on one IQ, 2 users: a phone tap may open the wrong door.',
    load: () => readLibrarySite('two-doors.json'),
  },
} satisfies Record<string, NamedSite>);

export type SiteName = keyof typeof namedSites;

/** The names of the library's sites, sorted. */
export function siteNames(): readonly SiteName[] {
  return (Object.keys(namedSites) as SiteName[]).sort();
}

export function isSiteName(name: string): name is SiteName {
  return Object.hasOwn(namedSites, name);
}

/** A one-line description of a named site; undefined for a name the library does not have. */
export function describeSite(name: SiteName): string;
export function describeSite(name: string): string | undefined;
export function describeSite(name: string): string | undefined {
  return isSiteName(name) ? namedSites[name].description : undefined;
}

/** The named site's spec as written (not yet validated: pass it to `parseSiteSpec`), or undefined. */
export function loadNamedSite(name: string): SiteSpecInput | undefined {
  return isSiteName(name) ? namedSites[name].load() : undefined;
}

/** The library's JSON files are ours and tested to parse, so their text is taken as a spec input as it is. */
function readLibrarySite(fileName: string): SiteSpecInput {
  const url = new URL(`./library/${fileName}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as SiteSpecInput;
}

/**
 * Reads, parses and validates a site spec file. Never throws: an unreadable file or bad JSON is reported as a
 * `SpecError` at path `(file)`, like any other problem with the spec.
 */
export function loadSiteFile(path: string): ParseSiteSpecResult {
  const text = readText(path);
  if (typeof text !== 'string') return { ok: false, errors: [text] };
  const json = parseJson(path, text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  return parseSiteSpec(json.value);
}

function readText(path: string): string | SpecError {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return { path: specFilePath, message: `cannot read ${path}: ${errorMessage(error)}` };
  }
}

function parseJson(
  path: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; error: SpecError } {
  // Editors on some systems write a byte-order mark, which JSON.parse rejects; it carries no meaning here.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const where = jsonErrorLocation(body, errorMessage(error));
    return {
      ok: false,
      error: { path: specFilePath, message: `${path} is not valid JSON: ${errorMessage(error)}${where}` },
    };
  }
}

/** V8 reports "at position N"; a line and column are what a person can find in an editor. */
function jsonErrorLocation(text: string, message: string): string {
  const match = /at position (\d+)/.exec(message);
  if (match?.[1] === undefined) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
