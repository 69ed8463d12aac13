/** `lockstep serve`: the live twin with its REST API, live protocol and visualization. Ctrl-C stops it cleanly. */
import { basename } from 'node:path';
import {
  identityPrefixDefault,
  identityPrefixProblem,
  LiveTwin,
  readPasswordFile,
  servedSitesMax,
  siteKeyProblem,
  startServer,
  type PasswordBook,
  type RunningServer,
  type SiteToServe,
} from '../api/index.ts';
import { visitsPerLockPerHourMax, visitsPerLockPerHourMin, type Scenario } from '../scenarios/index.ts';
import { isSiteName } from '../twin/index.ts';
import { mountViz } from '../viz/serve.ts';
import { BadInputError } from './exit-codes.ts';
import { resolveTarget } from './resolve-target.ts';
import { connectIdsOf, siteUid } from '../api/rest/connect-ids.ts';

/** The demo site's documented API client (README): only for trying the API on this machine. */
export const demoClient = { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' } as const;

/** The demo API client of the site `key` on a server of several sites (viz/client/login.ts makes the same). */
export function demoClientOfSite(key: string): { clientId: string; clientSecret: string } {
  return { clientId: `lockstep-demo-${key}`, clientSecret: `lockstep-demo-${key}-secret` };
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

export interface ServeFlags {
  host: string;
  port: string;
  /** The one site's scenario or site (`office` when neither this nor `site` is given). */
  scenario?: string;
  /** `[KEY=]TARGET` per site of a server of several sites (repeatable; at most `servedSitesMax`). */
  site?: string[];
  seed?: number;
  speed: string;
  visitsPerLockPerHour?: string;
  /** Passwords of the password grant (api/rest/password-file.ts); without it, the demo password on loopback only. */
  passwordFile?: string;
  /** `/live` lets clients without a token watch (never act, never export). */
  anonymousReadOnly?: boolean;
  /** Where the identity endpoints answer besides `/connect/…` (`/identity` by default; '' for nowhere else). */
  identityPrefix?: string;
}

/** The identity prefix of `--identity-prefix`, or the server's default when the flag is left out. */
function identityPrefix(flag: string | undefined): { identityPrefix?: string } {
  if (flag === undefined) return {};
  const problem = identityPrefixProblem(flag);
  if (problem !== undefined) throw new BadInputError(`--identity-prefix: ${problem}`);
  return { identityPrefix: flag };
}

function credentials(host: string): { clientId: string; clientSecret: string } {
  const clientId = process.env.LOCKSTEP_CLIENT_ID;
  const clientSecret = process.env.LOCKSTEP_CLIENT_SECRET;
  if (clientId !== undefined && clientSecret !== undefined && clientSecret.length >= 16)
    return { clientId, clientSecret };
  if (!loopbackHosts.has(host)) {
    throw new BadInputError(
      `refusing to serve on ${host} with the demo API credentials: set LOCKSTEP_CLIENT_ID and LOCKSTEP_CLIENT_SECRET (16+ characters), or bind to 127.0.0.1`,
    );
  }
  return demoClient;
}

/** One site to serve as the flags name it: its key, and the scenario, site or file it runs. */
interface SiteFlag {
  readonly key: string;
  readonly target: string;
}

/** The key of a target given without one: a named site or scenario's name, a file's name without `.json`. */
function keyOfTarget(target: string): string {
  return basename(target)
    .replace(/\.json$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
}

/**
 * The sites the flags name: each `--site [KEY=]TARGET`, or the one `--scenario` (the demo's office without
 * either). Keys are unique (they name a site in `/live?site=KEY` and the page's `?site=KEY`).
 */
export function siteFlagsOf(flags: Pick<ServeFlags, 'scenario' | 'site'>): SiteFlag[] {
  if (flags.site !== undefined && flags.scenario !== undefined)
    throw new BadInputError(
      '--scenario and --site: name every site with --site (--site NAME serves what --scenario NAME serves)',
    );
  const values = flags.site ?? [flags.scenario ?? 'office'];
  if (values.length > servedSitesMax)
    throw new BadInputError(
      `--site: one server serves at most ${servedSitesMax} sites, got ${values.length}`,
    );
  const sites: SiteFlag[] = [];
  for (const value of values) {
    const equals = value.indexOf('=');
    // KEY=TARGET unless what precedes the `=` looks like a path (a file name may hold an `=`).
    const named = equals > 0 && !/[/\\.]/.test(value.slice(0, equals));
    const target = named ? value.slice(equals + 1) : value;
    const key = named ? value.slice(0, equals) : keyOfTarget(value);
    const problem = siteKeyProblem(key);
    if (problem !== undefined || target === '')
      throw new BadInputError(
        `--site ${JSON.stringify(value.slice(0, 200))}: ${problem ?? 'no site after the key'}; give one as KEY=TARGET`,
      );
    if (sites.some((site) => site.key === key))
      throw new BadInputError(
        `--site: two sites with the key ${key}; name them apart, e.g. --site ${key} --site ${key}-2=${target}`,
      );
    sites.push({ key, target });
  }
  return sites;
}

/**
 * Each site's API client. One site: as always (LOCKSTEP_CLIENT_ID / LOCKSTEP_CLIENT_SECRET, else the demo client
 * on loopback). Several: each its own, LOCKSTEP_CLIENT_ID_<KEY> / LOCKSTEP_CLIENT_SECRET_<KEY> (the key in upper
 * case, `-` as `_`), else on loopback the demo client `lockstep-demo-<key>`; the client id picks the site at login,
 * so no two sites share one.
 */
function siteClients(host: string, keys: readonly string[]): { clientId: string; clientSecret: string }[] {
  if (keys.length === 1) return [credentials(host)];
  const clients = keys.map((key) => {
    const suffix = key.toUpperCase().replace(/-/g, '_');
    const clientId = process.env[`LOCKSTEP_CLIENT_ID_${suffix}`];
    const clientSecret = process.env[`LOCKSTEP_CLIENT_SECRET_${suffix}`];
    if (clientId !== undefined && clientSecret !== undefined && clientSecret.length >= 16)
      return { clientId, clientSecret };
    if (!loopbackHosts.has(host))
      throw new BadInputError(
        `refusing to serve the site ${key} on ${host} with a demo API client: set LOCKSTEP_CLIENT_ID_${suffix} and LOCKSTEP_CLIENT_SECRET_${suffix} (16+ characters) for each site, or bind to 127.0.0.1`,
      );
    return demoClientOfSite(key);
  });
  const ids = clients.map((client) => client.clientId);
  const shared = ids.find((id, index) => ids.indexOf(id) !== index);
  if (shared !== undefined)
    throw new BadInputError(`two sites have the client id ${shared}: the client id picks the site at login`);
  return clients;
}

/** The password file's entries, or nothing without `--password-file`; a bad file is bad input naming its fault. */
function userPasswords(path: string | undefined): { userPasswords?: PasswordBook } {
  if (path === undefined) return {};
  const read = readPasswordFile(path);
  if (!read.ok) throw new BadInputError(`--password-file: ${read.errors.join('\n  ')}`);
  return { userPasswords: read.book };
}

/** A port the server cannot have (taken, privileged, an address not on this machine) as bad input with a hint. */
function listenError(error: unknown, host: string, port: number): BadInputError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return new BadInputError(
      `--port ${port}: port ${port} on ${host} is in use (another lockstep serve?): stop what holds it, pick another with --port N, or --port 0 for a free one`,
      { code: 'port-in-use' },
    );
  if (code === 'EACCES')
    return new BadInputError(
      `--port ${port}: not allowed to listen on port ${port} on ${host} (ports under 1024 need privileges): pick another with --port N, or --port 0 for a free one`,
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new BadInputError(`--host ${host}: not an address of this machine (${code})`);
  return undefined;
}

/**
 * The scenarios with `--visits-per-lock-per-hour` as their background traffic's rate (a demo wants more people
 * than a quiet office has); the flag on scenarios that run no background traffic is bad input, not ignored.
 */
function withTrafficRate(scenarios: readonly Scenario[], text: string | undefined): Scenario[] {
  if (text === undefined) return [...scenarios];
  const rate = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(rate >= visitsPerLockPerHourMin && rate <= visitsPerLockPerHourMax))
    throw new BadInputError(
      `--visits-per-lock-per-hour must be a number in [${visitsPerLockPerHourMin}, ${visitsPerLockPerHourMax}], got "${text}"`,
    );
  if (!scenarios.some((scenario) => scenario.background))
    throw new BadInputError(
      '--visits-per-lock-per-hour: no served scenario runs background traffic (serve a site, or a scenario with "background": true)',
    );
  return scenarios.map((scenario) =>
    scenario.background ? { ...scenario, visitsPerLockPerHour: rate } : scenario,
  );
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  // Digits only: Number() would read "" as 0 (a random port) and "0x50" as 80.
  const port = /^\d{1,5}$/.test(flags.port) ? Number(flags.port) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new BadInputError(`--port must be 0–65535, got "${flags.port}"`);
  const speed = Number(flags.speed);
  if (!(speed > 0 && speed <= 86_400))
    throw new BadInputError(`--speed must be a number in (0, 86400], got "${flags.speed}"`);
  const siteFlags = siteFlagsOf(flags);
  // Every target is read before any twin starts: a bad one is bad input with nothing to stop.
  const scenarios = withTrafficRate(
    siteFlags.map((site) => resolveTarget(site.target)),
    flags.visitsPerLockPerHour,
  );
  const clients = siteClients(
    flags.host,
    siteFlags.map((site) => site.key),
  );
  const shared = {
    ...userPasswords(flags.passwordFile),
    ...identityPrefix(flags.identityPrefix),
  };
  const sites: SiteToServe[] = siteFlags.map((site, index) => {
    const scenario = scenarios[index] as (typeof scenarios)[number];
    return {
      key: site.key,
      live: new LiveTwin({
        scenario,
        siteInput: isSiteName(site.target) ? site.target : (scenario.spec as never),
        seed: flags.seed ?? scenario.seed ?? 1,
        speed,
      }),
      client: clients[index] as (typeof clients)[number],
    };
  });
  let server: RunningServer;
  try {
    // The page is the CLI's to add: the server knows nothing of viz/ (design.md's layering).
    server = await startServer({
      sites,
      host: flags.host,
      port,
      credentials: shared,
      mount: mountViz,
      anonymousReadOnly: flags.anonymousReadOnly === true,
    });
  } catch (error) {
    for (const site of sites) site.live.stop();
    throw listenError(error, flags.host, port) ?? error;
  }
  printServed(server, sites, flags, speed);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.stdout.write('stopping…\n');
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** What `serve` prints at start: each site (its ids, and with several its key, page and client), then the URLs. */
function printServed(
  server: RunningServer,
  sites: readonly SiteToServe[],
  flags: ServeFlags,
  speed: number,
): void {
  const several = sites.length > 1;
  for (const { key, live, client } of sites) {
    const site = live.twin.cloud.state.site;
    const ids = connectIdsOf(live);
    process.stdout.write(
      several
        ? `lockstep live twin ${key}: ${live.scenarioName} (seed ${live.seed}) at ${speed}x\n`
        : `lockstep live twin: ${live.scenarioName} (seed ${live.seed}) at ${speed}x\n`,
    );
    process.stdout.write(
      `  site           ${site.name}: id ${ids.publicId('site', site.id)}, site_uid ${siteUid(live.seed, site.id)}\n`,
    );
    if (several)
      process.stdout.write(
        `  page           ${server.url}/?site=${key}\n  API client     ${client.clientId}\n`,
      );
  }
  const prefix = flags.identityPrefix ?? identityPrefixDefault;
  const identityUrls = `${server.url}/connect/token${prefix === '' ? '' : `  (and ${server.url}${prefix}/connect/token)`}`;
  const page = several ? '' : `  visualization  ${server.url}/\n`;
  process.stdout.write(
    `${page}  REST API       ${server.url}/v1.2/sites  (OpenAPI at ${server.url}/openapi.json)\n  identity       ${identityUrls}\n  live protocol  ${server.url.replace('http', 'ws')}/live\n  health         ${server.url}/healthz\nCtrl-C stops it.\n`,
  );
}
