/**
 * The `state-at-24h-office-ms` figure: the slowest of a dozen `state-at` answers spread over a 24-hour office
 * session (background traffic on), once the replay checkpoints are filled in (what the replay worker does while
 * idle after the first answer). Measured in process on `ReplayCheckpoints`, the code the worker runs; the
 * worker adds one message each way. The first answer of a session replays from the start (about 0.4 s here).
 */
import { liveTwinOfNamedSite } from '../../api/live-twin.ts';
import { ReplayCheckpoints } from '../../api/live/replay-checkpoints.ts';

const dayMs = 86_400_000;
/** Times asked, in this order: forwards, backwards, bucket edges, the very end. */
const askedFractions = [0.99, 0.5, 0.49, 0.25, 0.75, 1, 0.0417, 0.9583, 0.3, 0.1, 0.6, 0.999];

export async function measureStateAt24hOfficeMs(): Promise<number> {
  const live = liveTwinOfNamedSite('office', { paused: true });
  live.advance(dayMs);
  const file = live.exportScenario();
  const checkpoints = new ReplayCheckpoints();
  checkpoints.stateAt({ file, ms: dayMs });
  while (checkpoints.refillStep()) await new Promise((resolve) => setImmediate(resolve));
  let slowestMs = 0;
  for (const fraction of askedFractions) {
    const startedMs = performance.now();
    const answer = checkpoints.stateAt({ file, ms: Math.round(dayMs * fraction) });
    if (!answer.ok) throw new Error(`state-at was refused: ${answer.message}`);
    slowestMs = Math.max(slowestMs, performance.now() - startedMs);
  }
  return Math.round(slowestMs * 10) / 10;
}
