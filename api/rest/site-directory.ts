/**
 * The sites one server serves (`lockstep serve --site office --site campus`). Each site is its own account, as an
 * account of the Connect API is: its own live twin (devices, virtual clock, pacer, seed), its own API client
 * (client id and secret), its own users and passwords, and its own token table. A request finds its site in one of
 * two ways only:
 * - a token request (`POST /connect/token`, `/connect/revocation`) by its client id, the account's credentials:
 *   the client picks the site, and the password grant looks the user up in that site alone;
 * - every other request by its bearer token: the site whose token table holds the token. Tokens are unique across
 *   the sites (asserted when one is issued), so a token never authenticates on another site's table, and every
 *   read and change of the request uses that site's twin.
 * Requests with neither (the page, the OpenAPI document, an unknown token or client) go to the first site, whose
 * tables refuse what they do not hold. A single-site server is a directory of one.
 */
import { randomUUID } from 'node:crypto';
import type { LiveTwin } from '../live-twin.ts';
import { Authenticator, bearerTokenOf, type AuthOptions } from './auth.ts';

/** Sites one server serves at most: each holds a twin, a token table and its clients' connections. */
export const servedSitesMax = 8;

/** A site's key: what `serve` prints, `/live?site=KEY` and the page's `?site=KEY` name it by. */
const siteKeyPattern = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** Why `key` cannot name a served site, or undefined when it can. */
export function siteKeyProblem(key: string): string | undefined {
  return siteKeyPattern.test(key)
    ? undefined
    : `a site key is 1–32 lower-case letters, digits and inner hyphens, not ${JSON.stringify(key.slice(0, 40))}`;
}

/** A site's API client: its credentials pick the site at the token endpoint. */
export interface SiteClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A site to serve: its key, its live twin, its API client. */
export interface SiteToServe {
  readonly key: string;
  readonly live: LiveTwin;
  readonly client: SiteClient;
}

/** Everything of the token endpoint but the client, which is each site's own. */
export type SharedAuthOptions = Omit<AuthOptions, 'clientId' | 'clientSecret'>;

export interface ServedSite {
  readonly key: string;
  readonly live: LiveTwin;
  readonly auth: Authenticator;
  readonly clientId: string;
}

export class SiteDirectory {
  readonly all: readonly ServedSite[];
  private readonly byClient: ReadonlyMap<string, ServedSite>;
  private readonly byKey: ReadonlyMap<string, ServedSite>;

  constructor(sites: readonly ServedSite[]) {
    if (sites.length === 0 || sites.length > servedSitesMax)
      throw new RangeError(`a server serves 1–${servedSitesMax} sites, not ${sites.length}`);
    const byClient = new Map<string, ServedSite>();
    const byKey = new Map<string, ServedSite>();
    for (const site of sites) {
      const problem = siteKeyProblem(site.key);
      if (problem !== undefined) throw new RangeError(problem);
      if (byKey.has(site.key)) throw new RangeError(`two sites have the key ${site.key}`);
      // The client id picks the site at login: two sites with one client could not be told apart.
      if (byClient.has(site.clientId))
        throw new RangeError(
          `the sites ${byClient.get(site.clientId)?.key} and ${site.key} share a client id`,
        );
      byKey.set(site.key, site);
      byClient.set(site.clientId, site);
    }
    this.all = [...sites];
    this.byClient = byClient;
    this.byKey = byKey;
  }

  /**
   * The directory of `sites`, each with its own token table built from the shared options and its own client.
   * Each site's token source is checked against the others' tables, so no token is ever held by two sites.
   */
  static of(sites: readonly SiteToServe[], shared: SharedAuthOptions): SiteDirectory {
    const served: ServedSite[] = [];
    const baseToken = shared.newToken ?? randomUUID;
    // A random UUID repeating is not expected, but a token held by two tables would belong to two sites.
    const newToken = (): string => {
      const token = baseToken();
      if (served.some((other) => other.auth.holds(token)))
        throw new Error('token generator repeated a token of another site');
      return token;
    };
    for (const site of sites) {
      const auth = new Authenticator({ ...shared, ...site.client, newToken });
      served.push({ key: site.key, live: site.live, auth, clientId: site.client.clientId });
    }
    return new SiteDirectory(served);
  }

  /** The site of requests that name none (the page, unknown tokens and clients): the first given. */
  get first(): ServedSite {
    return this.all[0] as ServedSite;
  }

  /** The site whose API client has this id, else the first (whose client check then refuses it). */
  ofClient(clientId: string | undefined): ServedSite {
    return (clientId === undefined ? undefined : this.byClient.get(clientId)) ?? this.first;
  }

  /** The site whose token table holds `token`, or undefined. */
  ofToken(token: string | undefined): ServedSite | undefined {
    if (token === undefined) return undefined;
    return this.all.find((site) => site.auth.holds(token));
  }

  /** The site of an `Authorization: Bearer` header's token, else the first (which answers 401 for it). */
  ofAuthorization(authorization: string | undefined): ServedSite {
    return this.ofToken(bearerTokenOf(authorization)) ?? this.first;
  }

  ofKey(key: string): ServedSite | undefined {
    return this.byKey.get(key);
  }

  /** Stops every site's twin (the server is closing). */
  stopAll(): void {
    for (const site of this.all) site.live.stop();
  }
}
