import { describe, expect, it } from 'vitest';
import { draftReport, type DraftInput } from './draft';
import { numberBlocks, plainText, roman } from './model';
import { renderHtmlBody, renderMarkdown } from './render-text';
import { editorialWarnings } from './editorial';

// A fictional consultation.
const input: DraftInput = {
	title: 'Consultation with parliamentarians',
	date: 'Tuesday, 10 November 2026',
	timeZoneName: 'Indochina Time',
	format: 'an online meeting',
	theme: 'The role of parliaments',
	background: 'Parliaments make laws.\n\nThey approve budgets.',
	reviewObjectives: ['Take stock of progress', 'Identify gaps'],
	objectives: [{ number: 6, title: 'Recruitment and decent work' }],
	organizers: ['the Network secretariat'],
	isChathamHouse: true,
	attendance: ['32 participants attended.', '66 per cent of the participants were women and 34 per cent men.'],
	items: [
		{ title: 'Opening remarks', time: '11:00–11:15', moderator: null, speakers: ['Ms. Maria Santos'], questions: [], statements: [{ attribution: 'on-record', speakerName: 'Ms. Maria Santos', speakerTitle: 'Member of Parliament', descriptor: null, text: 'Parliaments translate commitments into law.', isRecommendation: false }] },
		{
			title: 'Session 1: Pathways',
			time: '11:15–12:30',
			moderator: 'Mr. Liam Taylor',
			speakers: [],
			questions: ['What works?', 'What does not?'],
			statements: [
				{ attribution: 'non-attributable', speakerName: null, speakerTitle: null, descriptor: null, text: 'Wages are withheld', isRecommendation: false },
				{ attribution: 'non-attributable', speakerName: null, speakerTitle: null, descriptor: null, text: 'Fees are charged.', isRecommendation: false },
				{ attribution: 'non-attributable', speakerName: null, speakerTitle: null, descriptor: 'a parliamentarian from Bhutan', text: 'ILO C189 must be ratified.', isRecommendation: false },
				{ attribution: 'non-attributable', speakerName: null, speakerTitle: null, descriptor: null, text: 'Governments should abolish recruitment fees', isRecommendation: true },
				{ attribution: 'non-attributable', speakerName: null, speakerTitle: null, descriptor: null, text: 'Parliaments should ratify C189.', isRecommendation: true }
			]
		},
		{ title: 'Closing', time: '12:30–12:45', moderator: null, speakers: [], questions: [], statements: [] }
	],
	documents: [{ title: 'Concept note', url: 'https://example.org/concept-note.pdf' }]
};

describe('the generated draft', () => {
	const doc = draftReport(input);
	const blocks = numberBlocks(doc.blocks);

	it('has the sections of a summary report, in order, with Roman numerals', () => {
		expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b.numeral ? `${b.numeral}. ${b.text}` : b.text))).toEqual([
			'I. Background',
			'II. Objectives and attendance',
			'III. Opening',
			'IV. Session 1: Pathways',
			'V. Closing',
			'VI. Background documents',
			'Annex: Agenda and guiding questions'
		]);
	});

	it('numbers paragraphs continuously, letters lists from A in each list, and numbers footnotes through the document', () => {
		const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
		expect(paragraphs.map((p) => p.number)).toEqual(paragraphs.map((_, i) => i + 1));
		const letters = blocks.filter((b) => b.kind === 'list-item').map((b) => b.letter);
		expect(letters).toEqual(['A', 'B', 'A', 'B', 'A']); // objectives, recommendations, documents
		const footnotes = blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'list-item' ? b.footnotes.map((f) => f.number) : []));
		expect(footnotes).toEqual([1, 2, 3]);
	});

	it('passes its own editorial checks: the Compact cited in full once, then “Ibid.”', () => {
		const doc = draftReport(input);
		expect(editorialWarnings(doc)).toEqual([]);
		const notes = doc.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'list-item' ? b.footnotes : []));
		expect(notes[0]).toMatch(/^General Assembly resolution 73\/195/);
		expect(notes[1]).toBe('Ibid.');
	});

	it('names on-record speakers with their titles, varies the phrase for everyone else, and uses a chosen descriptor', () => {
		const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
		expect(texts).toContain('Ms. Maria Santos, Member of Parliament, said that parliaments translate commitments into law.');
		expect(texts).toContain('A participant said that wages are withheld.');
		expect(texts).toContain('Another participant said that fees are charged.');
		expect(texts).toContain('A parliamentarian from Bhutan said that ILO C189 must be ratified.');
		expect(texts).toContain('The session was moderated by Mr. Liam Taylor.');
		expect(texts).toContain('32 participants attended. 66 per cent of the participants were women and 34 per cent men.');
		expect(blocks.filter((b) => b.kind === 'list-item').map((b) => b.text).slice(2, 4)).toEqual(['Governments should abolish recruitment fees.', 'Parliaments should ratify C189.']);
	});

	it('puts the agenda and guiding questions in the annex table', () => {
		expect(blocks.filter((b) => b.kind === 'annex').map((b) => b.cells)).toEqual([
			['Time', 'Session', 'Moderator and speakers', 'Guiding questions'],
			['11:00–11:15', 'Opening remarks', 'Ms. Maria Santos', ''],
			['11:15–12:30', 'Session 1: Pathways', 'Moderator: Mr. Liam Taylor', 'What works? What does not?'],
			['12:30–12:45', 'Closing', '', '']
		]);
	});

	it('renders the same numbers in Markdown and HTML, with escaped text', () => {
		const md = renderMarkdown(doc);
		expect(md).toContain('## IV. Session 1: Pathways');
		expect(md).toMatch(/^1\\\. The consultation “Consultation with parliamentarians”, organized by the .*\[\^1\]$/m);
		expect(md).toContain('    B\\. Parliaments should ratify C189.');
		expect(md).toContain('[^3]: Available at https://example.org/concept-note.pdf');
		const html = renderHtmlBody({ ...doc, blocks: [...doc.blocks, { kind: 'paragraph', text: '<script>alert(1)</script>', footnotes: [] }] });
		expect(html).toContain('<p class="numbered" id="para-1"><span class="number">1.</span>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).not.toContain('<script>');
		expect(html).toContain('<li id="fn3" value="3">Available at https://example.org/concept-note.pdf');
		expect(plainText(doc)).toContain('Available at https://example.org/concept-note.pdf');
	});

	it('writes Roman numerals', () => {
		expect([1, 4, 9, 14, 19].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XIX']);
	});
});
