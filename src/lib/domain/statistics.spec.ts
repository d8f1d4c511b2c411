import { describe, expect, it } from 'vitest';
import { attendanceSentence, attendanceStatistics, genderSentence, percentages, publicBreakdown, unNumber, type AttendeeFacts } from './statistics';

const many = (n: number, facts: AttendeeFacts) => Array.from({ length: n }, () => ({ ...facts }));
const SSWA = 'South and South-West Asia';
const labels = {
	category: (id: string, n: number) => ({ parliamentarians: n === 1 ? 'parliamentarian' : 'parliamentarians', 'civil-society': 'civil society representatives', media: 'journalists' })[id] ?? id,
	country: (code: string) => ({ BT: 'Bhutan', NP: 'Nepal', FJ: 'Fiji', WS: 'Samoa' })[code] ?? code
};

describe('UN-style numbers', () => {
	it.each([
		[0, 'zero'],
		[1, 'one'],
		[9, 'nine'],
		[10, '10'],
		[42, '42'],
		[1200, '1,200']
	])('%i is written %s', (n, words) => expect(unNumber(n)).toBe(words));

	it('rounds percentages so that they add up to 100', () => {
		expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
		expect(percentages([7, 3])).toEqual([70, 30]);
		expect(percentages([0, 0])).toEqual([0, 0]);
	});
});

describe('attendance sentences', () => {
	const attendees = [
		...many(19, { category: 'parliamentarians', country: 'BT', subregion: SSWA, gender: 'woman' }),
		...many(4, { category: 'civil-society', country: 'NP', subregion: SSWA, gender: 'man' }),
		...many(7, { category: 'parliamentarians', country: 'FJ', subregion: 'Pacific', gender: 'man' }),
		...many(2, { category: 'media', country: 'WS', subregion: 'Pacific', gender: 'woman' })
	];
	const stats = attendanceStatistics(attendees);

	it('counts attendees by category, country, subregion and gender, largest first', () => {
		expect(stats.total).toBe(32);
		expect(stats.byCategory).toEqual([
			{ value: 'parliamentarians', count: 26 },
			{ value: 'civil-society', count: 4 },
			{ value: 'media', count: 2 }
		]);
		expect(stats.bySubregion).toEqual([
			{ value: SSWA, count: 23 },
			{ value: 'Pacific', count: 9 }
		]);
	});

	it('writes the sentence a report uses, without naming a group smaller than k', () => {
		expect(attendanceSentence(stats, labels, 3)).toBe(
			'32 participants attended, including 26 parliamentarians and four civil society representatives from four countries, among them Bhutan, Fiji and Nepal.'
		);
		expect(attendanceSentence(stats, labels, 2)).toBe(
			'32 participants attended, including 26 parliamentarians, four civil society representatives and two journalists from four countries, namely Bhutan, Fiji, Nepal and Samoa.'
		);
	});

	it('writes the gender sentence in per cent', () => {
		expect(genderSentence(stats, 3)).toBe('66 per cent of the participants were women and 34 per cent men.'); // 21 and 11 of 32
		const small = attendanceStatistics([...many(7, { category: null, country: null, subregion: null, gender: 'woman' }), ...many(3, { category: null, country: null, subregion: null, gender: 'man' })]);
		expect(genderSentence(small, 3)).toBe('70 per cent of the participants were women and 30 per cent men.');
		expect(attendanceSentence(small, labels, 3)).toBe('10 participants attended.');
	});

	it('puts "the" before the countries whose names take it', () => {
		const stats2 = attendanceStatistics([...many(3, { category: null, country: 'PH', subregion: null, gender: null }), ...many(3, { category: null, country: 'NP', subregion: null, gender: null })]);
		expect(attendanceSentence(stats2, { ...labels, country: (c: string) => ({ PH: 'Philippines', NP: 'Nepal' })[c] ?? c }, 3)).toBe('Six participants attended from two countries, namely Nepal and the Philippines.');
	});

	it('suppresses small cells in a public table', () => {
		expect(publicBreakdown(stats.byCategory, 3)).toEqual([
			{ value: 'parliamentarians', count: '26' },
			{ value: 'civil-society', count: '4' },
			{ value: 'media', count: '<3' }
		]);
	});
});
