// A process that takes a data directory's lock and holds it until killed: the other side of the
// lock's specs. `node --import tsx tests/support/hold-lock.ts DIR` prints "held" once it holds it.
import { lockDataDir } from '../../src/lib/server/db/lock';

const lock = await lockDataDir(process.argv[2], { waitMs: 0 });
process.stdout.write('held\n');
setInterval(() => undefined, 60_000);
process.on('SIGTERM', () => {
	lock.release();
	process.exit(0);
});
