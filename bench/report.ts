// Prints the time to build and render the demo parliamentarians report in each format, on a fresh
// embedded database. Run: npx tsx bench/report.ts [rounds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/lib/server/db';
import { prepareDatabase } from '../src/lib/server/startup';
import { loadDraftInput } from '../src/lib/server/queries/draft-input';
import { draftReport } from '../src/lib/domain/report/draft';
import { renderHtmlDocument, renderMarkdown } from '../src/lib/domain/report/render-text';
import { renderDocx } from '../src/lib/server/exports/report-docx';
import { renderPdf } from '../src/lib/server/exports/report-pdf';

const rounds = Number(process.argv[2] ?? 20);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-bench-report-'));
const handle = await openDatabase({ driver: 'pglite', dataDir });
try {
	await prepareDatabase(handle, { isDemoSeededWhenEmpty: true, env: { CONVENE_ADMIN_PASSWORD: 'bench-password-123' } });
	const time = async (label: string, fn: () => Promise<unknown> | unknown) => {
		await fn(); // warm up
		const ms: number[] = [];
		let size = 0;
		for (let i = 0; i < rounds; i++) {
			const t0 = performance.now();
			const out = await fn();
			ms.push(performance.now() - t0);
			size = typeof out === 'string' ? Buffer.byteLength(out) : out instanceof Buffer ? out.length : 0;
		}
		ms.sort((a, b) => a - b);
		console.log(`${label.padEnd(28)} median ${ms[Math.floor(ms.length / 2)].toFixed(1).padStart(7)} ms   max ${ms[ms.length - 1].toFixed(1).padStart(7)} ms${size ? `   ${(size / 1024).toFixed(1)} KiB` : ''}`);
	};
	const input = (await loadDraftInput(handle.db, 'parliamentarians'))!.input;
	const doc = draftReport(input);
	console.log(`Demo parliamentarians report: ${doc.blocks.length} blocks, ${rounds} rounds each (${os.cpus().length} cores)`);
	await time('load from the database', () => loadDraftInput(handle.db, 'parliamentarians'));
	await time('generate the draft', () => draftReport(input));
	await time('HTML', () => renderHtmlDocument(doc));
	await time('Markdown', () => renderMarkdown(doc));
	await time('DOCX', () => renderDocx(doc));
	await time('PDF', () => renderPdf(doc));
} finally {
	await handle.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
}
