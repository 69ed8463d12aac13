// Worker-thread entry of the live protocol's replays (`state-at`): loads the TypeScript worker through tsx, as
// bin/lockstep.js does.
import { register } from 'tsx/esm/api';

register();
await import('./replay-worker.ts');
