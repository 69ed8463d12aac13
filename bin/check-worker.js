// Worker-thread entry of `lockstep check --jobs J`: loads the TypeScript worker through tsx, as bin/lockstep.js does.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
