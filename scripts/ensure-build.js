// `npm start` builds the web application first when there is no build or the sources are newer.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { newestSourceMtime } from '../bin/cli-bundle.js';

const entry = 'build/index.js';
const stale = !fs.existsSync(entry) || !fs.existsSync('build/cli/main.js') || newestSourceMtime() > fs.statSync(entry).mtimeMs;
if (stale) {
	console.log('Building Convene (first start or changed sources)…');
	execSync('npm run build', { stdio: 'inherit' });
}
