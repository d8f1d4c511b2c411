// Benchmark: the 6 KB spreadsheet whose only far cell is XFD1048576, uploaded to the
// recommendations import of a running server (the production build, embedded database), while
// another client keeps requesting the home page: how long the refusal takes, and the slowest page
// answer meanwhile. Bounded; all on 127.0.0.1. Needs a build (npm run build).
// Run: npx tsx bench/hostile-upload.ts [uploads]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startServer, stop } from '../tests/support/faults';

const uploads = Number(process.argv[2] ?? 5);
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('Recommendations');
sheet.getCell('A1').value = 'Reference';
sheet.getCell('XFD1048576').value = 'far';
const bomb = Buffer.from(await workbook.xlsx.writeBuffer());

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-bench-upload-'));
const server = await startServer({ CONVENE_DATA_DIR: dataDir });
try {
	const signIn = await fetch(`${server.url}/staff/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'admin@convene.example', password: 'faults-password-123' })
	});
	const cookie = (signIn.headers.getSetCookie().find((c) => c.includes('session_token')) ?? '').split(';')[0];
	if (!cookie) throw new Error(`sign-in failed: ${signIn.status}`);
	console.log(`Far-cell spreadsheet: ${bomb.length} bytes; ${uploads} uploads to /staff/processes/…/recommendations?/import`);
	for (let i = 0; i < uploads; i++) {
		let uploading = true;
		let slowest = 0;
		let pages = 0;
		const pinger = (async () => {
			while (uploading) {
				const t = performance.now();
				await (await fetch(`${server.url}/`)).text();
				slowest = Math.max(slowest, performance.now() - t);
				pages++;
			}
		})();
		const form = new FormData();
		form.append('file', new Blob([bomb]), 'recommendations.xlsx');
		const started = performance.now();
		const response = await fetch(`${server.url}/staff/processes/asia-pacific-regional-review/recommendations?/import`, { method: 'POST', body: form, headers: { origin: server.url, accept: 'text/html', cookie } });
		const html = await response.text();
		const ms = performance.now() - started;
		uploading = false;
		await pinger;
		const refused = html.includes('at most 20,000 rows and 50 columns');
		console.log(`upload ${i + 1}: HTTP ${response.status} in ${ms.toFixed(0)} ms, refused with the limit: ${refused}; ${pages} home pages meanwhile, slowest ${slowest.toFixed(0)} ms`);
	}
} finally {
	await stop(server);
	fs.rmSync(dataDir, { recursive: true, force: true });
}
