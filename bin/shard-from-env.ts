/**
 * Which shard of a sweep this process runs, from `--shard i/n` or from the scheduler that started it:
 * - `--shard i/n` (1-based; GitHub Actions matrices and anything else) always wins over the environment;
 * - Kubernetes Indexed Jobs set `JOB_COMPLETION_INDEX` (0-based); the count (`.spec.completions`) is not in the
 *   pod's environment, so it comes from `--shards N` or `LOCKSTEP_SHARDS`;
 * - GitLab `parallel: N` sets `CI_NODE_INDEX` (1-based) and `CI_NODE_TOTAL` (GitLab sets `CI_NODE_TOTAL=1` on
 *   every job that is not parallel, so a total of 1 alone means "not sharded");
 * - AWS Batch array jobs set `AWS_BATCH_JOB_ARRAY_INDEX` (0-based); AWS does not export the array's size to the
 *   container, so it comes from `--shards N` or `LOCKSTEP_SHARDS`.
 * Nothing set: the whole sweep. A pure function of the flags and an environment object, so that a retried shard
 * (same flags, same environment) runs the same runs, and tests need no real environment.
 */
import { BadInputError } from './exit-codes.ts';

/** Where a shard came from, as `--json` and the result document name it. */
export type ShardSource = '--shard' | 'JOB_COMPLETION_INDEX' | 'CI_NODE_INDEX' | 'AWS_BATCH_JOB_ARRAY_INDEX';

export interface ShardChoice {
  /** 1-based, as `--shard i/n` and `shardRuns`. */
  readonly index: number;
  readonly count: number;
  readonly source: ShardSource;
  /** Where the count came from (`--shard`, `--shards`, `LOCKSTEP_SHARDS`, `CI_NODE_TOTAL`). */
  readonly countSource: string;
}

export interface ShardInput {
  /** `--shard i/n`. */
  readonly shard?: string | undefined;
  /** `--shards N`: the count for a scheduler that gives only an index. */
  readonly shards?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The sweep's runs: no shard may be empty. */
  readonly runs: number;
}

/** Digits in a shard index or count: a million shards is past any scheduler and any sweep (`--runs` ≤ 10⁶). */
const digitsMax = 7;

/** Index variables, with the base of their index. */
const indexVariables = [
  { name: 'JOB_COMPLETION_INDEX', base: 0 },
  { name: 'CI_NODE_INDEX', base: 1 },
  { name: 'AWS_BATCH_JOB_ARRAY_INDEX', base: 0 },
] as const;

/** A whole number written in digits only (no sign, space, exponent or fraction). */
function digitsOf(text: string, name: string): number {
  if (!new RegExp(`^\\d{1,${digitsMax}}$`).test(text))
    throw new BadInputError(`${name} must be a whole number in digits, got "${text.slice(0, 40)}"`);
  return Number(text);
}

/** A variable's value, unset when empty (a template that leaves it blank). */
function valueOf(env: ShardInput['env'], name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function checkedCount(count: number, name: string, runs: number): number {
  if (count < 1) throw new BadInputError(`${name} must be at least 1, got ${count}`);
  if (count > runs)
    throw new BadInputError(
      `${name} is ${count}, more shards than the sweep's ${runs} runs (a shard would be empty)`,
    );
  return count;
}

function fromFlag(input: ShardInput, text: string): ShardChoice {
  if (input.shards !== undefined)
    throw new BadInputError(
      '--shards gives the count to an index from the environment; --shard i/n names both',
    );
  const match = new RegExp(`^(\\d{1,${digitsMax}})/(\\d{1,${digitsMax}})$`).exec(text);
  if (match === null)
    throw new BadInputError(`--shard must be i/n with 1 ≤ i ≤ n, got "${text.slice(0, 40)}"`);
  const index = Number(match[1]);
  const count = checkedCount(Number(match[2]), '--shard count', input.runs);
  if (index < 1 || index > count)
    throw new BadInputError(`--shard must be i/n with 1 ≤ i ≤ n, got "${text}"`);
  return { index, count, source: '--shard', countSource: '--shard' };
}

/** The count for an index variable: `CI_NODE_TOTAL` for GitLab, else `--shards` or `LOCKSTEP_SHARDS` (one value). */
function countFor(input: ShardInput, indexName: string): { count: number; countSource: string } {
  const given: { name: string; count: number }[] = [];
  if (input.shards !== undefined) given.push({ name: '--shards', count: digitsOf(input.shards, '--shards') });
  const fromEnv = valueOf(input.env, 'LOCKSTEP_SHARDS');
  if (fromEnv !== undefined)
    given.push({ name: 'LOCKSTEP_SHARDS', count: digitsOf(fromEnv, 'LOCKSTEP_SHARDS') });
  const total = valueOf(input.env, 'CI_NODE_TOTAL');
  if (indexName === 'CI_NODE_INDEX' && total !== undefined)
    given.unshift({ name: 'CI_NODE_TOTAL', count: digitsOf(total, 'CI_NODE_TOTAL') });
  const first = given[0];
  if (first === undefined)
    throw new BadInputError(
      `${indexName} is set but the shard count is not: give it with --shards N or LOCKSTEP_SHARDS (the scheduler does not export it)`,
    );
  const other = given.find((entry) => entry.count !== first.count);
  if (other !== undefined)
    throw new BadInputError(
      `${first.name} (${first.count}) and ${other.name} (${other.count}) disagree on the shard count`,
    );
  return { count: checkedCount(first.count, first.name, input.runs), countSource: first.name };
}

/** The shard to run, or undefined for the whole sweep; bad or conflicting values are `BadInputError`s. */
export function shardFromEnv(input: ShardInput): ShardChoice | undefined {
  if (input.shard !== undefined) return fromFlag(input, input.shard);
  const set = indexVariables.filter(({ name }) => valueOf(input.env, name) !== undefined);
  if (set.length > 1)
    throw new BadInputError(
      `${set.map(({ name }) => name).join(' and ')} are both set: which scheduler started this? (--shard i/n decides)`,
    );
  const variable = set[0];
  if (variable === undefined) return noShard(input);
  const raw = digitsOf(valueOf(input.env, variable.name) as string, variable.name);
  const { count, countSource } = countFor(input, variable.name);
  const index = raw - variable.base + 1;
  if (index < 1 || index > count)
    throw new BadInputError(
      `${variable.name} is ${raw}, out of range for ${count} shards (${variable.base === 0 ? `0 to ${count - 1}` : `1 to ${count}`})`,
    );
  return { index, count, source: variable.name, countSource };
}

/** No index anywhere: a count alone is a mistake (each process would run the whole sweep), except GitLab's 1. */
function noShard(input: ShardInput): undefined {
  if (input.shards !== undefined)
    throw new BadInputError(
      '--shards needs a shard index from the environment (JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX); none is set',
    );
  if (valueOf(input.env, 'LOCKSTEP_SHARDS') !== undefined)
    throw new BadInputError(
      'LOCKSTEP_SHARDS is set but no shard index is (JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX)',
    );
  const total = valueOf(input.env, 'CI_NODE_TOTAL');
  if (total !== undefined && digitsOf(total, 'CI_NODE_TOTAL') > 1)
    throw new BadInputError(`CI_NODE_TOTAL is ${total} but CI_NODE_INDEX is not set`);
  return undefined;
}

/** One line for people: `shard 2/3 (from JOB_COMPLETION_INDEX, count from --shards)`. */
export function describeShard(shard: ShardChoice | undefined): string {
  if (shard === undefined) return 'the whole sweep';
  const from = shard.source === '--shard' ? '--shard' : `${shard.source}, count from ${shard.countSource}`;
  return `shard ${shard.index}/${shard.count} (from ${from})`;
}
