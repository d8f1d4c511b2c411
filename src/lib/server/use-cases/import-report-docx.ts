// A report edited in Word comes back as its next version, in two steps as staff expect: the file is
// read and shown first (what changed word by word, the tracked changes and where they are, the Word
// comments, the privacy gate's findings and the editorial warnings on the new text), and saved only
// when the person confirms. The file names the version it was downloaded from; it is refused when
// it belongs to another report, or when someone saved a newer version since, as the editor does.
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { reportVersion } from '../db/schema';
import type { Actor, Forbidden, NotFound } from '../../domain/policy';
import { plainText, type Block, type ReportDocument } from '../../domain/report/model';
import { diffBlocks, type DiffEntry } from '../../domain/report/edit';
import { editorialSummary } from '../../domain/report/editorial';
import { DocxRefusedError, readReportDocx, type DocxRefusal, type Omitted, type TrackedChange, type WordComment } from '../imports/read-docx';
import { readBlocks } from '../queries/report-blocks';
import { protectionOf } from '../queries/protected';
import { findingsOf } from '../privacy/gate';
import { isUuid } from '../../domain/ids';
import { reportToEdit } from './save-report-version';
import { findingText } from '../privacy/finding-text';

export interface ImportPreview {
	/** The version the file was downloaded from (the latest), and the number the import will get. */
	basedOn: number;
	blocks: Block[];
	diff: DiffEntry[];
	trackedChanges: TrackedChange[];
	trackedChangeCount: number;
	comments: WordComment[];
	commentCount: number;
	omitted: Omitted[];
	findings: { severity: 'block' | 'warn'; explanation: string }[];
	isBlocked: boolean;
	/** The UN editorial checks on the new text, as the report page shows them. */
	editorial: ReturnType<typeof editorialSummary>;
}

export type ImportResult =
	| { ok: true; preview: ImportPreview }
	| Forbidden
	| NotFound
	| { ok: false; reason: 'refused'; refusal: DocxRefusal }
	| { ok: false; reason: 'no-version' }
	| { ok: false; reason: 'other-report' }
	| { ok: false; reason: 'conflict'; basedOn: number; latest: number }
	| { ok: false; reason: 'tracked-changes'; changes: TrackedChange[] };

/** Reads an edited DOCX against the report of consultation `slug`; nothing is saved. */
export async function previewDocxImport(db: Database, actor: Actor, slug: string, file: Uint8Array, options: { refuseTrackedChanges: boolean }): Promise<ImportResult> {
	const r = await reportToEdit(db, actor, slug);
	if ('ok' in r) return r;
	let read;
	try {
		read = await readReportDocx(file);
	} catch (error) {
		if (error instanceof DocxRefusedError) return { ok: false, reason: 'refused', refusal: error.refusal };
		throw error;
	}
	if (!read.versionId || !isUuid(read.versionId)) return { ok: false, reason: 'no-version' };
	const [base] = await db.select({ id: reportVersion.id, reportId: reportVersion.reportId, number: reportVersion.number }).from(reportVersion).where(eq(reportVersion.id, read.versionId));
	if (!base || base.reportId !== r.id) return { ok: false, reason: 'other-report' };
	const [latest] = await db.select({ number: reportVersion.number }).from(reportVersion).where(eq(reportVersion.reportId, r.id)).orderBy(desc(reportVersion.number)).limit(1);
	if (latest.number !== base.number) return { ok: false, reason: 'conflict', basedOn: base.number, latest: latest.number };
	if (options.refuseTrackedChanges && read.trackedChanges.length) return { ok: false, reason: 'tracked-changes', changes: read.trackedChanges };
	const before = (await readBlocks(db, base.id)).map((b) => b.block);
	// The gate reads the new text as it would leave: against everyone this consultation protects.
	const doc: ReportDocument = { title: r.title, subtitle: '', blocks: read.blocks };
	const gate = await findingsOf(db, await protectionOf(db, { consultationId: r.consultationId }), plainText(doc));
	return {
		ok: true,
		preview: {
			basedOn: base.number,
			blocks: read.blocks,
			diff: diffBlocks(before, read.blocks),
			trackedChanges: read.trackedChanges,
			trackedChangeCount: read.trackedChangeCount,
			comments: read.comments,
			commentCount: read.commentCount,
			omitted: read.omitted,
			findings: gate.findings.map((f) => ({ severity: f.severity, explanation: findingText(f) })),
			isBlocked: gate.isBlocked,
			editorial: editorialSummary(doc)
		}
	};
}
