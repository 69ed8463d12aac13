/**
 * The reference model's rules for offline access, from the vendor's pages rather than the cloud's code: a tag or
 * digital key has offline access unless an admin took it away, a PIN always; a lock's offline list holds, of the
 * credentials its rules give its users, those with offline access and not blocked, the first ones in credential
 * id order up to the site's bound (39 with an older RF escutcheon on the site, 360 otherwise, or the spec's
 * setting). Only admins and owners give or take offline access; an unassigned or blocked tag cannot hold it
 * (2205).
 */

export const offlineBoundBluenet = 360;
export const offlineBoundRf = 39;

/** The site's bound on a lock's offline list. */
export function offlineBoundOf(lockKinds: readonly string[], setting: number | undefined): number {
  if (setting !== undefined) return setting;
  return lockKinds.includes('escutcheon') ? offlineBoundRf : offlineBoundBluenet;
}

/** The offline list of a lock from its candidates (credential ids). */
export function offlineListOf(candidates: readonly string[], bound: number): ReadonlySet<string> {
  return new Set([...candidates].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, bound));
}

export interface OfflineTag {
  user: string | undefined;
  blocked: boolean;
  offline?: boolean;
}

export interface OfflineKey {
  readonly user: string;
  readonly offline?: boolean;
}

export type OfflineVerdict =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly code: number; readonly why: string }
  | { readonly kind: 'not-judged' };

/** `set-offline-access` [kind, id, on] by an actor of `actingRank` (admin: `adminRank`). */
export function judgeOfflineAccess(
  site: {
    readonly tags: Map<string, OfflineTag>;
    readonly keys: Map<string, OfflineKey>;
    changed(): void;
  },
  acting: { readonly rank: number; readonly adminRank: number },
  args: readonly unknown[],
): OfflineVerdict {
  const [kind, id, on] = args;
  if (typeof kind !== 'string' || typeof id !== 'string') return { kind: 'not-judged' };
  if (acting.rank < acting.adminRank)
    return { kind: 'refused', code: 2203, why: 'only admins manage offline access' };
  if (typeof on !== 'boolean') return { kind: 'refused', code: 1101, why: 'on is true or false' };
  if (kind === 'tag') {
    const tag = site.tags.get(id);
    if (tag === undefined) return { kind: 'refused', code: 3104, why: `no tag ${id}` };
    if (tag.user === undefined || tag.blocked)
      return { kind: 'refused', code: 2205, why: `tag ${id} is unassigned or blocked` };
    if ((tag.offline !== false) !== on) site.changed();
    tag.offline = on;
    return { kind: 'accepted' };
  }
  if (kind !== 'digital_key') return { kind: 'refused', code: 1101, why: 'kind is tag or digital_key' };
  const key = site.keys.get(id);
  if (key === undefined) return { kind: 'refused', code: 3104, why: `no key on ${id}` };
  if ((key.offline !== false) !== on) site.changed();
  site.keys.set(id, { ...key, offline: on });
  return { kind: 'accepted' };
}
