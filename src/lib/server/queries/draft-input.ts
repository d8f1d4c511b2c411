// Everything the draft of a consultation's report needs, read from the database. Speakers'
// identities leave this module only for on-record statements; the rest become descriptor phrases.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { agendaItem, agendaSpeaker, consultation, consultationObjective, country, document, guidingQuestion, objective, organization, organizingTeamMember, person, statement, subregion } from '../db/schema';
import type { DraftInput } from '../../domain/report/draft';
import { descriptorPhrase } from '../../domain/notes/statement';
import { attendanceSentence, categoryNoun, genderSentence } from '../../domain/statistics';
import { formatTimeRange } from '../../domain/time';
import { consultationStatistics, statisticsLabels } from './attendees';
import type { ConsultationId, PersonId } from '../../domain/ids';

export const FORMATS: Record<string, string> = { online: 'an online meeting', 'in-person': 'an in-person meeting', hybrid: 'a hybrid meeting' };

const fullName = (p: { honorific: string | null; name: string }) => (p.honorific ? `${p.honorific} ${p.name}` : p.name);

/** `origin` makes the links to stored documents absolute ("https://convene.example"). */
export async function loadDraftInput(db: Executor, slug: string, origin = ''): Promise<{ consultationId: ConsultationId; k: number; input: DraftInput } | null> {
	const [c] = await db.select().from(consultation).where(eq(consultation.slug, slug));
	if (!c) return null;
	const [items, team, objectives, documents, stats, labels, subregions, countries] = await Promise.all([
		db.select().from(agendaItem).where(eq(agendaItem.consultationId, c.id)).orderBy(asc(agendaItem.position)),
		db
			.select({ name: organization.name, role: organizingTeamMember.role })
			.from(organizingTeamMember)
			.innerJoin(organization, eq(organization.id, organizingTeamMember.organizationId))
			.where(eq(organizingTeamMember.consultationId, c.id))
			.orderBy(asc(organizingTeamMember.position)),
		db
			.select({ number: objective.number, title: objective.shortTitle })
			.from(consultationObjective)
			.innerJoin(objective, eq(objective.id, consultationObjective.objectiveId))
			.where(eq(consultationObjective.consultationId, c.id))
			.orderBy(asc(objective.number)),
		db.select({ title: document.title, url: document.url, id: document.id }).from(document).where(eq(document.consultationId, c.id)).orderBy(asc(document.position), asc(document.createdAt)),
		consultationStatistics(db, c.id),
		statisticsLabels(db),
		db.select({ id: subregion.id, name: subregion.name }).from(subregion),
		db.select({ code: country.code, name: country.name }).from(country)
	]);
	const itemIds = items.map((i) => i.id);
	const [speakers, questions, statements] = itemIds.length
		? await Promise.all([
				db
					.select({ itemId: agendaSpeaker.agendaItemId, honorific: person.honorific, name: person.name, jobTitle: person.jobTitle })
					.from(agendaSpeaker)
					.innerJoin(person, eq(person.id, agendaSpeaker.personId))
					.where(inArray(agendaSpeaker.agendaItemId, itemIds))
					.orderBy(asc(agendaSpeaker.position)),
				db.select().from(guidingQuestion).where(inArray(guidingQuestion.agendaItemId, itemIds)).orderBy(asc(guidingQuestion.position)),
				db
					.select({ itemId: statement.agendaItemId, attribution: statement.attribution, descriptors: statement.descriptors, text: statement.text, isRecommendation: statement.isRecommendation, honorific: person.honorific, name: person.name, jobTitle: person.jobTitle })
					.from(statement)
					.leftJoin(person, eq(person.id, statement.speakerId))
					.where(and(eq(statement.consultationId, c.id), inArray(statement.agendaItemId, itemIds)))
					.orderBy(asc(statement.position), asc(statement.createdAt))
			])
		: [[], [], []];
	const moderatorIds = items.map((i) => i.moderatorId).filter((x): x is PersonId => !!x);
	const moderators = new Map(
		(moderatorIds.length ? await db.select({ id: person.id, honorific: person.honorific, name: person.name }).from(person).where(inArray(person.id, moderatorIds)) : []).map((p) => [p.id, fullName(p)])
	);
	const phraseLabels = {
		categoryNoun: (id: string) => categoryNoun(id, 1),
		country: (code: string) => countries.find((x) => x.code === code)?.name ?? code,
		subregion: (id: string) => {
			const name = subregions.find((x) => x.id === id)?.name ?? id;
			return name === 'Pacific' ? 'the Pacific' : name;
		}
	};
	const when = formatTimeRange(c.startsAt, c.endsAt, c.timeZone, 'en');
	const k = c.anonymityThreshold;
	const sentenceLabels = { category: categoryNoun, country: (code: string) => labels.countries.get(code) ?? code };
	const input: DraftInput = {
		title: c.title,
		date: when.date,
		timeZoneName: when.zoneName,
		format: FORMATS[c.format] ?? c.format,
		theme: c.theme,
		background: c.background,
		reviewObjectives: c.reviewObjectives,
		objectives,
		organizers: team.map((t) => t.name),
		isChathamHouse: c.isChathamHouse,
		attendance: stats.total ? [attendanceSentence(stats, sentenceLabels, k), genderSentence(stats, k)].filter((s): s is string => !!s) : [],
		items: items.map((item) => {
			const t = formatTimeRange(item.startsAt, item.endsAt, c.timeZone, 'en');
			return {
				title: item.title,
				time: `${t.start}–${t.end}`,
				moderator: item.moderatorId ? (moderators.get(item.moderatorId) ?? null) : null,
				speakers: speakers.filter((s) => s.itemId === item.id).map((s) => (s.jobTitle ? `${fullName(s)}, ${s.jobTitle}` : fullName(s))),
				questions: questions.filter((q) => q.agendaItemId === item.id).map((q) => q.text),
				statements: statements
					.filter((s) => s.itemId === item.id)
					.map((s) => {
						const onRecord = s.attribution === 'on-record' && !!s.name;
						return {
							attribution: onRecord ? ('on-record' as const) : ('non-attributable' as const),
							speakerName: onRecord ? fullName({ honorific: s.honorific, name: s.name! }) : null,
							speakerTitle: onRecord ? s.jobTitle : null,
							descriptor: onRecord ? null : descriptorPhrase(s.descriptors, phraseLabels),
							text: s.text,
							isRecommendation: s.isRecommendation
						};
					})
			};
		}),
		documents: documents.map((d) => ({ title: d.title, url: d.url ?? `${origin}/consultations/${c.slug}/documents/${d.id}` }))
	};
	return { consultationId: c.id, k, input };
}
