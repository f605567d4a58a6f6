// Worker-thread entry for unit tests: registers tsx (TypeScript) in this thread, then loads the
// TypeScript scope adapter (web-worker-scope.ts), which loads the worker module under test.
import { register } from 'tsx/esm/api';

register();
await import('./web-worker-scope.ts');
