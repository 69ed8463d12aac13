/** The scenario harness's public face. */
export * from './duration.ts';
export * from './scenario-file.ts';
export * from './run-scenario.ts';
export * from './scenario-library.ts';
export * from './narrator.ts';
export * from './expectations.ts';
export * from './check/index.ts';
