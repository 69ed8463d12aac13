import { createRequire as __lockstepCreateRequire } from 'node:module';
const require = __lockstepCreateRequire(import.meta.url);
import {
  replayState
} from "./chunk-ZQOTZ6KD.mjs";
import "./chunk-AP2QGPGL.mjs";

// api/live/replay-worker.ts
import { parentPort } from "node:worker_threads";
parentPort?.on("message", (task) => {
  const outcome = replayState(task);
  setTimeout(() => parentPort?.postMessage(outcome), 0);
});
//# sourceMappingURL=replay-worker.mjs.map
