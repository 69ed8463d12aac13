/** The CLI's exit codes (design.md: 0 passed, 1 a property or expectation failed, 2 bad input). */
export const exitCodes = { passed: 0, failed: 1, badInput: 2 } as const;

/** Input the user can fix: reported as one clear message and exit code 2. */
export class BadInputError extends Error {
  override name = 'BadInputError';
}
