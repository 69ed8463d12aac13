// ESLint: typescript-eslint's recommended rules everywhere, plus the determinism bans of
// design.md ("Determinism rules" 1 and 2) on everything simulated: twin/ and scenarios/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Calls that read the wall clock, start real timers or draw unseeded randomness. */
export const determinismBans = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Date.now() reads the wall clock: use the kernel clock (kernel.now()).',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'new Date() without arguments reads the wall clock: pass a virtual time.',
  },
  {
    selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']",
    message: 'performance.now() reads the wall clock: use the kernel clock.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'Math.random() is unseeded: draw from a named stream of the run seed.',
  },
  {
    selector: "CallExpression[callee.object.name='crypto'][callee.property.name='randomUUID']",
    message: 'crypto.randomUUID() is unseeded: derive ids from the spec or a seeded stream.',
  },
  {
    selector: "CallExpression[callee.name='randomUUID']",
    message: 'randomUUID() is unseeded: derive ids from the spec or a seeded stream.',
  },
  {
    selector: 'CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate)$/]',
    message: 'Real timers are not allowed in the twin: schedule on the kernel clock.',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(setTimeout|setInterval|setImmediate)$/][callee.object.name=/^(globalThis|window|global)$/]',
    message: 'Real timers are not allowed in the twin: schedule on the kernel clock.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test/artifacts/**', '.lockstep/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['twin/**/*.ts', 'scenarios/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...determinismBans] },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
