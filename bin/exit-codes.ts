/** The CLI's exit codes (design.md: 0 passed, 1 a property or expectation failed, 2 bad input). */
export const exitCodes = { passed: 0, failed: 1, badInput: 2 } as const;

/**
 * What kind of bad input it was, for `--json` (`{"error": {"code", "message"}}`): `unknown-name` (no scenario,
 * site or defect by that name), `unreadable-file` (missing, not a file, too big, not JSON), `port-in-use`, and
 * `bad-input` for everything else (a field, a flag's value). Commander's own errors add theirs (`cli-program.ts`).
 */
export type BadInputCode = 'bad-input' | 'unknown-name' | 'unreadable-file' | 'port-in-use';

/** Input the user can fix: reported as one clear message and exit code 2. */
export class BadInputError extends Error {
  override name = 'BadInputError';
  readonly code: BadInputCode;
  /** Known names close to an unknown one ("did you mean"). */
  readonly suggestions: readonly string[];

  constructor(
    message: string,
    options: { readonly code?: BadInputCode; readonly suggestions?: readonly string[] } = {},
  ) {
    super(message);
    this.code = options.code ?? 'bad-input';
    this.suggestions = options.suggestions ?? [];
  }
}
