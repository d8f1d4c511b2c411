// A selection runs in this worker thread, so that the server keeps answering during a long run.
// It loads the built worker (build/cli/selection-worker.js) or, in a checkout not built since its
// last edit, the TypeScript through tsx; the memory it costs is taken only while a selection runs.
import { importCli } from './cli-bundle.js';

await importCli('selection-worker', 'src/lib/server/selection/worker.ts');
