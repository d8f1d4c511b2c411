#!/usr/bin/env node
// The `convene` command. `serve` is plain JavaScript that starts the production build (no compiler
// in the server process: tsx would add ~230 MB of memory); the other commands are src/cli/main.ts,
// built with the app into build/cli (scripts/build-cli.js) so that they start at once, or run
// through tsx in a checkout edited since its last build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importCli } from './cli-bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.CONVENE_ROOT ??= root;
process.env.CONVENE_MIGRATIONS_DIR ??= path.join(root, 'drizzle');

const args = process.argv.slice(2);

// `convene … | head` closes the pipe early: stop quietly instead of with a stack trace.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

async function serve(rest) {
	let port = process.env.PORT ?? '3000';
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i];
		if (arg === '--port' || arg === '-p') port = rest[++i] ?? '';
		else if (arg.startsWith('--port=')) port = arg.slice('--port='.length);
		else if (arg === '--demo') process.env.CONVENE_DEMO = '1';
		else if (arg === '--no-worker') process.env.CONVENE_WORKER = '0';
		else {
			console.error(`convene: unexpected argument "${arg}" (usage: convene serve [--port N] [--demo] [--no-worker])`);
			return 2;
		}
	}
	if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
		console.error(`convene: --port must be a number between 1 and 65535, not "${port}"`);
		return 2;
	}
	process.env.PORT = port;
	// SvelteKit refuses form posts whose Origin differs from the server's; adapter-node assumes
	// https unless ORIGIN says otherwise, so a local install would reject every form.
	process.env.ORIGIN ??= `http://localhost:${port}`;
	process.env.BODY_SIZE_LIMIT ??= '25M';
	const entry = path.join(root, 'build', 'index.js');
	if (!fs.existsSync(entry)) {
		console.error('convene: the web application is not built yet; run `npm run build` (or `npm start`, which builds it)');
		return 1;
	}
	// The build's init hook opens the database (one line and exit 1 on failure) and it listens on PORT.
	await import(pathToFileURL(entry).href);
	console.log(`Convene is serving on ${process.env.ORIGIN}`);
	return null; // the server keeps the process alive until SIGTERM/SIGINT
}

let code;
if (args[0] === 'serve' && !args.includes('--help') && !args.includes('-h')) {
	code = await serve(args.slice(1));
} else if (args.length === 0 || (args.length === 1 && (args[0] === '--help' || args[0] === '-h'))) {
	// Answered without loading any command.
	const { HELP } = await importCli('help', 'src/cli/help.ts');
	(args.length ? console.log : console.error)(HELP);
	code = args.length ? 0 : 2;
} else {
	const { main } = await importCli('main', 'src/cli/main.ts');
	code = await main(args);
}
if (code !== null) process.exitCode = code;
