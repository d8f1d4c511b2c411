// Where the built `convene` command is (build/cli, made by `npm run build`), and whether it is as new
// as the sources: a checkout edited since its last build runs the TypeScript through tsx instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
	let newest = 0;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		if (e.name === 'paraglide') continue; // generated from messages/ by the build itself
		const p = path.join(dir, e.name);
		newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
	}
	return newest;
}

/** When the sources a build is made of last changed (src/ without generated code, messages/, static/). */
export function newestSourceMtime() {
	return Math.max(...['src', 'messages', 'static'].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d)).map(newestMtime));
}

/** The URL of build/cli/NAME.js when it is there and newer than every source file; null otherwise. */
export function builtCli(name) {
	const file = path.join(root, 'build', 'cli', `${name}.js`);
	const built = fs.statSync(file, { throwIfNoEntry: false });
	if (!built || process.env.CONVENE_CLI_FROM_SOURCE === '1') return null;
	return newestSourceMtime() > built.mtimeMs ? null : pathToFileURL(file).href;
}

/** The module NAME of the command: built, or its TypeScript source through tsx. */
export async function importCli(name, source) {
	const built = builtCli(name);
	if (built) return import(built);
	const { register } = await import('tsx/esm/api');
	register();
	return import(pathToFileURL(path.join(root, source)).href);
}
