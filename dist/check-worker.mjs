import { createRequire as __lockstepCreateRequire } from 'node:module';
const require = __lockstepCreateRequire(import.meta.url);
import {
  checkRun,
  countRun,
  emptyTally
} from "./chunk-JDF43H3K.mjs";

// bin/check-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var task = workerData;
var port = parentPort;
if (port === null) throw new Error("check-worker.ts runs as a worker thread of lockstep check");
var post = (message) => port.postMessage(message);
function runChunk(indices) {
  const tally = task.coverage ? emptyTally() : void 0;
  for (const runIndex of indices) {
    const { coverage, ...outcome } = checkRun(runIndex, task);
    if (coverage !== void 0 && tally !== void 0) countRun(tally, coverage);
    post({ kind: "outcome", outcome });
    if (outcome.failed) break;
  }
  post({ kind: "chunk-done", tally });
}
port.on("message", (message) => runChunk(message.indices));
post({ kind: "ready" });
//# sourceMappingURL=check-worker.mjs.map
