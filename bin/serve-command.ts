/** `lockstep serve`: the live twin with its REST API, live protocol and visualization. Ctrl-C stops it cleanly. */
import {
  identityPrefixDefault,
  identityPrefixProblem,
  LiveTwin,
  readPasswordFile,
  startServer,
  type PasswordBook,
  type RunningServer,
} from '../api/index.ts';
import { isSiteName } from '../twin/index.ts';
import { mountViz } from '../viz/serve.ts';
import { BadInputError } from './exit-codes.ts';
import { resolveTarget } from './resolve-target.ts';
import { connectIdsOf, siteUid } from '../api/rest/connect-ids.ts';

/** The demo site's documented API client (README): only for trying the API on this machine. */
export const demoClient = { clientId: 'lockstep-demo', clientSecret: 'lockstep-demo-secret' } as const;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

export interface ServeFlags {
  host: string;
  port: string;
  scenario: string;
  seed?: number;
  speed: string;
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

export async function serveCommand(flags: ServeFlags): Promise<void> {
  // Digits only: Number() would read "" as 0 (a random port) and "0x50" as 80.
  const port = /^\d{1,5}$/.test(flags.port) ? Number(flags.port) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new BadInputError(`--port must be 0–65535, got "${flags.port}"`);
  const speed = Number(flags.speed);
  if (!(speed > 0 && speed <= 86_400))
    throw new BadInputError(`--speed must be a number in (0, 86400], got "${flags.speed}"`);
  const scenario = resolveTarget(flags.scenario);
  const clientCredentials = {
    ...credentials(flags.host),
    ...userPasswords(flags.passwordFile),
    ...identityPrefix(flags.identityPrefix),
  };
  const seed = flags.seed ?? scenario.seed ?? 1;
  const live = new LiveTwin({
    scenario,
    siteInput: isSiteName(flags.scenario) ? flags.scenario : (scenario.spec as never),
    seed,
    speed,
  });
  let server: RunningServer;
  try {
    // The page is the CLI's to add: the server knows nothing of viz/ (design.md's layering).
    server = await startServer({
      live,
      host: flags.host,
      port,
      credentials: clientCredentials,
      mount: mountViz,
      anonymousReadOnly: flags.anonymousReadOnly === true,
    });
  } catch (error) {
    live.stop();
    throw listenError(error, flags.host, port) ?? error;
  }
  process.stdout.write(`lockstep live twin: ${scenario.name} (seed ${seed}) at ${speed}x\n`);
  const prefix = flags.identityPrefix ?? identityPrefixDefault;
  const identityUrls = `${server.url}/connect/token${prefix === '' ? '' : `  (and ${server.url}${prefix}/connect/token)`}`;
  const site = live.twin.cloud.state.site;
  const ids = connectIdsOf(live);
  process.stdout.write(
    `  site           ${site.name}: id ${ids.publicId('site', site.id)}, site_uid ${siteUid(live.seed, site.id)}\n`,
  );
  process.stdout.write(
    `  visualization  ${server.url}/\n  REST API       ${server.url}/v1.2/sites  (OpenAPI at ${server.url}/openapi.json)\n  identity       ${identityUrls}\n  live protocol  ${server.url.replace('http', 'ws')}/live\n  health         ${server.url}/healthz\nCtrl-C stops it.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.stdout.write('stopping…\n');
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
