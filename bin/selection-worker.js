// A selection runs in this worker thread, so that the server keeps answering during a long run.
// Plain JavaScript that loads the TypeScript worker through tsx (as the CLI does); the memory it
// costs is taken only while a selection runs.
import { register } from 'tsx/esm/api';

register();
await import('../src/lib/server/selection/worker.ts');
