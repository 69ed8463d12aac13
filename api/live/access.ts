/**
 * Who may do what on `/live`. A connection is its token's user (the REST API's own bearer tokens) or, only when
 * the server was started with the anonymous read-only option, anonymous. What a command may do is one of four
 * capabilities; which roles hold each is the table below (docs/protocol.md shows it). The cloud's own rules
 * still apply on top: a cloud action (remote opening, office mode, an admin operation) is run as the user, so a
 * user without remote-opening permission is refused 2203 here exactly as on REST.
 */
import { errorTable, type CloudState, type Role } from '../../twin/index.ts';
import { refusal, type Refusal } from './refusals.ts';

/** Who a connection acts as: a token's user, or nobody (anonymous read-only mode). */
export type Principal =
  { readonly kind: 'user'; readonly userId: string; readonly token: string } | { readonly kind: 'anonymous' };

/**
 * - `watch`: subscribe, unsubscribe, `state-at` and `markers` of the session;
 * - `export`: the session as a file (it holds the whole site spec, PINs included);
 * - `cloud`: `remote-open`, `office-mode`, `admin` (the cloud decides per operation, as on REST);
 * - `drive`: people and faults (every twin input command);
 * - `time`: `pause`, `resume`, `speed`, `step`, `advance`, `load-timeline`, `state-at` and `markers` of a loaded
 *   timeline.
 */
export type Capability = 'watch' | 'export' | 'cloud' | 'drive' | 'time';

/** The roles that hold each capability; `anonymous` marks what the anonymous read-only mode allows. */
export const capabilityHolders: Readonly<Record<Capability, readonly (Role | 'anonymous')[]>> = {
  watch: ['owner', 'admin', 'super-user', 'user', 'installer', 'anonymous'],
  export: ['owner', 'admin', 'super-user', 'user', 'installer'],
  cloud: ['owner', 'admin', 'super-user', 'user', 'installer'],
  drive: ['owner', 'admin', 'installer'],
  time: ['owner', 'admin', 'installer'],
};

const capabilityWords: Readonly<Record<Capability, string>> = {
  watch: 'watch the live twin',
  export: 'export the session',
  cloud: 'act on the cloud',
  drive: 'drive people and faults',
  time: 'control time',
};

const timeActions = new Set(['pause', 'resume', 'speed', 'step', 'advance', 'load-timeline']);
const cloudActions = new Set(['remote-open', 'office-mode', 'admin']);

/** The capability a command needs (`source` matters for `state-at` and `markers` only). */
export function capabilityOf(command: { readonly action: string; readonly source?: unknown }): Capability {
  if (command.action === 'state-at' || command.action === 'markers')
    return command.source === 'loaded' ? 'time' : 'watch';
  if (command.action === 'export') return 'export';
  if (timeActions.has(command.action)) return 'time';
  if (cloudActions.has(command.action)) return 'cloud';
  return 'drive';
}

/**
 * Undefined when `principal` may use `capability` now (its user's role read from the cloud at this moment, so
 * a role changed or a site released takes effect at once); else the refusal: 1500 for anonymous, 2203 for a
 * role without it (an installer once the site is released has no rights, as in the cloud).
 */
export function refusalOfAccess(
  principal: Principal,
  capability: Capability,
  state: CloudState,
): Refusal | undefined {
  const holders = capabilityHolders[capability];
  if (principal.kind === 'anonymous')
    return holders.includes('anonymous')
      ? undefined
      : refusal(
          1500,
          `${errorTable[1500].message} (anonymous connections only watch: send a token to ${capabilityWords[capability]})`,
        );
  const user = state.users.get(principal.userId);
  if (user === undefined)
    return refusal(1500, `${errorTable[1500].message} (the token's user no longer exists)`);
  const installerRetired = user.role === 'installer' && state.site.released && capability !== 'watch';
  if (holders.includes(user.role) && !installerRetired) return undefined;
  return refusal(
    2203,
    `${errorTable[2203].message} (a user with the role ${user.role} cannot ${capabilityWords[capability]})`,
  );
}
