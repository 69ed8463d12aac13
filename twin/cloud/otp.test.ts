import { describe, expect, it } from 'vitest';
import { pinMinusDelta } from './iq-activation.ts';
import { isOtpValid, oneTimePassword, otpClockAheadMsMax, otpTimestamp, otpValidityMs } from './otp.ts';

const secret = '6F6A0000000000000000000000000000';
const madeAtUtcMs = Date.parse('2026-03-02T07:00:00.000Z');

describe('one-time password', () => {
  it('is the first 5 hex characters of MD5(YYYYMMDDHHMMSS + secret + pin), in whole UTC seconds', () => {
    // Vectors computed outside the twin (Python's hashlib).
    expect(oneTimePassword(secret, '5109', madeAtUtcMs)).toBe('1fdb8');
    expect(oneTimePassword('S', '0601', Date.parse('2026-12-31T23:59:59.999Z'))).toBe('33468');
    expect(otpTimestamp(Date.parse('2026-12-31T23:59:59.999Z'))).toBe('20261231235959');
    expect(otpTimestamp(madeAtUtcMs + 999)).toBe('20260302070000');
    expect(() => otpTimestamp(Number.NaN)).toThrow(RangeError);
  });

  it(`is accepted from its second for ${otpValidityMs / 1000} s, and up to ${otpClockAheadMsMax / 1000} s early`, () => {
    const otp = oneTimePassword(secret, '5109', madeAtUtcMs);
    const valid = (nowUtcMs: number) => isOtpValid({ otp, secret, pin: '5109', nowUtcMs });
    expect(valid(madeAtUtcMs)).toBe(true);
    expect(valid(madeAtUtcMs + otpValidityMs + 999)).toBe(true);
    expect(valid(madeAtUtcMs + otpValidityMs + 1_000)).toBe(false);
    expect(valid(madeAtUtcMs - otpClockAheadMsMax)).toBe(true);
    expect(valid(madeAtUtcMs - otpClockAheadMsMax - 1)).toBe(false);
  });

  it('is refused with another PIN, another secret, a wrong length; upper case is accepted', () => {
    const otp = oneTimePassword(secret, '5109', madeAtUtcMs);
    const check = { otp, secret, pin: '5109', nowUtcMs: madeAtUtcMs };
    expect(isOtpValid({ ...check, otp: otp.toUpperCase() })).toBe(true);
    expect(isOtpValid({ ...check, pin: '5108' })).toBe(false);
    expect(isOtpValid({ ...check, secret: secret.replace('6F', '6E') })).toBe(false);
    expect(isOtpValid({ ...check, otp: `${otp}0` })).toBe(false);
    expect(isOtpValid({ ...check, otp: '' })).toBe(false);
  });

  it('changes an IQ PIN digit by digit: new = old − delta (mod 10)', () => {
    expect(pinMinusDelta('6596', '6995')).toBe('0601');
    expect(pinMinusDelta('5109', '0000')).toBe('5109');
    expect(pinMinusDelta('0000', '0001')).toBe('0009');
  });
});
