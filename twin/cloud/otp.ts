/**
 * The one-time password (OTP) an activated IQ asks for before a remote opening or an IQ PIN change: the first 5
 * hex characters of `MD5(YYYYMMDDHHMMSS + secret + pin)`, the timestamp in whole seconds of UTC (no rounding),
 * the secret the user's (per IQ) and the PIN the user's IQ PIN. In the twin, "UTC" is the twin's virtual UTC.
 *
 * Window: the service accepts a code "for about 3 minutes, allowing for some delays and errors in device time".
 * The twin accepts a code made at any whole second from `otpValidityMs` (180 s) before its clock up to
 * `otpClockAheadMsMax` (30 s) after it (a client whose clock runs a little ahead). Checking costs one MD5 per
 * second of the window (211), which is nothing next to a request.
 */
import { createHash } from 'node:crypto';

export const otpLength = 5;
/** How long after the second it was made a code is still accepted. */
export const otpValidityMs = 180_000;
/** How far ahead of the twin's clock a code's second may be (a client clock running fast). */
export const otpClockAheadMsMax = 30_000;

const secondMs = 1_000;

/** `YYYYMMDDHHMMSS` of the whole UTC second `utcMs` falls in. */
export function otpTimestamp(utcMs: number): string {
  if (!Number.isFinite(utcMs)) throw new RangeError(`an OTP needs a finite instant, got ${utcMs}`);
  const iso = new Date(Math.floor(utcMs / secondMs) * secondMs).toISOString();
  return iso.slice(0, 19).replace(/[-T:]/g, '');
}

/** The code a user's app shows at `utcMs` for this secret and PIN. */
export function oneTimePassword(secret: string, pin: string, utcMs: number): string {
  return createHash('md5')
    .update(`${otpTimestamp(utcMs)}${secret}${pin}`, 'utf8')
    .digest('hex')
    .slice(0, otpLength);
}

export interface OtpCheck {
  readonly otp: string;
  readonly secret: string;
  readonly pin: string;
  readonly nowUtcMs: number;
}

/** Whether `otp` is a code of this secret and PIN made within the window around `nowUtcMs` (case-insensitive). */
export function isOtpValid({ otp, secret, pin, nowUtcMs }: OtpCheck): boolean {
  if (otp.length !== otpLength) return false;
  const wanted = otp.toLowerCase();
  const nowSecondMs = Math.floor(nowUtcMs / secondMs) * secondMs;
  for (let atMs = nowSecondMs - otpValidityMs; atMs <= nowSecondMs + otpClockAheadMsMax; atMs += secondMs) {
    if (oneTimePassword(secret, pin, atMs) === wanted) return true;
  }
  return false;
}
