/**
 * The Connect API's identifiers. Clients of the real service never choose ids: every resource has a
 * server-generated UUID, and a site user has two (the site-user id of `/users/{id}` and the platform user id of
 * group membership and entries). The twin's records keep the ids they are made with (the site spec's readable
 * ones, `lock-1-1`, `chloe`, or the UUIDs this API draws for what it creates), and this file maps between them:
 *
 * - a record made through the API has a UUID as its id, which is its public id (for a user: its platform id);
 * - any other record's public id is a UUID hashed from the twin's seed, its kind and its own id, so the same
 *   site and seed always show the same ids;
 * - a site user's site-user id is always hashed (kind `site-user`), so the two ids of one user always differ.
 *
 * New ids come from a seeded stream: a hash of the seed, the site, the index of the input being recorded and a
 * kind. A replay carries the ids in its inputs; a session that goes on after a replay draws from the same index,
 * so two runs of one session show the same ids.
 */
import { createHash } from 'node:crypto';

export const idKinds = [
  'site',
  'site-user',
  'user',
  'lock',
  'iq',
  'access-group',
  'time-schedule',
  'tag',
  'key',
  'role',
  'pod',
  'notification-rule',
] as const;
export type IdKind = (typeof idKinds)[number];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}

/** A UUID (version-4 layout) from a hash of `text`: stable, and unique in practice. */
function hashUuid(text: string): string {
  const hex = createHash('sha256').update(text, 'utf8').digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The ids a kind's records have now: a state map (or a set) of them. */
export interface Candidates {
  has(id: string): boolean;
  keys(): Iterable<string>;
}

/** Forward maps are memoised per seed; bounded, since a live site has at most a few thousand records. */
const memoEntriesMax = 200_000;

/**
 * Public ids of one twin (one seed): forward by hash, backward through an index of every id seen so far.
 * `resolve` is given the candidates (the state's records of that kind) so an id never seen yet is still found.
 */
export class ConnectIds {
  private readonly forward = new Map<string, string>();
  private readonly backward = new Map<string, string>();

  constructor(private readonly seed: number) {}

  /** The public id of the record `internalId` of `kind`. */
  publicId(kind: IdKind, internalId: string): string {
    if (kind !== 'site-user' && isUuid(internalId)) return internalId;
    const key = `${kind}\u0000${internalId}`;
    let id = this.forward.get(key);
    if (id === undefined) {
      id = hashUuid(`lockstep|${this.seed}|${kind}|${internalId}`);
      if (this.forward.size >= memoEntriesMax) {
        this.forward.clear();
        this.backward.clear();
      }
      this.forward.set(key, id);
      this.backward.set(`${kind}\u0000${id}`, internalId);
    }
    return id;
  }

  /**
   * The internal id behind a public id of `kind`, among `candidates` (the state's records of that kind: a map's
   * or a set's keys); undefined when no such record exists (any more).
   */
  resolve(kind: IdKind, publicId: string, candidates: Candidates): string | undefined {
    // Every public id is a UUID: anything else names nothing, without a scan.
    if (!isUuid(publicId)) return undefined;
    const known = this.backward.get(`${kind}\u0000${publicId}`);
    if (known !== undefined) return candidates.has(known) ? known : undefined;
    for (const candidate of candidates.keys()) {
      if (this.publicId(kind, candidate) === publicId) return candidate;
    }
    return undefined;
  }

  /** A new id for a record this API creates: the `ordinal`-th of `kind` drawn while recording input `inputIndex`. */
  newId(siteId: string, inputIndex: number, kind: IdKind, ordinal = 0): string {
    return hashUuid(`lockstep-new|${this.seed}|${siteId}|${inputIndex}|${kind}|${ordinal}`);
  }
}

/** A site's short readable code, as the service's `site_uid` (`DE4520168385`): two letters, ten digits. */
export function siteUid(seed: number, siteId: string): string {
  const hex = createHash('sha256').update(`lockstep-site-uid|${seed}|${siteId}`, 'utf8').digest('hex');
  const digits = (BigInt(`0x${hex.slice(0, 15)}`) % 10_000_000_000n).toString().padStart(10, '0');
  return `DE${digits}`;
}

const idsByTwin = new WeakMap<object, ConnectIds>();

/** The ids of one live twin (made once per twin). */
export function connectIdsOf(live: { readonly seed: number }): ConnectIds {
  let ids = idsByTwin.get(live);
  if (ids === undefined) {
    ids = new ConnectIds(live.seed);
    idsByTwin.set(live, ids);
  }
  return ids;
}
