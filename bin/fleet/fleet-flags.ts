/** Flag values of the `fleet` commands, each checked and bounded, with the message `check` gives for the same. */
import { checkModeDefault, checkModes, type CheckMode } from '../../scenarios/index.ts';
import { defectNames, isDefectName } from '../../twin/index.ts';
import { closestNames, didYouMeanHint } from '../did-you-mean.ts';
import { BadInputError } from '../exit-codes.ts';

/** A whole number flag within [min, max], or `fallback` when absent. */
export function wholeNumberFlag(
  text: string | undefined,
  name: string,
  bounds: { readonly fallback: number; readonly min: number; readonly max: number },
): number {
  if (text === undefined) return bounds.fallback;
  if (!/^-?\d{1,16}$/.test(text)) throw new BadInputError(`--${name} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < bounds.min || value > bounds.max)
    throw new BadInputError(`--${name} must be between ${bounds.min} and ${bounds.max}, got ${value}`);
  return value;
}

export function modeFlag(text: string | undefined): CheckMode {
  if (text === undefined) return checkModeDefault;
  const mode = checkModes.find((known) => known === text);
  if (mode === undefined)
    throw new BadInputError(`--mode must be one of ${checkModes.join(', ')}, got "${text}"`);
  return mode;
}

/** Known defect names, sorted and without repeats (their order does not change the sweep). */
export function defectsFlag(names: readonly string[] | undefined): string[] {
  for (const defect of names ?? []) {
    if (isDefectName(defect)) continue;
    const suggestions = closestNames(defect, defectNames);
    throw new BadInputError(
      `unknown defect "${defect}" (${didYouMeanHint(suggestions)}known: ${defectNames.join(', ')})`,
      { code: 'unknown-name', suggestions },
    );
  }
  return [...new Set(names ?? [])].sort();
}

export function print(text: string): void {
  process.stdout.write(text + '\n');
}
