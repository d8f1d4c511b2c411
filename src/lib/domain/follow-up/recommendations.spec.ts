import { describe, expect, it } from 'vitest';
import { parseAddressees, parseEvidenceUrl, parseObjectiveNumbers, parseSheetDate, parseStatus, planSheet, recommendationReference, suggestAddressees } from './recommendations';

describe('reading what staff type in the recommendations sheet', () => {
	it.each([
		['2026-11-23', '2026-11-23'],
		['23/11/2026', '2026-11-23'],
		['11/23/2026', '2026-11-23'],
		['23.11.2026', '2026-11-23'],
		['23 November 2026', '2026-11-23'],
		['3 Nov. 2026', '2026-11-03'],
		['Fri Nov 20 2026 00:00:00 GMT+0000 (Coordinated Universal Time)', '2026-11-20'],
		['05/05/2026', '2026-05-05']
	])('reads the date %s', (cell, expected) => {
		expect(parseSheetDate(cell)).toEqual({ ok: true, value: expected });
	});

	it.each([
		['05/11/2026', 'ambiguous-date'],
		['2026-02-30', 'not-a-date'],
		['31/31/2026', 'not-a-date'],
		['next week', 'not-a-date'],
		['', 'not-a-date']
	])('refuses the date "%s" (%s)', (cell, kind) => {
		expect(parseSheetDate(cell)).toEqual({ ok: false, problem: { kind, value: cell } });
	});

	it('reads statuses by label or id, in any case', () => {
		expect(['Open', 'in progress', 'IN-PROGRESS', 'Implemented', 'no action', 'no-action'].map((s) => parseStatus(s).ok && parseStatus(s))).toEqual([
			{ ok: true, value: 'open' },
			{ ok: true, value: 'in-progress' },
			{ ok: true, value: 'in-progress' },
			{ ok: true, value: 'implemented' },
			{ ok: true, value: 'no-action' },
			{ ok: true, value: 'no-action' }
		]);
		expect(parseStatus('Done')).toEqual({ ok: false, problem: { kind: 'not-a-status', value: 'Done' } });
	});

	it('reads addressees by label or id, without repeats, and refuses an unknown one', () => {
		expect(parseAddressees('Governments; the network, Parliamentarians; governments')).toEqual({ ok: true, value: ['governments', 'the-network', 'parliamentarians'] });
		expect(parseAddressees('')).toEqual({ ok: true, value: [] });
		expect(parseAddressees('Governments; Donors')).toEqual({ ok: false, problem: { kind: 'not-an-addressee', value: 'Donors' } });
	});

	it('reads objective numbers within the framework', () => {
		expect(parseObjectiveNumbers('16; objective 3, 16', 23)).toEqual({ ok: true, value: [3, 16] });
		expect(parseObjectiveNumbers('24', 23)).toEqual({ ok: false, problem: { kind: 'not-an-objective', value: '24', last: 23 } });
	});

	it('accepts only web addresses as evidence', () => {
		expect(parseEvidenceUrl(' https://example.org/a b ')).toEqual({ ok: true, value: 'https://example.org/a%20b' });
		expect(parseEvidenceUrl('javascript:alert(1)').ok).toBe(false);
		expect(parseEvidenceUrl('see the file').ok).toBe(false);
	});
});

describe('addressees and references', () => {
	it.each([
		['Governments should recognize diaspora organizations as partners.', ['governments']],
		['Parliaments should establish cross-party groups on migration.', ['parliamentarians']],
		['Inter-parliamentary bodies should hold a regular regional dialogue.', ['inter-parliamentary-bodies']],
		['National governments should allocate funding to local authorities.', ['governments', 'local-authorities']],
		['The Network should offer briefings.', ['the-network']],
		['Migrants themselves should take part in collecting data.', []]
	])('suggests the addressees of "%s"', (text, expected) => {
		expect(suggestAddressees(text)).toEqual(expected);
	});

	it('cites a recommendation by paragraph and letter', () => {
		expect(recommendationReference(14, 'B')).toBe('para. 14 (B)');
		expect(recommendationReference(null, 'A')).toBe('(A)');
	});
});

describe('planning a sheet', () => {
	const current = new Map([['a1', { id: 'a1', status: 'open' as const, addressees: ['governments'], objectiveNumbers: [3] }]]);
	const header = ['Recommendation ID', 'Status', 'Addressees', 'Objectives', 'Follow-up date', 'Follow-up note', 'Evidence link'];
	it('counts rows left as they were as unchanged, and skips empty rows', () => {
		expect(planSheet([header, ['A1', 'Open', 'Governments', '3', '', '', ''], ['', '', '']], current, 23)).toEqual({ ok: true, changes: [], unchanged: 1 });
	});
	it('asks for the columns it needs', () => {
		expect(planSheet([['ID', 'State']], current, 23)).toMatchObject({ ok: false, errors: [{ row: 1, column: 'Recommendation ID, Status', problem: { kind: 'columns-missing', columns: ['Recommendation ID', 'Status'] } }] });
	});
	it('refuses a follow-up without a note or date, and the same recommendation twice', () => {
		const plan = planSheet([header, ['a1', 'Open', 'Governments', '3', '2026-11-01', '', ''], ['a1', 'Open', '', '', '', '', '']], current, 23);
		expect(plan).toMatchObject({ ok: false, errors: [{ row: 2, column: 'Follow-up note' }, { row: 3, column: 'Recommendation ID', problem: { kind: 'repeated-row', row: 2 } }] });
	});
});
