import { createRequire as __lockstepCreateRequire } from 'node:module';
const require = __lockstepCreateRequire(import.meta.url);
import {
  replayState
} from "./chunk-7QT2375Y.mjs";
import "./chunk-SR5LL4XO.mjs";

// api/live/replay-worker.ts
import { parentPort } from "node:worker_threads";
parentPort?.on("message", (task) => {
  const outcome = replayState(task);
  setTimeout(() => parentPort?.postMessage(outcome), 0);
});
//# sourceMappingURL=replay-worker.mjs.map
