#!/usr/bin/env node
// The `lockstep` command. It runs the compiled CLI (dist/lockstep.mjs, built by `npm install` / `npm ci` through
// the `prepare` script, or `npm run build`) while its build stamp says every source is as it was built
// (bin/build-stamp.js); otherwise, or with LOCKSTEP_FROM_SOURCE=1, the TypeScript sources through tsx, which
// needs no build but takes about a second longer to start. The tests set LOCKSTEP_FROM_SOURCE=1
// (vitest.config.ts), so a child process runs the very sources its test sees (under mutation testing, the
// mutant: docs/mutation.md).
import { pathToFileURL } from 'node:url';

const fromSource = process.env.LOCKSTEP_FROM_SOURCE === '1';
let staleness;
if (!fromSource) {
  const { bundlePath, bundleStaleness } = await import('./build-stamp.js');
  staleness = bundleStaleness();
  if (staleness === undefined) await import(pathToFileURL(bundlePath).href);
}
if (fromSource || staleness !== undefined) {
  if (!fromSource)
    process.stderr.write(
      `lockstep: ${staleness}: running the TypeScript sources through tsx (npm run build makes it start fast)\n`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
