/**
 * A user's activation of an IQ, once per (user, IQ), and the one-time-password check it makes possible:
 *
 * 1. the user reads their first secret (`handOutIqSecret`), only before activation (afterwards 2203);
 * 2. the cloud mails them an IQ PIN of 4 digits (`mailIqPin`), only before activation (afterwards 2203);
 * 3. the user changes the PIN with a valid OTP of (secret, PIN) and a `delta` (`changeIqPin`): digit by digit
 *    `new = (old − delta) mod 10`, `0000` keeping it. The first change activates the user on the IQ.
 *
 * Remote opening through an IQ with `otpEnabled` then needs a valid OTP of the user's secret and current PIN
 * (`requireLockingOtp`). Refusals, as on the service: a user not activated on the IQ is 404/2202 "Otp is invalid";
 * a missing or wrong code is 400/3102 `otp_invalid`; `otpFailuresInRowMax` (3) failures in a row block the user on
 * that IQ for that purpose (locking, or the PIN change) for `otpBlockMs` (5 virtual minutes): 403/3102
 * `otp_blocked`, the third failure included; the block then ends by itself and the count starts again. A valid code
 * resets the count. A refused code changes nothing but the count, so it never reaches the lock or the entries.
 *
 * Secrets and PINs are not drawn here: the caller chooses them (`iqSecretOf`, `iqPinOf`: hashes of site, user and
 * IQ) and passes them in, so a recorded operation carries them and a replay gives the same ones.
 */
import { createHash } from 'node:crypto';
import { type CoreContext, found } from './core-context.ts';
import { CloudError } from './error-table.ts';
import type { CloudIq } from './model.ts';
import { isOtpValid } from './otp.ts';
import { actor } from './rights.ts';

export type IqActivation = CloudIq['userActivations'][number];
export type OtpPurpose = keyof IqActivation['otpFailures'];

/** Failed OTPs in a row that block the user (the service was seen blocking after 3, and after 8). */
export const otpFailuresInRowMax = 3;
/** How long a block lasts before it ends by itself (virtual time). */
export const otpBlockMs = 5 * 60_000;

const secretPattern = /^[0-9A-F]{32}$/;
const iqPinPattern = /^\d{4}$/;

/** The first secret of `userId` on `iqId`: 32 upper-case hex characters, the same for every run of the site. */
export function iqSecretOf(siteId: string, userId: string, iqId: string): string {
  return createHash('sha256')
    .update(`lockstep-iq-secret|${siteId}|${userId}|${iqId}`, 'utf8')
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
}

/** The IQ PIN first mailed to `userId` for `iqId`: 4 digits, the same for every run of the site. */
export function iqPinOf(siteId: string, userId: string, iqId: string): string {
  const hex = createHash('sha256')
    .update(`lockstep-iq-pin|${siteId}|${userId}|${iqId}`, 'utf8')
    .digest('hex');
  return (Number.parseInt(hex.slice(0, 8), 16) % 10_000).toString().padStart(4, '0');
}

/** `old − delta` digit by digit, mod 10 (`6596 − 6995 = 0601`). */
export function pinMinusDelta(pin: string, delta: string): string {
  return [...pin].map((digit, index) => (Number(digit) - Number(delta[index]) + 10) % 10).join('');
}

const noFailures = { inRow: 0, blockedUntilUtcMs: undefined } as const;

function newActivation(userId: string): IqActivation {
  return {
    userId,
    secret: undefined,
    pin: undefined,
    activatedAtUtcMs: undefined,
    otpFailures: { locking: noFailures, 'iq-pin': noFailures },
  };
}

export function activationOf(iq: CloudIq, userId: string): IqActivation | undefined {
  return iq.userActivations.find((activation) => activation.userId === userId);
}

/**
 * Replaces (or adds) the user's activation on the IQ. Activations of users no longer in the site are dropped
 * here, so the list stays bounded by the site's users however many come and go.
 */
function storeActivation(context: CoreContext, iqId: string, activation: IqActivation): IqActivation {
  const iq = found(context.state.iqs, iqId);
  const { users } = context.state;
  const known = iq.userActivations.some((candidate) => candidate.userId === activation.userId);
  const userActivations = known
    ? iq.userActivations.map((candidate) => (candidate.userId === activation.userId ? activation : candidate))
    : [...iq.userActivations, activation];
  context.state.iqs.set(iqId, {
    ...iq,
    userActivations: userActivations.filter((candidate) => users.has(candidate.userId)),
  });
  return activation;
}

function requireNotActivated(iq: CloudIq, activation: IqActivation | undefined, what: string): void {
  if (activation?.activatedAtUtcMs !== undefined)
    throw new CloudError(2203, `cannot ${what} for an already activated IQ ${iq.id}`);
}

/** Step 1: the user's first secret on the IQ (the same on every call until activation). */
export function handOutIqSecret(context: CoreContext, actorId: string, iqId: string, secret: string): string {
  const user = actor(context, actorId);
  const iq = found(context.state.iqs, iqId);
  if (typeof secret !== 'string' || !secretPattern.test(secret))
    throw new CloudError(1101, 'a secret is 32 upper-case hex characters', 'secret');
  const activation = activationOf(iq, user.id);
  requireNotActivated(iq, activation, 'get the first secret');
  if (activation?.secret !== undefined) return activation.secret;
  storeActivation(context, iq.id, { ...(activation ?? newActivation(user.id)), secret });
  return secret;
}

/** Step 2: mails the user's IQ PIN (the one mailed before, if any) to the user's email address. */
export function mailIqPin(context: CoreContext, actorId: string, iqId: string, pin: string): void {
  const user = actor(context, actorId);
  const iq = found(context.state.iqs, iqId);
  if (typeof pin !== 'string' || !iqPinPattern.test(pin))
    throw new CloudError(1101, 'an IQ PIN is 4 digits', 'pin');
  const activation = activationOf(iq, user.id);
  requireNotActivated(iq, activation, 'send the PIN');
  if (user.email === undefined)
    throw new CloudError(2203, `${user.id} has no email address to mail the PIN to`);
  const mailed = activation?.pin ?? pin;
  storeActivation(context, iq.id, { ...(activation ?? newActivation(user.id)), pin: mailed });
  context.hooks.mail?.({
    ruleId: 'iq-pin',
    channel: 'email',
    recipient: user.email,
    subject: `Your PIN for IQ ${iq.id}`,
    body: `Your PIN for IQ ${iq.id} is ${mailed}. Change it in the app to activate the IQ.`,
    atUtcMs: context.hooks.nowUtcMs(),
  });
}

/** Step 3 (and any later PIN change): a valid OTP of the current PIN, then `new = old − delta`. */
export function changeIqPin(
  context: CoreContext,
  actorId: string,
  iqId: string,
  change: { readonly otp: string | undefined; readonly delta: string },
): void {
  const user = actor(context, actorId);
  const iq = found(context.state.iqs, iqId);
  if (typeof change.delta !== 'string' || !iqPinPattern.test(change.delta))
    throw new CloudError(1101, 'delta is 4 digits', 'delta');
  const activation = activationOf(iq, user.id);
  if (activation?.pin === undefined)
    throw new CloudError(2203, `no PIN of IQ ${iqId} has been sent to ${user.id} yet`);
  const checked = requireOtp(context, iq.id, activation, 'iq-pin', change.otp);
  storeActivation(context, iq.id, {
    ...checked,
    pin: pinMinusDelta(activation.pin, change.delta),
    activatedAtUtcMs: checked.activatedAtUtcMs ?? context.hooks.nowUtcMs(),
  });
}

/**
 * A remote opening of `lockId` by `actorId` with `otp`: nothing to check when the lock's IQ has OTP off (the code
 * is ignored then); otherwise the user must be activated on the IQ and the code valid.
 */
export function requireLockingOtp(
  context: CoreContext,
  actorId: string,
  lockId: string,
  otp: string | undefined,
): void {
  const user = actor(context, actorId);
  const iq = found(context.state.iqs, found(context.state.locks, lockId).iqId);
  if (!iq.otpEnabled) return;
  const activation = activationOf(iq, user.id);
  if (activation?.activatedAtUtcMs === undefined)
    throw new CloudError(2202, `Otp is invalid: ${user.id} has not activated IQ ${iq.id}`);
  requireOtp(context, iq.id, activation, 'locking', otp);
}

/**
 * Checks a code and counts it: the activation as stored after a valid code, else throws 403 `otp_blocked` or
 * 400 `otp_invalid` (after storing the new count, which is the one change a refused code makes).
 */
function requireOtp(
  context: CoreContext,
  iqId: string,
  activation: IqActivation,
  purpose: OtpPurpose,
  otp: string | undefined,
): IqActivation {
  const nowUtcMs = context.hooks.nowUtcMs();
  const failures = activation.otpFailures[purpose];
  if (failures.blockedUntilUtcMs !== undefined && nowUtcMs < failures.blockedUntilUtcMs)
    throw otpBlocked(failures.blockedUntilUtcMs);
  // A block that has ended starts the count again.
  const inRow = failures.blockedUntilUtcMs === undefined ? failures.inRow : 0;
  const valid =
    typeof otp === 'string' &&
    activation.secret !== undefined &&
    activation.pin !== undefined &&
    isOtpValid({ otp, secret: activation.secret, pin: activation.pin, nowUtcMs });
  const next = valid
    ? noFailures
    : inRow + 1 >= otpFailuresInRowMax
      ? { inRow: inRow + 1, blockedUntilUtcMs: nowUtcMs + otpBlockMs }
      : { inRow: inRow + 1, blockedUntilUtcMs: undefined };
  const stored = storeActivation(context, iqId, {
    ...activation,
    otpFailures: { ...activation.otpFailures, [purpose]: next },
  });
  if (valid) return stored;
  if (next.blockedUntilUtcMs !== undefined) throw otpBlocked(next.blockedUntilUtcMs);
  throw new CloudError(
    3102,
    otp === undefined ? 'otp_invalid: the one-time password is required' : 'otp_invalid',
    undefined,
    400,
  );
}

function otpBlocked(untilUtcMs: number): CloudError {
  return new CloudError(
    3102,
    `otp_blocked: too many invalid one-time passwords, until ${new Date(untilUtcMs).toISOString()}`,
    undefined,
    403,
  );
}

/** The IQs a user has begun (secret or PIN) or finished activating, in the site's IQ order. */
export function activatedIqsOf(
  iqs: Iterable<CloudIq>,
  userId: string,
): { readonly iqId: string; readonly activatedAtUtcMs: number | undefined }[] {
  const found: { iqId: string; activatedAtUtcMs: number | undefined }[] = [];
  for (const iq of iqs) {
    const activation = activationOf(iq, userId);
    if (activation !== undefined) found.push({ iqId: iq.id, activatedAtUtcMs: activation.activatedAtUtcMs });
  }
  return found;
}
