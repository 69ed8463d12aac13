import type { TwinInput } from '../../twin/index.ts';

/** One generated step: an input, after a gap of virtual time (the generators' common unit). */
export interface Step {
  /** Virtual time since the previous step. */
  readonly gapMs: number;
  readonly input: TwinInput;
}
