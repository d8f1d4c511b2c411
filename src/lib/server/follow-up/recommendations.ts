// The recommendations tracker: every lettered recommendation of a published report, with its
// addressees, objectives, status and a dated follow-up log; updated one at a time or in bulk by an
// XLSX round-trip. Recommendations come only from published versions, so everything here is public
// except who changed what (the audit log).
import ExcelJS from 'exceljs';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { consultation, followUp, objective, recommendation, recommendationObjective, report, reportVersion, reviewProcess, statement, statementObjective } from '../db/schema';
import { numberBlocks } from '../../domain/report/model';
import { suggestObjectives } from '../../domain/notes/objective-tags';
import {
	STATUS_LABELS,
	SHEET_COLUMNS,
	addresseeLabel,
	planSheet,
	recommendationReference,
	suggestAddressees,
	type CurrentRecommendation,
	type TrackedRecommendation,
	type RecommendationStatus,
	type SheetError
} from '../../domain/follow-up/recommendations';
import { neutralizeCell } from '../../domain/spreadsheet-safety';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { readBlocks } from '../queries/report-blocks';
import { protectionCache, type ProtectionScope } from '../queries/protected';
import { passGate, type PublicText } from '../privacy/gate';
import { writeAudit } from '../queries/audit';
import { readTable, UnreadableFileError } from '../imports/read-table';
import { dateInZone } from '../../domain/time';
import { isUuid } from '../../domain/ids';

const sameText = (s: string) => s.trim().replace(/[.!?…]+$/, '').replace(/\s+/g, ' ').toLowerCase();

/**
 * Called in the publication's transaction: the published version's recommendations become (or
 * update) tracked ones. A corrected wording keeps its status and log (matched by text, else by its
 * place, "para. 14 (B)"); a recommendation dropped from the report is removed only if nothing was
 * recorded about it yet.
 */
export async function syncRecommendations(tx: Executor, versionId: string): Promise<{ added: number; updated: number; removed: number }> {
	const [v] = await tx
		.select({ consultationId: report.consultationId, processId: consultation.processId, frameworkId: reviewProcess.frameworkId })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.leftJoin(reviewProcess, eq(reviewProcess.id, consultation.processId))
		.where(eq(reportVersion.id, versionId));
	if (!v) return { added: 0, updated: 0, removed: 0 };
	const items: { paragraphNumber: number | null; letter: string; text: string }[] = [];
	let lastParagraph: number | null = null;
	for (const b of numberBlocks((await readBlocks(tx, versionId)).map((r) => r.block))) {
		if (b.kind === 'paragraph') lastParagraph = b.number;
		if (b.kind === 'list-item' && b.isRecommendation) items.push({ paragraphNumber: lastParagraph, letter: b.letter, text: b.text });
	}
	const existing = await tx.select().from(recommendation).where(eq(recommendation.consultationId, v.consultationId)).for('update');
	const said = await tx
		.select({ id: statement.id, text: statement.text })
		.from(statement)
		.where(and(eq(statement.consultationId, v.consultationId), eq(statement.isRecommendation, true)));
	const objectives = await tx.select().from(objective).where(eq(objective.frameworkId, v.frameworkId ?? 'gcm'));
	const unmatched = new Set(existing.map((r) => r.id));
	let added = 0;
	let updated = 0;
	for (const [position, item] of items.entries()) {
		const byText = existing.find((r) => unmatched.has(r.id) && sameText(r.text) === sameText(item.text));
		const byPlace = existing.find((r) => unmatched.has(r.id) && r.paragraphNumber === item.paragraphNumber && r.listLetter === item.letter);
		const match = byText ?? byPlace;
		const fields = { reportVersionId: versionId, paragraphNumber: item.paragraphNumber, listLetter: item.letter, position, text: item.text };
		if (match) {
			unmatched.delete(match.id);
			await tx.update(recommendation).set({ ...fields, updatedAt: new Date() }).where(eq(recommendation.id, match.id));
			updated++;
			continue;
		}
		const source = said.find((s) => sameText(s.text) === sameText(item.text));
		const [row] = await tx
			.insert(recommendation)
			.values({ ...fields, processId: v.processId, consultationId: v.consultationId, statementId: source?.id ?? null, addressees: suggestAddressees(item.text) })
			.returning({ id: recommendation.id });
		const tagged = source ? (await tx.select({ id: statementObjective.objectiveId }).from(statementObjective).where(eq(statementObjective.statementId, source.id))).map((t) => t.id) : [];
		const objectiveIds = tagged.length ? tagged : suggestObjectives(item.text, objectives, 3).filter((s) => s.score >= 2).map((s) => s.objectiveId);
		if (objectiveIds.length) await tx.insert(recommendationObjective).values(objectiveIds.map((objectiveId) => ({ recommendationId: row.id, objectiveId })));
		added++;
	}
	let removed = 0;
	if (unmatched.size) {
		const logged = new Set((await tx.select({ id: followUp.recommendationId }).from(followUp).where(inArray(followUp.recommendationId, [...unmatched]))).map((f) => f.id));
		const drop = existing.filter((r) => unmatched.has(r.id) && r.status === 'open' && !logged.has(r.id)).map((r) => r.id);
		if (drop.length) await tx.delete(recommendation).where(inArray(recommendation.id, drop));
		removed = drop.length;
	}
	return { added, updated, removed };
}

export interface RecommendationFilters {
	id?: string;
	status?: string;
	addressee?: string;
	objective?: number;
	consultation?: string; // slug
}


/** The highest objective number of the process's framework (23 for the GCM). */
export async function lastObjectiveNumber(db: Executor, processId: string): Promise<number> {
	const [{ last }] = await db
		.select({ last: sql<number>`coalesce(max(${objective.number}), 0)::int` })
		.from(objective)
		.innerJoin(reviewProcess, eq(reviewProcess.frameworkId, objective.frameworkId))
		.where(eq(reviewProcess.id, processId));
	return last;
}

export async function processBySlug(db: Executor, slug: string) {
	const [p] = await db.select().from(reviewProcess).where(eq(reviewProcess.slug, slug));
	return p ?? null;
}

/** The tracked recommendations of a process, in report order, with objectives and follow-up log. */
export async function listRecommendations(db: Executor, processId: string, filters: RecommendationFilters = {}): Promise<TrackedRecommendation[]> {
	const conditions = [eq(recommendation.processId, processId)];
	if (filters.id !== undefined) {
		if (!isUuid(filters.id)) return [];
		conditions.push(eq(recommendation.id, filters.id));
	}
	if (filters.status) conditions.push(eq(recommendation.status, filters.status));
	if (filters.addressee) conditions.push(sql`${filters.addressee} = any(${recommendation.addressees})`);
	if (filters.consultation) conditions.push(eq(consultation.slug, filters.consultation));
	if (filters.objective) {
		conditions.push(
			sql`exists (select 1 from ${recommendationObjective} ro join ${objective} o on o.id = ro.objective_id where ro.recommendation_id = ${recommendation.id} and o.number = ${filters.objective})`
		);
	}
	const rows = await db
		.select({ r: recommendation, slug: consultation.slug, title: consultation.title, timeZone: consultation.timeZone, startsAt: consultation.startsAt, reportSlug: report.slug, versionNumber: reportVersion.number })
		.from(recommendation)
		.innerJoin(consultation, eq(consultation.id, recommendation.consultationId))
		.leftJoin(reportVersion, eq(reportVersion.id, recommendation.reportVersionId))
		.leftJoin(report, eq(report.id, reportVersion.reportId))
		.where(and(...conditions))
		.orderBy(asc(consultation.startsAt), asc(recommendation.position));
	if (!rows.length) return [];
	const ids = rows.map((r) => r.r.id);
	const tags = await db
		.select({ recommendationId: recommendationObjective.recommendationId, id: objective.id, number: objective.number, shortTitle: objective.shortTitle })
		.from(recommendationObjective)
		.innerJoin(objective, eq(objective.id, recommendationObjective.objectiveId))
		.where(inArray(recommendationObjective.recommendationId, ids))
		.orderBy(asc(objective.number));
	const log = await db
		.select()
		.from(followUp)
		.where(inArray(followUp.recommendationId, ids))
		.orderBy(desc(followUp.happenedOn), desc(followUp.createdAt));
	return rows.map(({ r, ...c }) => ({
		id: r.id,
		consultationId: r.consultationId!,
		consultationSlug: c.slug,
		consultationTitle: c.title,
		timeZone: c.timeZone,
		reportSlug: c.reportSlug,
		versionNumber: c.versionNumber,
		reference: recommendationReference(r.paragraphNumber, r.listLetter),
		text: r.text,
		addressees: r.addressees,
		status: r.status as RecommendationStatus,
		objectives: tags.filter((t) => t.recommendationId === r.id).map(({ id, number, shortTitle }) => ({ id, number, shortTitle })),
		followUps: log.filter((f) => f.recommendationId === r.id).map((f) => ({ id: f.id, happenedOn: f.happenedOn, note: f.note, evidenceUrl: f.evidenceUrl })),
		updatedAt: r.updatedAt
	}));
}

export async function recommendationById(db: Executor, id: string): Promise<(TrackedRecommendation & { processSlug: string; processTitle: string }) | null> {
	if (!isUuid(id)) return null;
	const [r] = await db
		.select({ processId: recommendation.processId, slug: reviewProcess.slug, title: reviewProcess.title })
		.from(recommendation)
		.innerJoin(reviewProcess, eq(reviewProcess.id, recommendation.processId))
		.where(eq(recommendation.id, id));
	if (!r?.processId) return null;
	const [found] = await listRecommendations(db, r.processId, { id });
	return found ? { ...found, processSlug: r.slug, processTitle: r.title } : null;
}

// ---------------------------------------------------------------------------------------------
// Changes: one at a time (form) or many (spreadsheet), both through applyChanges
// ---------------------------------------------------------------------------------------------

export interface RecommendationChange {
	id: string;
	status?: RecommendationStatus;
	addressees?: string[];
	objectiveNumbers?: number[];
	followUp?: { happenedOn: string; note: string; evidenceUrl: string | null };
}

export type ChangeResult =
	| { ok: true; changed: number; followUps: number }
	| Forbidden
	| NotFound
	| { ok: false; reason: 'invalid'; errors: SheetError[]; canOverride?: boolean };

/**
 * Applies changes in one transaction, with the recommendations locked: a status change is logged
 * with the day it was made (in the consultation's time zone); a follow-up note goes through the
 * privacy core, because the log is public; a follow-up already in the log is not added twice.
 */
async function applyChanges(db: Database, actor: Actor, changes: readonly (RecommendationChange & { row?: number })[], now = new Date(), overrideReason: string | null = null): Promise<ChangeResult> {
	if (!changes.length) return { ok: true, changed: 0, followUps: 0 };
	return db.transaction(async (tx) => {
		const ids = changes.map((c) => c.id);
		const rows = await tx
			.select({ r: recommendation, k: consultation.anonymityThreshold, timeZone: consultation.timeZone, frameworkId: reviewProcess.frameworkId })
			.from(recommendation)
			.innerJoin(consultation, eq(consultation.id, recommendation.consultationId))
			.leftJoin(reviewProcess, eq(reviewProcess.id, recommendation.processId))
			.where(inArray(recommendation.id, ids))
			.for('update', { of: recommendation });
		const byId = new Map(rows.map((r) => [r.r.id, r]));
		// The follow-up log is public: every entry passes the privacy gate, against everyone the
		// recommendation's review process (or its consultation) protects, loaded once per scope.
		const protectionFor = protectionCache(tx);
		const clear = async (r: typeof recommendation.$inferSelect, note: string, evidenceUrl: string | null) => {
			const scope: ProtectionScope = r.processId ? { processId: r.processId } : { consultationId: r.consultationId! };
			return passGate(tx, actor, scope, { type: 'follow-up', id: r.id }, { note, evidenceUrl: evidenceUrl ?? '' }, { protection: await protectionFor(scope), overrideReason });
		};
		const cleared = new Map<string, { note: PublicText; evidenceUrl: PublicText | null }>();
		const errors: SheetError[] = [];
		let canOverride = false;
		for (const c of changes) {
			const row = byId.get(c.id);
			if (!row) return NOT_FOUND;
			if (!policy.canOrganize(actor, row.r.consultationId!)) {
				if (c.row === undefined) return FORBIDDEN;
				errors.push({ row: c.row, column: SHEET_COLUMNS.id, message: 'You are not an organizer of the consultation this recommendation comes from' });
			}
			if (c.followUp) {
				const gate = await clear(row.r, c.followUp.note, c.followUp.evidenceUrl);
				if (!gate.ok) {
					canOverride = gate.canOverride;
					for (const f of gate.findings) errors.push({ row: c.row ?? 0, column: SHEET_COLUMNS.followUpNote, message: `The follow-up log is public: ${f.explanation}` });
				}
				else cleared.set(c.id, { note: gate.texts.note, evidenceUrl: c.followUp.evidenceUrl ? gate.texts.evidenceUrl : null });
			}
		}
		if (errors.length) return { ok: false as const, reason: 'invalid' as const, errors, canOverride };
		let changed = 0;
		let followUps = 0;
		const userId = actor.kind === 'staff' ? actor.userId : null;
		for (const c of changes) {
			const { r, timeZone, frameworkId } = byId.get(c.id)!;
			const set: Partial<typeof recommendation.$inferInsert> = {};
			if (c.status && c.status !== r.status) set.status = c.status;
			if (c.addressees) set.addressees = c.addressees;
			if (Object.keys(set).length || c.objectiveNumbers) {
				await tx.update(recommendation).set({ ...set, updatedAt: now }).where(eq(recommendation.id, r.id));
				changed++;
			}
			if (c.objectiveNumbers) {
				await tx.delete(recommendationObjective).where(eq(recommendationObjective.recommendationId, r.id));
				const found = c.objectiveNumbers.length
					? await tx.select({ id: objective.id }).from(objective).where(and(eq(objective.frameworkId, frameworkId ?? 'gcm'), inArray(objective.number, c.objectiveNumbers)))
					: [];
				if (found.length) await tx.insert(recommendationObjective).values(found.map((o) => ({ recommendationId: r.id, objectiveId: o.id })));
			}
			const entries: { happenedOn: string; note: PublicText; evidenceUrl: PublicText | null }[] = [];
			if (set.status) {
				const gate = await clear(r, `Status changed from ${STATUS_LABELS[r.status as RecommendationStatus]} to ${STATUS_LABELS[set.status as RecommendationStatus]}.`, null);
				if (gate.ok) entries.push({ happenedOn: dateInZone(now, timeZone), note: gate.texts.note, evidenceUrl: null });
			}
			if (c.followUp) entries.push({ happenedOn: c.followUp.happenedOn, ...cleared.get(c.id)! });
			for (const e of entries) {
				const [dupe] = await tx
					.select({ id: followUp.id })
					.from(followUp)
					.where(and(eq(followUp.recommendationId, r.id), eq(followUp.happenedOn, e.happenedOn), eq(followUp.note, e.note)));
				if (dupe) continue;
				await tx.insert(followUp).values({ recommendationId: r.id, happenedOn: e.happenedOn, note: e.note, evidenceUrl: e.evidenceUrl, createdByUserId: userId });
				followUps++;
			}
			await writeAudit(tx, actor, {
				action: 'recommendation.update',
				subjectType: 'recommendation',
				subjectId: r.id,
				details: { ...(set.status ? { status: [r.status, set.status] } : {}), ...(c.addressees ? { addressees: c.addressees } : {}), ...(c.objectiveNumbers ? { objectives: c.objectiveNumbers } : {}), ...(c.followUp ? { followUp: c.followUp.happenedOn } : {}) }
			});
		}
		return { ok: true as const, changed, followUps };
	});
}

/** `overrideReason`: an administrator's written reason to log a follow-up past a blocking privacy finding (audited). */
export function updateRecommendation(db: Database, actor: Actor, change: RecommendationChange, now?: Date, options: { overrideReason?: string | null } = {}): Promise<ChangeResult> {
	return applyChanges(db, actor, [change], now, options.overrideReason ?? null);
}

// ---------------------------------------------------------------------------------------------
// The spreadsheet round-trip
// ---------------------------------------------------------------------------------------------

const STATUS_LIST = `"${Object.values(STATUS_LABELS).join(',')}"`;

/** The process's recommendations as a workbook to edit in Excel: one row each, status as a drop-down. */
export async function recommendationsXlsx(rows: readonly TrackedRecommendation[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Convene';
	const sheet = workbook.addWorksheet('Recommendations', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
	const header = [
		SHEET_COLUMNS.id,
		SHEET_COLUMNS.consultation,
		SHEET_COLUMNS.reference,
		SHEET_COLUMNS.text,
		SHEET_COLUMNS.addressees,
		SHEET_COLUMNS.objectives,
		SHEET_COLUMNS.status,
		SHEET_COLUMNS.followUpDate,
		SHEET_COLUMNS.followUpNote,
		SHEET_COLUMNS.evidence,
		SHEET_COLUMNS.latest
	];
	sheet.addRow(header).font = { bold: true };
	for (const r of rows) {
		const latest = r.followUps[0];
		sheet.addRow([
			r.id,
			neutralizeCell(r.consultationTitle),
			r.reference,
			neutralizeCell(r.text),
			r.addressees.map(addresseeLabel).join('; '),
			r.objectives.map((o) => o.number).join('; '),
			STATUS_LABELS[r.status],
			'',
			'',
			'',
			latest ? neutralizeCell(`${latest.happenedOn}: ${latest.note}`) : ''
		]);
	}
	const widths = [38, 30, 14, 60, 28, 12, 14, 14, 40, 30, 40];
	sheet.columns.forEach((column, i) => {
		column.width = widths[i];
		if ([3, 8, 10].includes(i)) column.alignment = { wrapText: true, vertical: 'top' };
	});
	for (let row = 2; row <= rows.length + 1; row++) {
		sheet.getCell(row, 7).dataValidation = { type: 'list', allowBlank: false, formulae: [STATUS_LIST], showErrorMessage: true, errorTitle: 'Status', error: `Choose one of ${Object.values(STATUS_LABELS).join(', ')}` };
		sheet.getCell(row, 8).numFmt = 'yyyy-mm-dd';
	}
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type SheetResult = ChangeResult | { ok: false; reason: 'unreadable'; message: string };

/** Reads an edited sheet back. Any error anywhere: nothing is changed, and every error is listed. */
export async function importRecommendationsSheet(db: Database, actor: Actor, processId: string, data: Uint8Array, fileName: string, now?: Date): Promise<SheetResult & { unchanged?: number }> {
	if (actor.kind !== 'staff' && actor.kind !== 'system') return FORBIDDEN;
	let table;
	try {
		table = await readTable(data, fileName);
	} catch (error) {
		if (error instanceof UnreadableFileError) return { ok: false, reason: 'unreadable', message: error.message };
		throw error;
	}
	const rows = await listRecommendations(db, processId);
	const current = new Map<string, CurrentRecommendation>(rows.map((r) => [r.id, { id: r.id, status: r.status, addressees: r.addressees, objectiveNumbers: r.objectives.map((o) => o.number) }]));
	const plan = planSheet(table, current, await lastObjectiveNumber(db, processId));
	if (!plan.ok) return { ok: false, reason: 'invalid', errors: plan.errors };
	const result = await applyChanges(db, actor, plan.changes, now);
	return result.ok ? { ...result, unchanged: plan.unchanged } : result;
}
