import { describe, expect, it } from 'vitest';
import { ZAgendaItemForm, documentMediaType, toAgendaItemValues } from './agenda-input';

const meeting = { date: '2026-12-03', timeZone: 'Asia/Bangkok', startsAt: new Date('2026-12-03T04:00:00Z'), endsAt: new Date('2026-12-03T07:00:00Z') };

describe('toAgendaItemValues', () => {
	it('places 11:15–12:25 Bangkok time on the meeting day', () => {
		const r = toAgendaItemValues(ZAgendaItemForm.parse({ title: 'Session 1', startTime: '11:15', endTime: '12:25', questions: 'What works?\n\nWhat does not?' }), meeting);
		expect(r).toMatchObject({ ok: true, values: { startsAt: new Date('2026-12-03T04:15:00Z'), endsAt: new Date('2026-12-03T05:25:00Z'), questions: ['What works?', 'What does not?'] } });
	});
	it.each([
		[{ startTime: '12:00', endTime: '11:00' }, { endTime: 'end-before-start' }],
		[{ startTime: '10:30', endTime: '11:30' }, { startTime: 'outside-meeting' }],
		[{ startTime: '13:30', endTime: '14:30' }, { startTime: 'outside-meeting' }]
	])('refuses %j', (times, errors) => {
		expect(toAgendaItemValues(ZAgendaItemForm.parse({ title: 'X', ...times }), meeting)).toEqual({ ok: false, errors });
	});
});

describe('documentMediaType', () => {
	it.each([
		['Concept note.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
		['agenda.pdf', 'application/pdf'],
		['script.exe', null],
		['noextension', null]
	])('%s → %s', (name, type) => {
		expect(documentMediaType(name)).toBe(type);
	});
});
