/**
 * Malformed scenario and site files for `lockstep run FILE`, generated with fast-check: nested too deep, numbers
 * no double holds, wrong types in any field, durations past the longest run, binary junk, truncated JSON. Each
 * file is run in this process (`runCli`, the CLI's own entry, with stdout and stderr captured), and every one
 * must end within a time bound with exit 2 and a message (or 0, or 1 with a verdict, when the mutation left a
 * valid file), never a stack trace or an internal error.
 *
 * `runCliFilesHostile(count)` is the runner; the bounded test (cli-files.test.ts) and the soak call it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCli } from '../../bin/cli-program.ts';
import { adminActionNames } from '../../twin/index.ts';

/** A case that takes longer than this has run the twin instead of refusing its file. */
export const caseWallMsMax = 5_000;

/** A small valid scenario: the mutations start from it, so a mutation that leaves it valid still runs fast. */
const baseScenario = {
  name: 'hostile-base',
  site: 'two-doors',
  seed: 1,
  until: '2m',
  inputs: [
    { at: '5s', type: 'tap-phone', phone: 'phone-1', lock: 'lock-left' },
    { at: '20s', type: 'present-tag', tag: 'tag-2', lock: 'lock-right' },
    {
      at: '30s',
      type: 'interference',
      x: 1,
      y: 0,
      radiusM: 5,
      lossProbability: 0.5,
      durationMs: 10_000,
    },
    { at: '40s', type: 'admin', actor: 'user-1', action: 'block-tag', args: ['tag-2'] },
  ],
};

/** A small valid site file (a bare site runs with people coming and going). */
const baseSite = {
  name: 'hostile-site',
  iqs: [{ id: 'iq-1', position: { x: 0, y: 0 } }],
  doors: [{ id: 'door-1' }],
  locks: [
    {
      id: 'lock-1',
      kind: 'bluenet-escutcheon',
      iq: 'iq-1',
      door: 'door-1',
      position: { x: 3, y: 0 },
      openTimeMs: 5_000,
    },
  ],
  users: [{ id: 'user-1', name: 'Ann' }],
  tags: [{ id: 'tag-1', user: 'user-1' }],
  settings: { heartbeatIntervalMs: 60_000 },
};

/** A small failure file of the regression suite, for `lockstep replay`. */
const baseFailure = JSON.parse(
  readFileSync(
    new URL(
      '../../scenarios/regressions/remote-open-iq-offline-admin-outcome-seed1-run4.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as unknown;

type Json = unknown;
type PathKey = string | number;

/** Fields a mutation may hit, in the scenario and in the site. */
const scenarioPaths: readonly (readonly PathKey[])[] = [
  ['name'],
  ['site'],
  ['seed'],
  ['until'],
  ['inputs'],
  ['inputs', 0],
  ['inputs', 0, 'at'],
  ['inputs', 1, 'lock'],
  ['inputs', 2, 'x'],
  ['inputs', 2, 'radiusM'],
  ['inputs', 2, 'durationMs'],
  ['inputs', 3, 'args'],
  ['inputs', 3, 'args', 0],
  ['expect'],
  ['defects'],
];
const failurePaths: readonly (readonly PathKey[])[] = [
  ['format'],
  ['seed'],
  ['site'],
  ['site', 'locks', 0, 'position', 'x'],
  ['site', 'iqs'],
  ['steps'],
  ['steps', 0, 'gapMs'],
  ['steps', 0, 'input'],
  ['steps', 1, 'input', 'device'],
  ['inputs', 0, 'atMs'],
  ['defects'],
  ['expectedTrace'],
  ['fastCheck'],
];
const sitePaths: readonly (readonly PathKey[])[] = [
  ['name'],
  ['iqs'],
  ['iqs', 0, 'position'],
  ['iqs', 0, 'position', 'x'],
  ['locks', 0, 'position', 'y'],
  ['locks', 0, 'openTimeMs'],
  ['locks', 0, 'kind'],
  ['users'],
  ['users', 0, 'id'],
  ['tags', 0, 'user'],
  ['settings', 'heartbeatIntervalMs'],
  ['settings', 'radio'],
  ['timeZone'],
];

/** Numbers no field can take: past every bound, or past what a double holds (written as raw JSON text). */
const hugeNumberTexts = [
  '1e308',
  '1.7976931348623157e308',
  '-1.7976931348623157e308',
  '1e400',
  `1${'0'.repeat(400)}`,
  '-1e400',
  '4.9e-324',
  '9007199254740993',
];
/** Durations past the longest run (100 days), as text and as numbers of milliseconds. */
const hugeDurations = fc.oneof(
  fc.constantFrom(
    '365d',
    '101d',
    '1e308',
    `1${'0'.repeat(400)}`,
    '99999999h',
    '2400h1ms',
    `${'9'.repeat(70)}d`,
  ),
  fc.integer({ min: 101, max: 1_000_000 }).map((days) => `${days}d`),
  fc.double({ min: 8.65e9, max: 1e308, noNaN: true }),
);

/**
 * Marks a place where raw JSON text is spliced in after `JSON.stringify`: numbers it cannot write (`1e400`) and
 * nesting it cannot walk (its recursion overflows the stack long before 60,000 levels). The text is carried in
 * base64, which has no quote to end the marker's string.
 */
const rawMarker = '\u0000raw:';

function raw(text: string): string {
  return `${rawMarker}${Buffer.from(text).toString('base64')}`;
}

/** JSON text of a value nested `depth` levels deep, in arrays, objects or both. */
function nested(depth: number, shape: 'array' | 'object' | 'mixed'): string {
  const opens: string[] = [];
  const closes: string[] = [];
  for (let level = 0; level < depth; level++) {
    const array = shape === 'array' || (shape === 'mixed' && level % 2 === 0);
    opens.push(array ? '[' : '{"a":');
    closes.push(array ? ']' : '}');
  }
  return `${opens.join('')}0${closes.reverse().join('')}`;
}

const deepValues = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 65, max: 300 }), fc.integer({ min: 10_000, max: 60_000 })),
    shape: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
  })
  .map(({ depth, shape }) => raw(nested(depth, shape)));

/** Any value a mutation may put in a field. */
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...hugeNumberTexts).map(raw),
  hugeDurations,
  deepValues,
  fc.string({ maxLength: 300 }),
  fc.constantFrom(null, true, [], {}, -1, 0, 1.5, ''),
);

function withValueAt(document: Json, path: readonly PathKey[], value: Json): Json {
  const copy = structuredClone(document) as Record<PathKey, Json>;
  let node: Record<PathKey, Json> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return copy;
    node = next as Record<PathKey, Json>;
  }
  node[path.at(-1) as PathKey] = value;
  return copy;
}

/** JSON text of a document, with raw number texts spliced in where marked. */
function textOf(document: Json): string {
  return JSON.stringify(document).replace(/"\\u0000raw:([A-Za-z0-9+/=]*)"/g, (_marker, base64: string) =>
    Buffer.from(base64, 'base64').toString(),
  );
}

export type HostileFileKind =
  | 'mutated-scenario'
  | 'mutated-site'
  | 'mutated-failure'
  | 'deep'
  | 'binary'
  | 'truncated'
  | 'huge-until'
  | 'admin-args';

export interface HostileFile {
  readonly kind: HostileFileKind;
  readonly bytes: Uint8Array | string;
}

const mutatedScenario = fc
  .record({ path: fc.constantFrom(...scenarioPaths), value: hostileValue })
  .map(({ path, value }): HostileFile => ({
    kind: 'mutated-scenario',
    bytes: textOf(withValueAt(baseScenario, path, value)),
  }));
const mutatedFailure = fc
  .record({ path: fc.constantFrom(...failurePaths), value: hostileValue })
  .map(({ path, value }): HostileFile => ({
    kind: 'mutated-failure',
    bytes: textOf(withValueAt(baseFailure, path, value)),
  }));
const mutatedSite = fc
  .record({ path: fc.constantFrom(...sitePaths), value: hostileValue })
  .map(({ path, value }): HostileFile => ({
    kind: 'mutated-site',
    bytes: textOf(withValueAt(baseSite, path, value)),
  }));
const deepFile = fc
  .record({ value: deepValues, asSite: fc.boolean() })
  .map(({ value, asSite }): HostileFile => ({
    kind: 'deep',
    bytes: textOf(asSite ? { ...baseSite, description: value } : { ...baseScenario, inputs: [value] }),
  }));
const binaryFile = fc
  .uint8Array({ minLength: 0, maxLength: 2_000 })
  .map((bytes): HostileFile => ({ kind: 'binary', bytes }));
const truncatedFile = fc
  .record({ asSite: fc.boolean(), fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) })
  .map(({ asSite, fraction }): HostileFile => {
    const text = textOf(asSite ? baseSite : baseScenario);
    return { kind: 'truncated', bytes: text.slice(0, Math.floor(text.length * fraction)) };
  });
/** A well-formed admin input of any action with arguments of any shape: the action must refuse what it cannot use. */
const adminArgsFile = fc
  .record({
    action: fc.constantFrom(...adminActionNames),
    args: fc.array(
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom(
          'tag-1',
          'lock-left',
          'user-2',
          'iq-1',
          'phone-1',
          'door-left',
          'addGroupUsers',
          'setPin',
        ),
      ),
      { maxLength: 4 },
    ),
  })
  .map(({ action, args }): HostileFile => ({
    kind: 'admin-args',
    bytes: textOf({
      ...baseScenario,
      inputs: [...baseScenario.inputs, { at: '50s', type: 'admin', actor: 'user-1', action, args }],
    }),
  }));
const hugeUntilFile = hugeDurations.map((until): HostileFile => ({
  kind: 'huge-until',
  bytes: textOf({ ...baseScenario, until }),
}));

export const hostileFileArbitrary: fc.Arbitrary<HostileFile> = fc.oneof(
  { arbitrary: mutatedScenario, weight: 4 },
  { arbitrary: mutatedSite, weight: 3 },
  { arbitrary: deepFile, weight: 1 },
  { arbitrary: binaryFile, weight: 1 },
  { arbitrary: truncatedFile, weight: 1 },
  { arbitrary: hugeUntilFile, weight: 1 },
  { arbitrary: adminArgsFile, weight: 2 },
  { arbitrary: mutatedFailure, weight: 1 },
);

export interface CliCaseResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

/** Runs one command line in this process with stdout and stderr captured. */
export async function runCliCaptured(args: readonly string[]): Promise<CliCaseResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    out.push(String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    err.push(String(chunk)),
    true
  )) as typeof process.stderr.write;
  const startMs = performance.now();
  try {
    const exitCode = await runCli(args);
    return { exitCode, stdout: out.join(''), stderr: err.join(''), wallMs: performance.now() - startMs };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

/** What a run of a hostile file must not show. */
export const stackTracePattern = /\n\s+at |^\s+at \S+ \(|Error: .*\n\s+at /m;

/** A run that broke on a bug (not on a limit or an expectation) reports one of these. */
const crashPattern = /TypeError|ReferenceError|RangeError|SyntaxError|Maximum call stack|canonical JSON/;

/** Why a case's outcome is wrong, or undefined when it is one of the allowed outcomes. */
export function judgeCliCase(result: CliCaseResult): string | undefined {
  if (stackTracePattern.test(result.stderr) || stackTracePattern.test(result.stdout)) return 'stack trace';
  if (/internal error/.test(result.stderr)) return `internal error: ${result.stderr.slice(0, 300)}`;
  if (result.wallMs > caseWallMsMax) return `took ${Math.round(result.wallMs)} ms`;
  if (result.exitCode === 2) return result.stderr.trim() === '' ? 'exit 2 without a message' : undefined;
  if (result.exitCode === 0) return undefined;
  // Exit 1 is a verdict (an expectation failed, a failure file's violation came back), never a crash reported as
  // a failure.
  if (result.exitCode === 1 && /"passed":false|"failed":true/.test(result.stdout))
    return crashPattern.test(result.stdout) ? `crash in the run: ${result.stdout.slice(0, 300)}` : undefined;
  return `exit ${result.exitCode}: ${result.stderr.slice(0, 300)}`;
}

export interface CliFilesHostileReport {
  readonly cases: number;
  readonly byExitCode: Readonly<Record<string, number>>;
  readonly byKind: Readonly<Record<string, number>>;
  readonly wallMsMax: number;
  /** Cases with a wrong outcome, each with the file's first bytes (as JSON text) to reproduce it. */
  readonly failures: readonly { readonly reason: string; readonly kind: string; readonly head: string }[];
}

/**
 * Generates `count` malformed files (fast-check, from `seed`) and runs `lockstep run FILE --json --until 1m` on
 * each in this process (`lockstep replay FILE --json` on a mutated failure file). `--until 1m` keeps a mutation that left a valid file short; the file's own `until` is
 * still validated (a bad one is refused before the flag applies).
 */
export async function runCliFilesHostile(count: number, seed = 1): Promise<CliFilesHostileReport> {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-hostile-'));
  const byExitCode: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const failures: { reason: string; kind: string; head: string }[] = [];
  let wallMsMax = 0;
  try {
    const files = fc.sample(hostileFileArbitrary, { numRuns: count, seed });
    for (const [index, file] of files.entries()) {
      const path = join(dir, `case-${index}.json`);
      writeFileSync(path, file.bytes);
      const result = await runCliCaptured(
        file.kind === 'mutated-failure'
          ? ['replay', path, '--json']
          : ['run', path, '--json', '--until', '1m'],
      );
      byExitCode[result.exitCode] = (byExitCode[result.exitCode] ?? 0) + 1;
      byKind[file.kind] = (byKind[file.kind] ?? 0) + 1;
      wallMsMax = Math.max(wallMsMax, result.wallMs);
      const reason = judgeCliCase(result);
      if (reason !== undefined)
        failures.push({ reason, kind: file.kind, head: JSON.stringify(String(file.bytes).slice(0, 200)) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { cases: count, byExitCode, byKind, wallMsMax: Math.round(wallMsMax), failures };
}
