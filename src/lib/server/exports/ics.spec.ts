import { describe, expect, it } from 'vitest';
import { consultationIcs } from './ics';

describe('consultationIcs', () => {
	const c = { id: 'c-1', slug: 'rt1', title: 'Ensuring that migration is voluntary, regular, safe and orderly', startsAt: new Date('2026-12-03T04:00:00Z'), endsAt: new Date('2026-12-03T07:00:00Z'), timeZone: 'Asia/Bangkok', venue: null };
	it('writes 11:00–14:00 Bangkok time as 04:00–07:00 UTC', () => {
		const ics = consultationIcs(c, 'http://localhost:3000/consultations/rt1');
		expect(ics).toContain('DTSTART:20261203T040000Z');
		expect(ics).toContain('DTEND:20261203T070000Z');
		expect(ics).toContain('UID:c-1@convene');
		expect(ics).toMatch(/SUMMARY:Ensuring that migration is voluntary/);
	});
	it('leaves the meeting link out unless it is given (confirmed participants only)', () => {
		expect(consultationIcs(c, 'http://x/')).not.toContain('meet.example.org');
		expect(consultationIcs(c, 'http://x/', 'https://meet.example.org/abc')).toContain('https://meet.example.org/abc');
	});
});
