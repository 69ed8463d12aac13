export * from './clock.ts';
export * from './rng.ts';
export * from './trace.ts';
export * from './canonical-json.ts';
