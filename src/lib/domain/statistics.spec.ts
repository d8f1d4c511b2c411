import { describe, expect, it } from 'vitest';
import { attendanceSentence, attendanceStatistics, genderSentence, percentages, publicBreakdown, unNumber, type AttendeeFacts, mergeSmallGroups, OTHER_GROUPS } from './statistics';

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

	it('writes the sentence a report uses, naming only the groups the public tables name (small groups merged, with secondary suppression)', () => {
		// Media (2) is under k; "other groups" of 2 would be under k too, so civil society (4) joins
		// it, as in the public table; countries likewise.
		expect(attendanceSentence(stats, labels, 3)).toBe('32 participants attended, including 26 parliamentarians from four countries, among them Bhutan and Fiji.');
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

	it('keeps "did not say" apart from men, and gives a share only for what the public gender table names', () => {
		const of = (gender: string | null, n: number) => many(n, { category: null, country: null, subregion: null, gender });
		const sentence = (k: number, ...groups: [string | null, number][]) => genderSentence(attendanceStatistics(groups.flatMap(([g, n]) => of(g, n))), k);
		// 2 who did not say (under k = 3): the table merges men into "other groups" with them, so only women are given.
		expect(sentence(3, ['woman', 16], ['man', 12], ['prefer-not-to-say', 2])).toBe('53 per cent of the participants were women.');
		// Every group named by the table: each its own share.
		expect(sentence(3, ['woman', 16], ['man', 8], ['non-binary', 3], ['prefer-not-to-say', 3])).toBe('53 per cent of the participants were women, 27 per cent men, 10 per cent of another gender and 10 per cent did not say.');
		expect(sentence(3, ['woman', 16], ['man', 11], ['prefer-not-to-say', 3])).toBe('53 per cent of the participants were women, 37 per cent men and 10 per cent did not say.');
		// Groups under k in the rest: one share for the rest, which the table's other lines add up to.
		expect(sentence(3, ['woman', 16], ['man', 11], ['prefer-not-to-say', 2], [null, 1])).toBe('53 per cent of the participants were women, 37 per cent men and 10 per cent of another gender or did not say.');
		expect(sentence(3, ['woman', 16], ['man', 10], ['self-described', 2], ['prefer-not-to-say', 2])).toBe('54 per cent of the participants were women, 33 per cent men and 13 per cent of another gender or did not say.');
		// A named group beside one under k that secondary suppression hides with it (k = 5): one share, not two.
		expect(sentence(5, ['woman', 10], ['man', 10], ['non-binary', 5], ['self-described', 2], ['prefer-not-to-say', 5])).toBe('31 per cent of the participants were women, 31 per cent men and 38 per cent of another gender or did not say.');
		expect(sentence(5, ['woman', 10], ['man', 10], ['non-binary', 5], ['prefer-not-to-say', 6], [null, 2])).toBe('30 per cent of the participants were women, 30 per cent men and 40 per cent of another gender or did not say.');
		// The table names nobody (women join the "other groups" that hide 2): no sentence, and never "0 per cent".
		expect(sentence(5, ['woman', 10], ['prefer-not-to-say', 2])).toBeNull();
		expect(sentence(3, ['man', 9], ['non-binary', 3])).toBe('75 per cent of the participants were men.');
		for (const k of [2, 3, 5]) expect(sentence(k, ['woman', 16], ['man', 12], ['prefer-not-to-say', 2]) ?? '').not.toMatch(/men or/);
	});

	it('puts "the" before the countries whose names take it', () => {
		const stats2 = attendanceStatistics([...many(3, { category: null, country: 'PH', subregion: null, gender: null }), ...many(3, { category: null, country: 'NP', subregion: null, gender: null })]);
		expect(attendanceSentence(stats2, { ...labels, country: (c: string) => ({ PH: 'Philippines', NP: 'Nepal' })[c] ?? c }, 3)).toBe('Six participants attended from two countries, namely Nepal and the Philippines.');
	});

	it('never names a group under k: media (2) and civil society (4) merge into "other groups" so the total cannot give media away', () => {
		// Primary: media has fewer than 3. Secondary: "other groups" of 2 would be recoverable
		// from the total, so the smallest named group (civil society, 4) joins it.
		expect(publicBreakdown(stats.byCategory, 3)).toEqual([
			{ value: 'parliamentarians', count: '26' },
			{ value: OTHER_GROUPS, count: '6' }
		]);
	});
});

describe('statistics never name a group under k (small-group merging rule)', () => {
	const rows = (...counts: [string | null, number][]) => counts.map(([value, count]) => ({ value, count }));
	it.each([
		['leaves a table with no small group as it is', rows(['a', 5], ['b', 3]), rows(['a', 5], ['b', 3])],
		['merges two small groups that together reach k', rows(['a', 9], ['b', 2], ['c', 1]), rows(['a', 9], [OTHER_GROUPS, 3])],
		['adds the smallest named group when the merged line is under k', rows(['a', 9], ['b', 4], ['c', 1]), rows(['a', 9], [OTHER_GROUPS, 5])],
		['merges an unknown value under k like any group', rows(['a', 7], [null, 2], ['b', 1]), rows(['a', 7], [OTHER_GROUPS, 3])],
		['keeps groups with nobody, which name no one', rows(['a', 6], ['b', 0], ['c', 3]), rows(['a', 6], ['b', 0], ['c', 3])],
		['merges everything when even all groups together stay under k', rows(['a', 1], ['b', 1]), rows([OTHER_GROUPS, 2])]
	])('%s', (_rule, input, expected) => {
		expect(mergeSmallGroups(input, 3)).toEqual(expected);
	});
	it('keeps the total: the merged table adds up to the same number of people', () => {
		const input = rows(['a', 12], ['b', 2], ['c', 2], ['d', 1], ['e', 7]);
		const merged = mergeSmallGroups(input, 3);
		expect(merged.reduce((s, r) => s + r.count, 0)).toBe(24);
		expect(merged.every((r) => r.count === 0 || r.count >= 3)).toBe(true);
	});
});
