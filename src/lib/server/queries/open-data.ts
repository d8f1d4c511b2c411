// Open data: read-only JSON of what is already public — published consultations, their statistics
// (small cells suppressed), published reports, tracked recommendations and published practices.
// Nothing here reads a non-public row: the same queries as the public pages.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { consultation, report, reportVersion, reviewProcess } from '../db/schema';
import { getPublishedConceptNote } from './consultations';
import { publishedVersion } from './report-versions';
import { numberBlocks } from '../../domain/report/model';

export async function consultationsList(db: Executor, origin: string) {
	const rows = await db
		.select({ c: consultation, processSlug: reviewProcess.slug })
		.from(consultation)
		.leftJoin(reviewProcess, eq(reviewProcess.id, consultation.processId))
		.where(eq(consultation.status, 'published'))
		.orderBy(asc(consultation.startsAt));
	return rows.map(({ c, processSlug }) => ({
		slug: c.slug,
		title: c.title,
		process: processSlug,
		startsAt: c.startsAt.toISOString(),
		endsAt: c.endsAt.toISOString(),
		timeZone: c.timeZone,
		format: c.format,
		registrationClosesAt: c.registrationClosesAt?.toISOString() ?? null,
		url: `${origin}/consultations/${c.slug}`,
		statistics: `${origin}/api/v1/consultations/${c.slug}/statistics`
	}));
}

/** One consultation as its public page shows it: concept note, agenda with on-record speakers, documents. */
export async function consultationDetail(db: Executor, slug: string, origin: string) {
	const note = await getPublishedConceptNote(db, slug);
	if (!note) return null;
	const c = note.consultation;
	const person = (p: { name: string; honorific: string | null; jobTitle: string | null }) => ({ name: [p.honorific, p.name].filter(Boolean).join(' '), title: p.jobTitle });
	return {
		slug: c.slug,
		title: c.title,
		theme: c.theme,
		background: c.background,
		startsAt: c.startsAt.toISOString(),
		endsAt: c.endsAt.toISOString(),
		timeZone: c.timeZone,
		format: c.format,
		isChathamHouse: c.isChathamHouse,
		registrationOpensAt: c.registrationOpensAt?.toISOString() ?? null,
		registrationClosesAt: c.registrationClosesAt?.toISOString() ?? null,
		objectives: note.objectives.map((o) => ({ number: o.number, title: o.shortTitle })),
		organizers: note.team.map((t) => ({ name: t.name, role: t.role })),
		agenda: note.agenda.map((a) => ({
			title: a.title,
			startsAt: a.startsAt.toISOString(),
			endsAt: a.endsAt.toISOString(),
			moderator: a.moderator ? person(a.moderator) : null,
			speakers: a.speakers.map(person),
			questions: a.questions
		})),
		documents: note.documents.map((d) => ({ title: d.title, url: d.url ?? `${origin}/consultations/${c.slug}/documents/${d.id}` })),
		url: `${origin}/consultations/${c.slug}`
	};
}

export async function reportsList(db: Executor, origin: string) {
	const rows = await db
		.selectDistinctOn([report.slug], { slug: report.slug, title: report.title, consultation: consultation.slug, number: reportVersion.number, publishedAt: reportVersion.publishedAt })
		.from(reportVersion)
		.innerJoin(report, eq(report.id, reportVersion.reportId))
		.innerJoin(consultation, eq(consultation.id, report.consultationId))
		.where(and(eq(reportVersion.state, 'published'), eq(consultation.status, 'published')))
		.orderBy(report.slug, desc(reportVersion.number));
	return rows.map((r) => ({ ...r, publishedAt: r.publishedAt!.toISOString(), url: `${origin}/reports/${r.slug}/v/${r.number}`, json: `${origin}/api/v1/reports/${r.slug}` }));
}

/** The latest published version of a report, block by block with its numbers, letters and footnotes. */
export async function reportDetail(db: Executor, slug: string, origin: string) {
	const v = await publishedVersion(db, slug, null);
	if (!v) return null;
	return {
		slug,
		title: v.doc.title,
		subtitle: v.doc.subtitle,
		version: v.number,
		publishedAt: v.publishedAt.toISOString(),
		note: v.note,
		blocks: numberBlocks(v.doc.blocks),
		downloads: Object.fromEntries(['docx', 'pdf', 'md'].map((f) => [f, `${origin}/reports/${slug}/v/${v.number}/download/${f}`]))
	};
}
