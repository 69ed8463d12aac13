/**
 * The layering rules of design.md ("Layout"), as `npm run lint:deps` checks them: each case builds a tiny tree with
 * the real folder names in a temporary directory, plants one forbidden import in it, and cruises it with
 * dependency-cruiser's API and the repository's own `.dependency-cruiser.mjs` (read by dependency-cruiser's own
 * config loader) and `tsconfig.json`, so what passes here is the rule set itself, not a copy. Only where to look
 * changes: the tree's folder, as `cd tree && depcruise …` would. The real tree is never touched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseOptions } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = process.cwd();
/** The folders `npm run lint:deps` cruises (test/ is left out: the planted trees have none). */
const roots = ['twin', 'scenarios', 'api', 'viz', 'bin'];

/** A tree that keeps every rule: each folder goes through the next one's index.ts, bin/ and tests reach in. */
const cleanTree: Readonly<Record<string, string>> = {
  'twin/kernel/clock.ts': [
    "import { EventEmitter } from 'node:events';",
    'export interface Clock { readonly nowMs: number; readonly ticks: EventEmitter }',
    'export const createClock = (): Clock => ({ nowMs: 0, ticks: new EventEmitter() });',
  ].join('\n'),
  'twin/kernel/clock.test.ts': "import { startLive } from '../../api/live-twin.ts';\nstartLive();",
  'twin/index.ts': "export { createClock, type Clock } from './kernel/clock.ts';",
  'scenarios/run-scenario.ts': [
    "import { createClock } from '../twin/index.ts';",
    'export const runScenario = (): number => createClock().nowMs;',
  ].join('\n'),
  'scenarios/index.ts': "export { runScenario } from './run-scenario.ts';",
  'api/live-twin.ts': [
    "import { createClock, type Clock } from '../twin/index.ts';",
    "import { runScenario } from '../scenarios/index.ts';",
    'export interface Snapshot { readonly nowMs: number }',
    'export const startLive = (clock: Clock = createClock()): Snapshot => ({ nowMs: clock.nowMs + runScenario() });',
  ].join('\n'),
  'api/index.ts': "export { startLive, type Snapshot } from './live-twin.ts';",
  'viz/client/main.ts': [
    "import type { Snapshot } from '../../api/index.ts';",
    'export const render = (snapshot: Snapshot): string => String(snapshot.nowMs);',
  ].join('\n'),
  'bin/cli.ts': "import { startLive } from '../api/live-twin.ts';\nstartLive();",
};

interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

let workDir: string;
let treeCount = 0;
let options: ICruiseOptions;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'lockstep-boundaries-'));
  options = await extractDepcruiseOptions(join(repoRoot, '.dependency-cruiser.mjs'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** Writes the clean tree with `planted` laid over it, and the repository's tsconfig.json beside it. */
function plantTree(planted: Readonly<Record<string, string>>): string {
  treeCount += 1;
  const root = join(workDir, `tree-${treeCount}`);
  for (const [path, source] of Object.entries({ ...cleanTree, ...planted })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${source}\n`);
  }
  copyFileSync(join(repoRoot, 'tsconfig.json'), join(root, 'tsconfig.json'));
  return root;
}

/** Cruises `root` with the real rules and options; the violations, sorted. */
async function violationsIn(root: string): Promise<Violation[]> {
  const tsConfigFile = join(root, 'tsconfig.json');
  const result = await cruise(
    roots,
    { ...options, baseDir: root, tsConfig: { fileName: tsConfigFile } },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  if (typeof result.output === 'string')
    throw new Error('dependency-cruiser returned a report, not a result');
  return result.output.summary.violations
    .map((violation) => ({ rule: violation.rule.name, from: violation.from, to: violation.to }))
    .sort((left, right) => `${left.rule} ${left.from}`.localeCompare(`${right.rule} ${right.from}`));
}

describe('the layering rules (.dependency-cruiser.mjs)', () => {
  it('accept a clean tree: public faces, type-only viz, node builtins, bin/ and tests reaching in', async () => {
    expect(await violationsIn(plantTree({}))).toEqual([]);
  });

  it.each<[string, Record<string, string>, Violation[]]>([
    [
      'an import from a twin/ file into api/',
      {
        'twin/radio/link.ts':
          "import { startLive } from '../../api/index.ts';\nexport const link = startLive;",
      },
      [{ rule: 'twin-imports-only-twin', from: 'twin/radio/link.ts', to: 'api/index.ts' }],
    ],
    [
      'an import cycle, even through a type-only import',
      {
        'twin/kernel/clock.ts': [
          "import type { TraceEvent } from './trace.ts';",
          'export interface Clock { readonly nowMs: number; readonly last?: TraceEvent }',
          'export const createClock = (): Clock => ({ nowMs: 0 });',
        ].join('\n'),
        'twin/kernel/trace.ts': [
          "import { createClock } from './clock.ts';",
          'export interface TraceEvent { readonly atMs: number }',
          'export const traceEvent = (): TraceEvent => ({ atMs: createClock().nowMs });',
        ].join('\n'),
      },
      [{ rule: 'no-circular', from: 'twin/kernel/clock.ts', to: 'twin/kernel/trace.ts' }],
    ],
    [
      'a value import of api/index.ts from viz/',
      {
        'viz/client/main.ts': [
          "import { startLive, type Snapshot } from '../../api/index.ts';",
          'export const render = (snapshot: Snapshot = startLive()): string => String(snapshot.nowMs);',
        ].join('\n'),
      },
      [{ rule: 'viz-imports-api-types-only', from: 'viz/client/main.ts', to: 'api/index.ts' }],
    ],
    [
      'a viz/ `import { type X }`, which verbatimModuleSyntax keeps in the bundle as `import {}`',
      {
        'viz/client/main.ts': [
          "import { type Snapshot } from '../../api/index.ts';",
          'export const render = (snapshot: Snapshot): string => String(snapshot.nowMs);',
        ].join('\n'),
      },
      [{ rule: 'viz-imports-api-types-only', from: 'viz/client/main.ts', to: 'api/index.ts' }],
    ],
    [
      'a viz/ type import of an inner api/ file',
      {
        'viz/client/main.ts': [
          "import type { Snapshot } from '../../api/live-twin.ts';",
          'export const render = (snapshot: Snapshot): string => String(snapshot.nowMs);',
        ].join('\n'),
      },
      [{ rule: 'viz-imports-only-api-index', from: 'viz/client/main.ts', to: 'api/live-twin.ts' }],
    ],
    [
      'a scenarios/ import of an inner twin/ file',
      { 'scenarios/clock-use.ts': "export { createClock } from '../twin/kernel/clock.ts';" },
      [
        {
          rule: 'scenarios-imports-only-twin-index',
          from: 'scenarios/clock-use.ts',
          to: 'twin/kernel/clock.ts',
        },
      ],
    ],
    [
      'an api/ import of viz/',
      {
        'viz/serve.ts': "export const servePage = (): string => '<!doctype html>';",
        'api/server.ts': "import { servePage } from '../viz/serve.ts';\nexport const page = servePage;",
      },
      [{ rule: 'api-imports-only-public-faces', from: 'api/server.ts', to: 'viz/serve.ts' }],
    ],
    [
      'an import of a file that is not there, reported once and not as a layering breach',
      { 'twin/radio/link.ts': "export { propagate } from './propagation.ts';" },
      [{ rule: 'not-to-unresolvable', from: 'twin/radio/link.ts', to: './propagation.ts' }],
    ],
  ])('refuse %s', async (_name, planted, expected) => {
    expect(await violationsIn(plantTree(planted))).toEqual(expected);
  });
});
