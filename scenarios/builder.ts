/**
 * A fluent builder for scenario files, for writing scenarios in TypeScript with the compiler checking every input
 * and expectation:
 *
 * ```ts
 * const file = scenario('front-door')
 *   .describe('Anna opens the front door.')
 *   .site('office')
 *   .seed(1)
 *   .until('5m')
 *   .at('5s', { type: 'present-tag', tag: 'tag-anna', lock: 'lock-front' })
 *   .expect({ type: 'decision', lock: 'lock-front', category: 'lock_opened', user: 'user-anna' })
 *   .toJSON();
 * ```
 *
 * `toJSON()` gives exactly the object a scenario file holds (what `parseScenario` takes, and what
 * `JSON.stringify(builder)` writes); `build()` parses it into a runnable `Scenario`. Each call returns a new
 * builder, so a half-built scenario can be the common start of several.
 */
import type { DefectName, SiteSpecInput, TwinInput } from '../twin/index.ts';
import { parseDurationMs } from './duration.ts';
import type { Expectation } from './expectations.ts';
import { parseScenario, type Scenario } from './scenario-file.ts';

/** A duration as scenario files write it: `"500ms"`, `"38s"`, `"1h30m"`, or plain milliseconds. */
export type Duration = string | number;

/** One input of a scenario file: the input itself plus the time it happens. */
export type ScenarioFileInput = { readonly at: Duration } & TwinInput;

/** The JSON of a scenario file; optional fields are present only when set. */
export interface ScenarioFile {
  readonly name: string;
  readonly description?: string;
  /** A library site's name, or a site spec inline. */
  readonly site: string | SiteSpecInput;
  readonly seed?: number;
  readonly until?: Duration;
  readonly background?: boolean;
  readonly inputs: readonly ScenarioFileInput[];
  readonly expect: readonly Expectation[];
  /** Present only when some defect is switched on. */
  readonly defects?: readonly DefectName[];
}

interface BuilderState {
  readonly name: string;
  readonly description?: string;
  readonly site?: string | SiteSpecInput;
  readonly seed?: number;
  readonly until?: Duration;
  readonly background?: boolean;
  readonly inputs: readonly ScenarioFileInput[];
  readonly expect: readonly Expectation[];
  readonly defects: readonly DefectName[];
}

function requireDuration(value: Duration, what: string): Duration {
  if (parseDurationMs(value) === undefined)
    throw new RangeError(`${what} "${String(value)}" is not a duration (like "90s", "2m", "1h")`);
  return value;
}

/** JSON-safe deep copy, so a built file shares nothing with the builder or the caller's objects. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

export class ScenarioBuilder {
  private constructor(private readonly state: BuilderState) {}

  /** A new, empty scenario called `name` (the library wants the file name, kebab-case). */
  static named(name: string): ScenarioBuilder {
    if (name.length === 0) throw new RangeError('a scenario needs a name');
    return new ScenarioBuilder({ name, inputs: [], expect: [], defects: [] });
  }

  private with(change: Partial<BuilderState>): ScenarioBuilder {
    return new ScenarioBuilder({ ...this.state, ...change });
  }

  /** The one-line description `lockstep list` shows. */
  describe(description: string): ScenarioBuilder {
    return this.with({ description });
  }

  /** A library site by name, or a site spec inline. */
  site(site: string | SiteSpecInput): ScenarioBuilder {
    return this.with({ site: copy(site) });
  }

  seed(seed: number): ScenarioBuilder {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`a seed is a whole number, got ${seed}`);
    return this.with({ seed });
  }

  /** How long the run lasts (without it: one minute past the last input). */
  until(until: Duration): ScenarioBuilder {
    return this.with({ until: requireDuration(until, 'until') });
  }

  /** Seeded people coming and going besides the listed inputs. */
  background(on = true): ScenarioBuilder {
    return this.with({ background: on });
  }

  /** Inputs at one time from the start, in the order given. */
  at(at: Duration, ...inputs: readonly TwinInput[]): ScenarioBuilder {
    requireDuration(at, 'at');
    return this.with({ inputs: [...this.state.inputs, ...inputs.map((input) => ({ at, ...copy(input) }))] });
  }

  expect(...expectations: readonly Expectation[]): ScenarioBuilder {
    return this.with({ expect: [...this.state.expect, ...expectations.map(copy)] });
  }

  /** Defects switched on for this scenario (see twin/defects.ts). */
  defects(...names: readonly DefectName[]): ScenarioBuilder {
    return this.with({ defects: [...this.state.defects, ...names] });
  }

  /** The scenario file's JSON object. Throws when no site was given. */
  toJSON(): ScenarioFile {
    const { name, description, site, seed, until, background, inputs, expect, defects } = this.state;
    if (site === undefined) throw new RangeError(`scenario ${name} has no site: call .site(…)`);
    return {
      name,
      ...(description === undefined ? {} : { description }),
      site: copy(site),
      ...(seed === undefined ? {} : { seed }),
      ...(until === undefined ? {} : { until }),
      ...(background === undefined ? {} : { background }),
      inputs: copy(inputs),
      expect: copy(expect),
      ...(defects.length === 0 ? {} : { defects: [...defects] }),
    };
  }

  /** The runnable scenario; throws naming each bad field (as a scenario file would be reported). */
  build(): Scenario {
    const parsed = parseScenario(this.toJSON());
    if (parsed.ok) return parsed.value;
    throw new RangeError(
      `scenario ${this.state.name} is invalid: ${parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
    );
  }
}

/** Starts a scenario called `name`. */
export function scenario(name: string): ScenarioBuilder {
  return ScenarioBuilder.named(name);
}
