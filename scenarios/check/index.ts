/** Property-based exploration: generated cases, the reference model, invariants, failure files and replay. */
export * from './generated-site.ts';
export * from './generated-inputs.ts';
export * from './reference-model.ts';
export * from './invariants.ts';
export * from './run-case.ts';
export * from './property.ts';
export * from './coverage.ts';
export { describeCoverage } from './coverage/coverage-text.ts';
export * from './failure-file.ts';
export { stepText, summaryOf } from './failure-summary.ts';
export * from './replay.ts';
export * from './determinism.ts';
export { LockWatch, type LockWatchHost, type LockWatchInvariant } from './lock-watch.ts';
export * from './sweep-result.ts';
