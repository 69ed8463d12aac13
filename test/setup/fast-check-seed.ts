import fc from 'fast-check';

/**
 * The test suite's properties draw from one fixed seed, so that `npm test` gives the same verdict on every run
 * and a failure in CI replays at a desk. `FC_SEED=<integer>` explores another part of the space; a failure
 * prints the seed and path that replay it.
 */
const defaultSeed = 20_261_202;
const given = process.env.FC_SEED;
const seed = given === undefined || given === '' ? defaultSeed : Number.parseInt(given, 10);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${given}"`);
fc.configureGlobal({ seed });
