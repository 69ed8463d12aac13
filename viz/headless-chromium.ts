/**
 * Debian's Chromium as the browser tests and the `viz-fps-campus` bench drive it (playwright-core, which never
 * downloads a browser): where it is, the flags known to work on these machines, and what to say when it is missing.
 */
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

/** No background connections to a closed network, no sandbox as root, no GPU. */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why Chromium cannot be driven here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  return `Chromium is missing at ${chromiumPath}: install Debian's package (apt-get update && apt-get install -y --no-install-recommends chromium); .ci/run installs it. No browser is downloaded.`;
}
