import { createRequire as __lockstepCreateRequire } from 'node:module';
const require = __lockstepCreateRequire(import.meta.url);
import {
  replayState
} from "./chunk-ZLVEDUA6.mjs";
import "./chunk-JDF43H3K.mjs";

// api/live/replay-worker.ts
import { parentPort } from "node:worker_threads";
parentPort?.on("message", (task) => {
  const outcome = replayState(task);
  setTimeout(() => parentPort?.postMessage(outcome), 0);
});
//# sourceMappingURL=replay-worker.mjs.map
