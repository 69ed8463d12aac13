/**
 * Offline access: the credentials a lock keeps opening for while it cannot reach its IQ (and so the cloud).
 *
 * The vendor's pages: offline access is a right on a user's key, stored in the locks, used only when a lock has
 * lost its IQ (an IQ without internet still answers its locks); for tags and digital keys an admin sets it per
 * key, for PINs it is automatic; only site admins manage it; a lock holds at most 360 such credentials (BLUEnet)
 * or 39 (older RF locks), and a site with one RF lock has 39 for all; past the bound the service keeps "random"
 * ones. The twin decides:
 * - a tag or digital key has offline access unless an admin took it away (`offlineAccess: false`): the twin's
 *   sites are commissioned with it on, so a lock cut off from its IQ goes on opening for the people it knows;
 * - a PIN always has it;
 * - the lock's offline list is, among the credentials its data holds for its users, those with offline access
 *   and not blocked, in credential-id order, the first `offlineAccessMax` of them (deterministic where the
 *   service picks at random); the site's bound is 39 when it has an older (RF) escutcheon, else 360;
 * - while cut off, a credential off the list is refused (`lock offline`, entry `event_detail: offline`); one on
 *   it is judged as usual, its schedule included (the vendor's developer pages: "valid time frame").
 */
/** A BLUEnet lock's room for offline credentials. */
export const offlineAccessMaxBluenet = 360;
/** An older (RF) lock's room; a site with one has this bound on every lock. */
export const offlineAccessMaxRf = 39;

/** The bound of a site with these lock kinds: the older escutcheon is the twin's only RF lock. */
export function offlineAccessMaxOf(lockKinds: readonly string[]): number {
  return lockKinds.includes('escutcheon') ? offlineAccessMaxRf : offlineAccessMaxBluenet;
}

/** The offline list: the candidates (credential ids) in id order, the first `max` of them. */
export function offlineListOf(candidates: readonly string[], max: number): ReadonlySet<string> {
  return new Set([...candidates].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, Math.max(0, max)));
}
