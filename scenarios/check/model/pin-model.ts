/**
 * The reference model's rules for PINs, written from the domain and the Connect contract, not from the cloud's
 * code: a PIN of the actor's choice (`set-pin`) needs someone who manages the user, the PIN feature and the
 * custom-PIN feature of an active subscription, 6 digits no other user of the site holds, an expiry (if any)
 * ahead of now, a guest known everywhere (the cloud's lag: 2203), and every keypad lock of the user in reach:
 * 3105 when its IQ is not connected. Whether a lock is in its IQ's reach (3102) depends on the radio, which the
 * model does not follow: that one refusal it takes from the cloud's answer, applying the change only when the
 * cloud accepted it. A PIN with an expiry leaves the user, and so every lock's rules, at that instant.
 */
import type { Role } from '../../../twin/index.ts';

/** What the PIN rules read of the site model. */
export interface PinModelUser {
  readonly role: Role;
  readonly pin: string | undefined;
  /** The PIN works until this instant (UTC ms, exclusive). */
  readonly pinUntilUtcMs?: number | undefined;
}

export interface PinHost<User extends PinModelUser> {
  readonly users: Map<string, User>;
  readonly epochUtcMs: number;
  featureOn(feature: 'pin-codes' | 'custom-pin'): boolean;
  mayManage(actorId: string, actor: User, targetId: string, target: User): boolean;
  settling(userId: string, tMs: number): boolean;
  /** The keypad locks of the user's access groups, in id order, with whether each one's IQ is connected. */
  keypadLocksOf(userId: string): readonly { readonly lock: string; readonly iqConnected: boolean }[];
  /** An accepted change to credentials (the lock rules are built again). */
  changed(): void;
}

export type PinVerdict =
  | { readonly kind: 'refused'; readonly code: number; readonly why: string }
  | { readonly kind: 'not-judged' }
  /**
   * The cloud answers `code` ('accepted' or 3105), or 3102 when a keypad lock is out of its IQ's reach (the
   * radio's business). `apply` makes the change in the model; call it only when the cloud accepted.
   */
  | { readonly kind: 'unless-out-of-reach'; readonly code: 'accepted' | 3105; readonly apply: () => void };

const refused = (code: number, why: string): PinVerdict => ({ kind: 'refused', code, why });
const pinPattern = /^\d{6}$/;

/** `set-pin` [user, digits or null, expiry?] at run time `tMs`. */
export function judgeSetPin<User extends PinModelUser>(
  host: PinHost<User>,
  actorId: string,
  actor: User,
  args: readonly unknown[],
  tMs: number,
): PinVerdict {
  const [userId, pin, expiry] = args;
  if (typeof userId !== 'string') return refused(1101, 'a user id is a string');
  if (pin !== null && typeof pin !== 'string') return refused(1101, 'a PIN is a string or null');
  let untilUtcMs: number | undefined;
  if (expiry !== undefined && expiry !== null) {
    untilUtcMs = typeof expiry === 'string' ? Date.parse(expiry) : Number.NaN;
    if (Number.isNaN(untilUtcMs)) return refused(1101, 'an expiry is an ISO instant');
  }
  const target = host.users.get(userId);
  if (target === undefined) return refused(3104, `no user ${userId}`);
  if (!host.mayManage(actorId, actor, userId, target))
    return refused(2203, `${actorId} may not manage ${userId}`);
  if (untilUtcMs !== undefined && untilUtcMs <= host.epochUtcMs + tMs)
    return refused(1101, 'the expiry is already past');
  if (host.settling(userId, tMs)) return refused(2203, `${userId} was created moments ago`);
  if (pin !== null) {
    if (!host.featureOn('pin-codes')) return refused(2212, 'no pin-codes feature');
    if (!host.featureOn('custom-pin')) return refused(2212, 'a PIN of the actor’s choice needs custom-pin');
    if (!pinPattern.test(pin)) return refused(1101, 'a PIN is 6 digits');
    for (const [otherId, other] of host.users)
      if (otherId !== userId && other.pin === pin) return refused(1101, `${otherId} holds that PIN`);
  }
  const offline = host.keypadLocksOf(userId).some((lock) => !lock.iqConnected);
  return {
    kind: 'unless-out-of-reach',
    code: offline ? 3105 : 'accepted',
    apply: () => {
      if (offline) return;
      const digits = pin ?? undefined;
      host.users.set(userId, {
        ...target,
        pin: digits,
        pinUntilUtcMs: digits === undefined ? undefined : untilUtcMs,
      });
      host.changed();
    },
  };
}

/** The PINs that ended at or before `nowUtcMs` leave their users (the cloud takes them off the locks then). */
export function expirePins<User extends PinModelUser>(host: PinHost<User>, nowUtcMs: number): void {
  for (const [userId, user] of host.users) {
    if (user.pinUntilUtcMs === undefined || user.pinUntilUtcMs > nowUtcMs) continue;
    host.users.set(userId, { ...user, pin: undefined, pinUntilUtcMs: undefined });
    host.changed();
  }
}
