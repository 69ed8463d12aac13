/** Refusals: one constructor, and thrown errors classified by their class (never by their message). */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CloudError, UnknownDeviceError } from '../../twin/index.ts';
import { errorMessageSchema } from './protocol.ts';
import {
  badField,
  badMessage,
  badSpec,
  cloudRefusal,
  parseOptions,
  refusal,
  refusalOfError,
  SessionFullError,
} from './refusals.ts';

describe('refusals', () => {
  it('leaves out a path it was not given, and every refusal is an error message but for type and id', () => {
    expect(refusal('twin-error', 'stopped')).toStrictEqual({
      ok: false,
      code: 'twin-error',
      message: 'stopped',
    });
    for (const made of [
      refusal(3105, 'offline', 'command.lock'),
      badField('command.ms', 'is past the end'),
      cloudRefusal(3105),
      refusalOfError(new Error('boom')),
    ]) {
      const { ok: _ok, ...fields } = made;
      expect(errorMessageSchema.safeParse({ type: 'error', id: null, ...fields }).success).toBe(true);
    }
  });

  it('names the field of a failed parse, an unknown field by its own name', () => {
    const schema = z.strictObject({ lock: z.string() });
    const wrongType = schema.safeParse({ lock: 1 }, parseOptions);
    const unknown = schema.safeParse({ lock: 'x', please: true }, parseOptions);
    if (wrongType.success || unknown.success) throw new Error('both parses should fail');
    expect(badMessage(wrongType.error, 'command')).toMatchObject({
      code: 'bad-message',
      path: 'command.lock',
    });
    expect(badMessage(unknown.error, 'command')).toStrictEqual({
      ok: false,
      code: 'bad-message',
      message: 'command.please: is not a field of this message',
      path: 'command.please',
    });
    const whole = z.string().safeParse(1, parseOptions);
    if (whole.success) throw new Error('the parse should fail');
    expect(badMessage(whole.error, '')).not.toHaveProperty('path');
  });

  it('reports the first problem a loader found under its prefix', () => {
    expect(
      badSpec([{ path: 'inputs[0].at', message: 'is required' }], 'command.file', 'is not a scenario'),
    ).toMatchObject({
      path: 'command.file.inputs[0].at',
      message: 'command.file.inputs[0].at: is required',
    });
    expect(badSpec([], 'command.file', 'is not a scenario')).toMatchObject({ path: 'command.file' });
  });

  it('classifies a thrown error by its class', () => {
    expect(refusalOfError(new CloudError(3105, 'IQ iq-1'))).toMatchObject({ code: 3105 });
    expect(refusalOfError(new UnknownDeviceError('lock', 'lock-x'))).toMatchObject({
      code: 'unknown-device',
    });
    expect(refusalOfError(new SessionFullError(100_000))).toStrictEqual({
      ok: false,
      code: 'session-full',
      message: 'the live session keeps at most 100000 inputs; it takes no more',
    });
    const thrown = (() => {
      try {
        z.strictObject({ ms: z.number() }).parse({ ms: 'soon' }, parseOptions);
      } catch (error) {
        return error;
      }
    })();
    expect(refusalOfError(thrown)).toMatchObject({ code: 'bad-message', path: 'command.ms' });
    // A message that merely sounds like a known refusal is still the twin's own failure.
    expect(refusalOfError(new RangeError('a session keeps at most 100000 inputs'))).toMatchObject({
      code: 'twin-error',
      message: 'RangeError: a session keeps at most 100000 inputs',
    });
    expect(refusalOfError('not an error')).toMatchObject({ code: 'twin-error', message: 'not an error' });
  });

  it('gives a cloud code its table message', () => {
    expect(cloudRefusal(3105)).toStrictEqual({
      ok: false,
      code: 3105,
      message: 'Iq is offline it is not connected to CCC',
    });
    expect(cloudRefusal(9999)).toMatchObject({ message: 'cloud error 9999' });
  });
});
