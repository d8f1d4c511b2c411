// The first draft of a consultation's summary report, generated from what Convene knows: the
// concept note, the attendance statistics, each agenda item's statements (on-record speakers by
// name and title, everyone else through the privacy core's phrases), the recommendations as
// lettered lists, the background documents, and the agenda as an annex. Staff then edit it.

import type { Block, ReportDocument } from './model';
import { roman } from './model';
import { speakerPhrases } from '../privacy/render';
import { listInWords } from '../statistics';
import { asRecommendation, lowerFirst, toThirdPerson, withArticle } from './style';

export interface DraftStatement {
	attribution: 'on-record' | 'non-attributable';
	speakerName: string | null; // on record only: "Ms. Maria Santos"
	speakerTitle: string | null; // "Member of Parliament, Philippines"
	descriptor: string | null; // "a parliamentarian from Bhutan" (checked by the anonymity rule)
	text: string;
	isRecommendation: boolean;
}

export interface DraftAgendaItem {
	title: string;
	time: string; // "11:00–11:15", in the consultation's zone
	moderator: string | null;
	speakers: string[];
	questions: string[];
	statements: DraftStatement[];
}

export interface DraftInput {
	title: string;
	date: string; // "Tuesday, 10 November 2026"
	timeZoneName: string;
	format: string; // "online meeting"
	theme: string | null;
	background: string | null;
	reviewObjectives: string[];
	objectives: { number: number; title: string }[];
	organizers: string[]; // lead agencies and co-designers
	isChathamHouse: boolean;
	attendance: string[]; // sentences from the statistics (already suppressing small groups)
	items: DraftAgendaItem[];
	documents: { title: string; url: string | null }[];
}

const GCM_SOURCE = 'General Assembly resolution 73/195 of 19 December 2018, Global Compact for Safe, Orderly and Regular Migration.';

const ensureStop = (s: string) => (/[.!?…]["”’)]?$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/**
 * "Ms. Maria Santos, Member of Parliament, said that …" / "A participant said that …": reported
 * speech, in the third person ("our parliament" → "their parliament"; quotations keep their words).
 */
function statementParagraph(phrase: string, text: string): string {
	const body = ensureStop(text);
	// A statement that opens with a quotation is quoted as it was said; any other is reported.
	if (/^["“‘«']/.test(body)) return `${phrase} said: ${body}`;
	return `${phrase} said that ${lowerFirst(toThirdPerson(body))}`;
}

function sectionParagraphs(statements: readonly DraftStatement[]): Block[] {
	const said = statements.filter((s) => !s.isRecommendation);
	const phrases = speakerPhrases(said.map((s) => ({ attribution: s.attribution, name: s.speakerName, title: s.speakerTitle, descriptor: s.descriptor })));
	const blocks: Block[] = said.map((s, i) => ({ kind: 'paragraph', text: statementParagraph(phrases[i].replace(/,$/, ','), s.text), footnotes: [] }));
	const recommendations = statements.filter((s) => s.isRecommendation);
	if (recommendations.length) {
		blocks.push({ kind: 'paragraph', text: 'Participants made the following recommendations:', footnotes: [] });
		for (const r of recommendations) blocks.push({ kind: 'list-item', text: ensureStop(asRecommendation(r.text)), footnotes: [], isRecommendation: true });
	}
	if (!blocks.length) blocks.push({ kind: 'paragraph', text: 'No statements were recorded for this session.', footnotes: [] });
	return blocks;
}

export function draftReport(input: DraftInput): ReportDocument {
	const blocks: Block[] = [];
	let section = 0;
	const heading = (text: string) => blocks.push({ kind: 'heading', text, numeral: roman(++section) });
	const paragraph = (text: string, footnotes: string[] = []) => blocks.push({ kind: 'paragraph', text, footnotes });

	heading('Background');
	const organizers = input.organizers.length ? `, organized by ${listInWords(input.organizers.map(withArticle))},` : '';
	paragraph(`The consultation “${input.title}”${organizers} took place on ${input.date} (${input.timeZoneName}) as ${input.format}, as part of the review of the Global Compact for Safe, Orderly and Regular Migration in Asia and the Pacific.`, [GCM_SOURCE]);
	for (const p of (input.background ?? '').split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean)) paragraph(p);
	if (input.isChathamHouse) paragraph('The consultation was held under the Chatham House Rule: participants were free to use the information received, but neither the identity nor the affiliation of the speakers, nor that of any other participant, may be revealed. Only speakers listed in the programme are named in this report.');

	heading('Objectives and attendance');
	if (input.theme) paragraph(`The theme of the consultation was: ${ensureStop(input.theme)}`);
	if (input.reviewObjectives.length) {
		paragraph('The objectives of the consultation were to:');
		for (const o of input.reviewObjectives) blocks.push({ kind: 'list-item', text: ensureStop(o), footnotes: [] });
	}
	if (input.objectives.length) {
		const named = input.objectives.map((o) => `objective ${o.number} (${o.title})`);
		paragraph(`The consultation addressed ${input.objectives.length === 1 ? '' : 'the following objectives of the Global Compact: '}${listInWords(named)}.`, ['Ibid.']); // the footnote before is the Compact's, on the first paragraph
	}
	paragraph(input.attendance.length ? input.attendance.join(' ') : 'The attendance of the consultation has not been recorded yet.');

	const [first, ...rest] = input.items;
	const last = rest.length && /clos/i.test(rest[rest.length - 1].title) ? rest.pop()! : null;
	if (first) {
		heading(/open/i.test(first.title) ? 'Opening' : first.title);
		blocks.push(...sectionParagraphs(first.statements));
	}
	for (const item of rest) {
		heading(item.title);
		if (item.moderator) paragraph(`The session was moderated by ${item.moderator}.`);
		blocks.push(...sectionParagraphs(item.statements));
	}
	if (last) {
		heading('Closing');
		blocks.push(...sectionParagraphs(last.statements));
	}

	heading('Background documents');
	if (input.documents.length) {
		for (const d of input.documents) blocks.push({ kind: 'list-item', text: ensureStop(d.title), footnotes: d.url ? [`Available at ${d.url}`] : [] });
	} else paragraph('No background documents were circulated.');

	blocks.push({ kind: 'heading', text: 'Annex: Agenda and guiding questions', numeral: null });
	blocks.push({ kind: 'annex', isHeader: true, cells: ['Time', 'Session', 'Moderator and speakers', 'Guiding questions'] });
	for (const item of input.items) {
		const people = [item.moderator ? `Moderator: ${item.moderator}` : '', ...item.speakers].filter(Boolean).join('; ');
		blocks.push({ kind: 'annex', isHeader: false, cells: [item.time, item.title, people, item.questions.join(' ')] });
	}

	return { title: `Summary report: ${input.title}`, subtitle: `${input.date} · ${input.format}`, blocks };
}
