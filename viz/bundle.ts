/**
 * The browser bundle: `viz/client/main.ts` and what it imports, bundled by esbuild in memory (no file written, no
 * network) the first time it is asked for and kept for the life of the process. A failed build is kept too, as a
 * message to serve, so the server never crashes because the page did not build.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export type VizBundle =
  { readonly ok: true; readonly code: string } | { readonly ok: false; readonly message: string };

const entryPoint = fileURLToPath(new URL('./client/main.ts', import.meta.url));
let cached: Promise<VizBundle> | undefined;

/** The bundle, built once per process (the first call starts the build; later calls share it). */
export function vizBundle(): Promise<VizBundle> {
  cached ??= buildBundle();
  return cached;
}

async function buildBundle(): Promise<VizBundle> {
  try {
    const result = await build({
      entryPoints: [entryPoint],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (output === undefined) return { ok: false, message: 'esbuild produced no output' };
    return { ok: true, code: output.text };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
