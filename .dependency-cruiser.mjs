// The layering of design.md ("Layout") as rules that `npm test` checks (`npm run lint:deps`).
//
//   twin/       imports nothing outside twin/
//   scenarios/  twin/ (only through twin/index.ts)
//   api/        twin/index.ts and scenarios/index.ts
//   viz/        types only, and only from api/index.ts
//   bin/, test/ and *.test.ts anywhere: anything
//   everywhere: no import cycle, type-only imports included
//
// Each top-level folder shows one public face, its index.ts; inside a folder any import is fine. Node builtins
// and npm packages are allowed everywhere (they are not part of the layering). Paths in the rules are relative
// to the folder depcruise runs in (the repository root), e.g. `twin/kernel/clock.ts`.
// test/boundaries.test.ts runs this same file over small planted trees to prove that each rule refuses what it
// should and that a clean tree passes: when you add or change a rule, add its case there.

/** Test files may import anything: they sit beside the code they test and reach into it. */
const testFile = '\\.test\\.ts$';
/** What every folder may use without belonging to the layering: npm packages. */
const npmPackages = '(^|/)node_modules/';
/** Node builtins (`node:fs`) are matched by dependency type, as they resolve to no path. */
const builtins = ['core'];
// The folder rules below match resolved imports only (`couldNotResolve: false`): an import that resolves to
// nothing is reported once, by not-to-unresolvable, not a second time as a layering breach.

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycle anywhere (design.md "Layout"), type-only imports included: a cycle means two ' +
        'concepts that cannot be understood, tested or moved apart. Break it by moving the shared part ' +
        'into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'twin-imports-only-twin',
      severity: 'error',
      comment:
        'twin/ is everything simulated and must run on its own: the runner, the API and the browser are ' +
        'built on it, never the other way round.',
      from: { path: '^twin/', pathNot: testFile },
      to: { pathNot: ['^twin/', npmPackages], dependencyTypesNot: builtins, couldNotResolve: false },
    },
    {
      name: 'scenarios-imports-only-twin-index',
      severity: 'error',
      comment:
        'scenarios/ drives the twin through its public face (twin/index.ts) only, so twin/ can reorganise its ' +
        'inner files freely; it knows nothing of the API, the browser, the command line or the tests.',
      from: { path: '^scenarios/', pathNot: testFile },
      to: {
        pathNot: ['^scenarios/', '^twin/index\\.ts$', npmPackages],
        dependencyTypesNot: builtins,
        couldNotResolve: false,
      },
    },
    {
      name: 'api-imports-only-public-faces',
      severity: 'error',
      comment:
        'api/ turns requests into inputs through twin/index.ts and scenarios/index.ts only; the one HTTP ' +
        'server does not depend on the browser app, the command line or the tests (whoever starts the server ' +
        'hands it what it serves).',
      from: { path: '^api/', pathNot: testFile },
      to: {
        pathNot: ['^api/', '^twin/index\\.ts$', '^scenarios/index\\.ts$', npmPackages],
        dependencyTypesNot: builtins,
        couldNotResolve: false,
      },
    },
    {
      name: 'viz-imports-only-viz-and-api',
      severity: 'error',
      comment:
        'viz/ is the browser app: it talks to the twin over HTTP and the WebSocket, so it cannot import the ' +
        'twin, the scenarios, the command line or the tests (none of them would run in a browser).',
      from: { path: '^viz/', pathNot: testFile },
      to: { pathNot: ['^viz/', '^api/', npmPackages], dependencyTypesNot: builtins, couldNotResolve: false },
    },
    {
      name: 'viz-imports-only-api-index',
      severity: 'error',
      comment: 'viz/ shares the wire types of the API through its public face (api/index.ts) only.',
      from: { path: '^viz/', pathNot: testFile },
      to: { path: '^api/', pathNot: '^api/index\\.ts$' },
    },
    {
      name: 'viz-imports-api-types-only',
      severity: 'error',
      comment:
        'viz/ may take types from api/ (`import type`), never values: anything that survives compilation ' +
        'would bundle server code (the twin, node builtins) into the browser app. That includes ' +
        '`import { type X }`, which verbatimModuleSyntax keeps as a bare `import {}` of the module.',
      from: { path: '^viz/', pathNot: testFile },
      to: { path: '^api/', preCompilationOnly: false },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import that does not resolve to a file cannot be checked against the rules above (and will not ' +
        'run): fix the path.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // The tree is not followed into npm packages: they are leaves of the graph.
    doNotFollow: { path: npmPackages },
    // Not part of the product: CI scripts, packages, and test/fixtures/boundaries/ (kept for trees that break
    // the rules on purpose).
    exclude: { path: ['^\\.ci/', npmPackages, '^test/fixtures/boundaries/'] },
    // Resolve like tsc does (explicit `.ts` extensions, NodeNext).
    tsConfig: { fileName: 'tsconfig.json' },
    // Read the TypeScript source (so `import type` counts, in cycles too, marked 'type-only') and also the
    // compiled JavaScript: an import that is gone after compilation is marked preCompilationOnly, which is
    // what viz/ may take from api/.
    tsPreCompilationDeps: 'specify',
    // Resolve npm packages by their package.json "exports" as node does: `tsx/esm/api` and
    // `hono/utils/http-status` exist only there.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
