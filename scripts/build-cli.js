// Builds the `convene` command with the app (`npm run build`): src/cli/main.ts and the selection
// worker bundled to build/cli/*.js, so that the command starts without compiling TypeScript (tsx
// takes seconds). Libraries stay in node_modules; each command's own code is a chunk loaded when it
// runs. bin/convene.js uses this bundle when it is there and tsx otherwise (a checkout not built yet).
import path from 'node:path';
import { build } from 'esbuild';

await build({
	entryPoints: { main: 'src/cli/main.ts', help: 'src/cli/help.ts', 'selection-worker': 'src/lib/server/selection/worker.ts' },
	outdir: 'build/cli',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	packages: 'external',
	alias: { $lib: path.resolve('src/lib') },
	chunkNames: 'chunks/[name]-[hash]',
	sourcemap: 'linked',
	logLevel: 'warning'
});
console.log('Built the convene command (build/cli).');
