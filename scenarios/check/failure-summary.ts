/**
 * A failure file's `summary`: one line in plain words that leads the file, saying what broke (the violation's
 * message names the lock and the credential) and which step caused it (the last admin action or fault before
 * the violation, preferring one that names a device the message names), with its virtual time.
 */
import type { TwinInput } from '../../twin/index.ts';
import { timedInputs, type Case, type TimedStepInput } from './run-case.ts';
import type { Violation } from './invariants.ts';

/** What a summary reads of a violation (a failure file's fields will do). */
type ViolationText = Pick<Violation, 'message' | 'tMs'> & { readonly invariant: string };

/** Step types that are people using the site (the cause is rather an admin action or a fault). */
const personTypes: ReadonlySet<string> = new Set([
  'present-tag',
  'tap-phone',
  'enter-pin',
  'open-door',
  'close-door',
  'hold-handle',
]);
const summaryCharsMax = 400;

/** Virtual time as `mm:ss.s` (`h:mm:ss` past an hour). */
function virtualClockText(tMs: number): string {
  const totalS = tMs / 1000;
  const hours = Math.floor(totalS / 3600);
  const minutes = Math.floor((totalS % 3600) / 60);
  const seconds = totalS % 60;
  const ss = seconds.toFixed(seconds % 1 === 0 ? 0 : 1).padStart(seconds % 1 === 0 ? 2 : 4, '0');
  const mm = String(minutes).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** One step in a few words: `block-tag tag-5 by user-1`, `iq-internet iq-1 down`, `present-tag tag-5 at lock-1-1`. */
export function stepText(input: TwinInput): string {
  switch (input.type) {
    case 'admin': {
      const args = input.args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
      return `${input.action}${args === '' ? '' : ` ${args}`} by ${input.actor}`.slice(0, 160);
    }
    case 'iq-internet':
      return `iq-internet ${input.iq} ${input.up ? 'up' : 'down'}`;
    case 'power':
      return `power ${input.device} ${input.on ? 'on' : 'off'}`;
    case 'present-tag':
      return `present-tag ${input.tag} at ${input.lock}`;
    case 'tap-phone':
      return `tap-phone ${input.phone} at ${input.lock}`;
    case 'enter-pin':
      return `enter-pin at ${input.lock}`;
    case 'interference':
      return `interference at (${input.x}, ${input.y}) for ${input.durationMs / 1000} s`;
    case 'cloud-lag':
      return `cloud-lag ${input.lagMs / 1000} s`;
    case 'lock-clock':
      return `lock-clock ${input.lock} ${input.offsetMs / 1000} s`;
    default: {
      const { type, ...fields } = input;
      return [type, ...Object.values(fields).map(String)].join(' ');
    }
  }
}

/** The step that most likely caused the violation (see the top of the file), if any came before it. */
function causeOf(steps: readonly TimedStepInput[], violation: ViolationText): TimedStepInput | undefined {
  const before = steps.filter((step) => step.atMs <= violation.tMs);
  const named = new Set(violation.message.match(/[a-z]+(?:-[\w]+)+/g) ?? []);
  const namesOne = (step: TimedStepInput): boolean =>
    Object.values(step.input).some(
      (value) =>
        (typeof value === 'string' && named.has(value)) ||
        (Array.isArray(value) && value.some((item) => typeof item === 'string' && named.has(item))),
    );
  const causes = before.filter((step) => !personTypes.has(step.input.type));
  return causes.findLast(namesOne) ?? causes.at(-1) ?? before.findLast(namesOne) ?? before.at(-1);
}

/** The one-line summary of a case (at most `summaryCharsMax` characters). */
export function failureSummary(testCase: Case, violation: Violation): string {
  return summaryOf(timedInputs(testCase.steps), violation);
}

/** The one-line summary of steps at their times and the violation they led to. */
export function summaryOf(steps: readonly TimedStepInput[], violation: ViolationText): string {
  const cause = causeOf(steps, violation);
  const after =
    cause === undefined ? '' : `, after ${stepText(cause.input)} at ${virtualClockText(cause.atMs)}`;
  const text = `${violation.invariant}: ${violation.message}${after} (violated at ${virtualClockText(violation.tMs)})`;
  return text.length > summaryCharsMax ? `${text.slice(0, summaryCharsMax - 1)}…` : text;
}
