// The compiled CLI's build stamp (dist/build-stamp.json): every source file the bundles were built from, with
// its size and modification time. bin/lockstep.js runs the bundle only while each of them is unchanged, so a
// stale dist/ never runs old code: an edit, a checkout or a deleted file sends it to the sources (through tsx).
// Checking costs one stat per source file (a few milliseconds); plain JavaScript, so nothing is compiled first.
import { readFileSync, statSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';

const rootUrl = new URL('..', import.meta.url);
export const rootDir = fileURLToPath(rootUrl);
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
export const buildStampPath = fileURLToPath(new URL('../dist/build-stamp.json', import.meta.url));
export const bundlePath = fileURLToPath(new URL('../dist/lockstep.mjs', import.meta.url));

/** What a source file looked like when it was bundled. */
export function fileStamp(path) {
  const stats = statSync(path);
  return { sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
}

/**
 * Why the compiled CLI must not run (no build, or a source changed since), or undefined when it may.
 * Never throws: an unreadable stamp is a reason too. `stampPath`: another stamp, for tests.
 */
export function bundleStaleness(stampPath = buildStampPath) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return 'dist/ has no build';
  }
  if (
    typeof stamp !== 'object' ||
    stamp === null ||
    typeof stamp.sources !== 'object' ||
    stamp.sources === null
  )
    return 'dist/build-stamp.json is not a build stamp';
  for (const [path, built] of Object.entries(stamp.sources)) {
    let now;
    try {
      now = fileStamp(fileURLToPath(new URL(path, rootUrl)));
    } catch {
      return `${path} is gone since the build`;
    }
    if (now.sizeBytes !== built.sizeBytes || now.mtimeMs !== built.mtimeMs)
      return `${path} changed since the build`;
  }
  return undefined;
}
