import { describe, expect, it } from 'vitest';
import { recognizeSpeakers } from './descriptors';
import { checkText, explainFinding, type PrivacyAttendee } from './check';
import { scanForLeaks, MAX_FINDINGS } from './leak-scan';
import { CATEGORY_TERMS, COUNTRY_TERMS, GENDER_TERMS, SUBREGION_TERMS } from './lexicon';

const terms = (text: string, onRecordNames: string[] = []) =>
	recognizeSpeakers(text, { onRecordNames }).map((m) => ({ speaker: m.text, named: m.onRecord, terms: m.terms.map((t) => `${t.key}=${t.value}`) }));

describe('recognizing how a text describes its speakers', () => {
	it.each([
		['a country name after the noun', 'A participant from Bhutan said so.', ['country=BT']],
		['a country adjective before the noun', 'A Bhutanese MP said so.', ['country=BT', 'category=parliamentarians']],
		['a country name of several words', 'A representative from Papua New Guinea said so.', ['country=PG']],
		['another spelling of a country', 'A delegate from Vietnam said so.', ['country=VN']],
		['a subregion', 'A speaker from the Pacific said so.', ['subregion=pacific']],
		['a subregion adjective', 'A Central Asian researcher said so.', ['subregion=north-and-central-asia', 'category=academia']],
		['a category noun', 'A trade unionist said so.', ['category=trade-unions']],
		['a category as the organization', 'A participant from a trade union said so.', ['category=trade-unions']],
		['a gender noun', 'A woman journalist said so.', ['gender=woman', 'category=media']],
		['a pronoun in the next sentence', 'A participant said so. She added more.', ['gender=woman']],
		['a masculine possessive', 'A participant said so. In his view it was late.', ['gender=man']]
	])('%s', (_, text, expected) => {
		expect(terms(text)[0].terms).toEqual(expected);
	});

	it('keeps an apposition with its speaker and starts a new speaker at the next determiner', () => {
		expect(terms('A Bhutanese MP spoke. Another participant, a trade unionist from Nepal, stressed pay. He added more.')).toEqual([
			{ speaker: 'A Bhutanese MP', named: false, terms: ['country=BT', 'category=parliamentarians'] },
			{ speaker: 'Another participant, a trade unionist from Nepal', named: false, terms: ['category=trade-unions', 'country=NP', 'gender=man'] }
		]);
	});

	it('refers pronouns after a named person to that person, not to the speaker before', () => {
		expect(terms('A participant from Fiji spoke. Ms. Tala agreed. She added more.').map((m) => m.terms)).toEqual([['country=FJ'], []]);
		expect(terms('A participant from Fiji spoke. Maria Santos-Reyes replied. She added more.', ['Maria Santos-Reyes'])).toEqual([
			{ speaker: 'A participant from Fiji', named: false, terms: ['country=FJ'] },
			{ speaker: 'Maria Santos-Reyes', named: true, terms: [] }
		]);
	});

	it('does not carry a pronoun across passages', () => {
		expect(terms('A participant from Fiji spoke.\n\nShe was not the same person.').map((m) => m.terms)).toEqual([['country=FJ']]);
	});

	it('does not take a phrase about a thing for a speaker', () => {
		expect(terms('A policy for migrant workers in Nepal was discussed. A representative said so.')).toEqual([{ speaker: 'A representative', named: false, terms: [] }]);
	});

	it('does not take a hyphenated word for a determiner ("one-stop migrant centres")', () => {
		expect(terms('Our city opened one-stop migrant resource centres in three districts.')).toEqual([]);
		expect(terms('One migrant worker said so.')).toEqual([{ speaker: 'One migrant worker', named: false, terms: ['category=migrants'] }]);
	});

	it('gives positions in the original text', () => {
		const text = 'Opening.\n\nA Ñepal-born? No: a journalist from Sri Lanka said so.';
		const [mention] = recognizeSpeakers(text);
		const country = mention.terms.find((t) => t.key === 'country')!;
		expect(text.slice(country.start, country.end)).toBe('Sri Lanka');
		expect(text.slice(mention.start, mention.end)).toBe(mention.text);
	});
});

// Fictional attendees: three parliamentarians from Bhutan (two women), two from Nepal, one trade
// unionist from Nepal, a journalist from Samoa, and an on-record panelist.
const person = (name: string, country: string, subregion: string, category: string, gender: string, attribution: PrivacyAttendee['attribution'] = 'non-attributable'): PrivacyAttendee => ({
	name,
	email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
	organization: `${name} Office`,
	country,
	subregion,
	category,
	gender,
	attribution
});
const SSWA = 'south-and-south-west-asia';
const attendees: PrivacyAttendee[] = [
	person('Dechen Wangmo', 'BT', SSWA, 'parliamentarians', 'woman'),
	person('Karma Choden', 'BT', SSWA, 'parliamentarians', 'woman'),
	person('Sonam Dorji', 'BT', SSWA, 'parliamentarians', 'man'),
	person('Anil Shrestha', 'NP', SSWA, 'parliamentarians', 'man'),
	person('Bina Gurung', 'NP', SSWA, 'parliamentarians', 'woman'),
	person('Ram Thapa', 'NP', SSWA, 'trade-unions', 'man'),
	person('Lagi Faleolo', 'WS', 'pacific', 'media', 'woman'),
	person('Maria Santos-Reyes', 'PH', 'south-east-asia', 'parliamentarians', 'woman', 'on-record')
];

describe('the anonymity-set check of a text', () => {
	it('lets a descriptor that fits exactly k attendees pass, and blocks at k − 1', () => {
		expect(checkText('A Bhutanese MP said so.', attendees, 3)).toEqual({ findings: [], isBlocked: false });
		const blocked = checkText('A Bhutanese MP said so.', attendees, 4);
		expect(blocked.isBlocked).toBe(true);
		// Bhutan alone fits 3 attendees, and so do Bhutanese parliamentarians; parliamentarians alone fit 6.
		expect(blocked.findings).toMatchObject([
			{ kind: 'anonymity', matching: 3, k: 4, descriptor: { country: 'BT' } },
			{ kind: 'anonymity', matching: 3, k: 4, descriptor: { country: 'BT', category: 'parliamentarians' } }
		]);
	});

	it('blocks a combination of descriptors that are safe one by one', () => {
		// Parliamentarians from Bhutan: 3; women parliamentarians: 4; women MPs from Bhutan: 2.
		const report = checkText('A parliamentarian from Bhutan said wages were withheld. She called for portability.', attendees, 3);
		expect(report.findings).toHaveLength(1);
		expect(report.findings[0]).toMatchObject({ kind: 'anonymity', matching: 2, descriptor: { category: 'parliamentarians', country: 'BT', gender: 'woman' } });
		expect(explainFinding(report.findings[0])).toBe(
			'"A parliamentarian from Bhutan said wages were withheld. She" fits 2 attendees (category parliamentarians, country BT, gender woman); at least 3 are needed so that nobody can be singled out.'
		);
	});

	it('blocks a single descriptor that fits one attendee', () => {
		const report = checkText('A journalist said the coverage was poor.', attendees, 3);
		expect(report.findings).toMatchObject([{ kind: 'anonymity', matching: 1, text: 'A journalist', descriptor: { category: 'media' } }]);
	});

	it('counts a subregion against the attendees of that subregion', () => {
		expect(checkText('A participant from South Asia said so.', attendees, 3).isBlocked).toBe(false);
		expect(checkText('A participant from the Pacific said so.', attendees, 3).findings).toMatchObject([{ matching: 1, descriptor: { subregion: 'pacific' } }]);
	});

	it('never checks a named on-record speaker, and reports leaks with the anonymity findings', () => {
		const report = checkText('Maria Santos-Reyes opened the meeting. She thanked Mr. Thapa and ram.thapa@example.org.', attendees, 3);
		expect(report.findings.map((f) => [f.kind, f.text])).toEqual([
			['person', 'Mr. Thapa'],
			['email', 'ram.thapa@example.org']
		]);
	});
});

describe('distinctive name tokens', () => {
	const people = [{ name: 'Tavita Leota', attribution: 'non-attributable' as const }];
	it('blocks any part of a name after a title, and the surname alone inside a sentence', () => {
		expect(scanForLeaks('We thank Ms. Tavita and Mr Leota.', people).map((f) => f.text)).toEqual(['Ms. Tavita', 'Mr Leota']);
		expect(scanForLeaks('As Leota put it, wages matter.', people).map((f) => f.text)).toEqual(['Leota']);
	});
	it('does not take the digits of an identifier for a phone number', () => {
		expect(scanForLeaks('UID:31108524-4e6f-2376-9c1d-237667000240@convene', people)).toEqual([]);
		expect(scanForLeaks('Session 1795464013994 of slug pacific-dialogue-1795464021011.', people)).toEqual([]);
		expect(scanForLeaks('Published 2026-11-23, revised 23.11.2026 and 11/23/2026.', people)).toEqual([]);
		for (const phone of ['+66 2 123 4567', '(02) 123 4567', '081 234 5678', '0812345678', '678-555-0123']) {
			expect(scanForLeaks(`Call ${phone}.`, people).map((f) => [f.kind, f.text])).toEqual([['phone', phone]]);
		}
	});
	it('does not take a name part shared with an on-record speaker for a leak', () => {
		const room = [...people, { name: 'Dr. Tavita Cruz', attribution: 'on-record' as const }, { name: 'Ana Cruz', attribution: 'non-attributable' as const }];
		expect(scanForLeaks('Dr. Tavita opened; as Cruz said, and as Leota said.', room).map((f) => f.text)).toEqual(['Leota']);
		expect(scanForLeaks('Ana Cruz spoke.', room).map((f) => f.text)).toEqual(['Ana Cruz']);
	});
	it('warns, without blocking, on the name of a protected participant who shares it with a speaker on the record', () => {
		const room = [{ name: 'Liam Taylor', attribution: 'on-record' as const }, { name: 'Liam Taylor', attribution: 'non-attributable' as const }, ...people];
		expect(scanForLeaks('The session was moderated by Dr. Liam Taylor; Tavita Leota spoke.', room).map((f) => [f.text, f.severity])).toEqual([
			['Liam Taylor', 'warn'],
			['Tavita Leota', 'block']
		]);
	});
	it('does not take a lower-case word for a surname', () => {
		expect(scanForLeaks('The word leota appears; leota-style and at leota.', people)).toEqual([]);
	});
});

describe('protected names wherever a sentence puts them (leak scan rule)', () => {
	const people = [
		{ name: 'Grace Okonjo', email: 'g.okonjo@example.org', attribution: 'non-attributable' as const },
		{ name: "Liam O'Neil", attribution: 'non-attributable' as const },
		{ name: 'Đặng Văn Lâm', attribution: 'non-attributable' as const },
		{ name: 'Nguyễn Thị Hoa', attribution: 'non-attributable' as const },
		{ name: 'Ana Schmidt-Weiss', attribution: 'non-attributable' as const },
		{ name: 'Luis Mendoza', attribution: 'non-attributable' as const },
		{ name: 'Ji-woo Park', attribution: 'non-attributable' as const },
		{ name: 'Айгерим Сапарова', attribution: 'non-attributable' as const },
		{ name: '王小明', attribution: 'non-attributable' as const },
		{ name: 'สมชาย ใจดีมาก', attribution: 'non-attributable' as const }
	];
	const found = (text: string) => scanForLeaks(text, people).map((f) => f.text);
	it.each([
		['a surname opening a sentence', 'Okonjo argued for portable benefits.', ['Okonjo']],
		['a straight possessive', "Mendoza's intervention was short.", ["Mendoza's"]],
		['a curly possessive', 'Park’s union agreed.', ['Park’s']],
		['after a quote', 'He said “Okonjo was right”.', ['Okonjo']],
		['after a bracket', 'A union (Mendoza) disagreed.', ['Mendoza']],
		['a full name across a line break', 'We heard Grace\nOkonjo on wages.', ['Grace\nOkonjo']],
		['upper case', 'AS MENDOZA SAID, WAGES MATTER.', ['MENDOZA']],
		['surname first in upper case', 'OKONJO, GRACE noted it.', ['OKONJO, GRACE']],
		['a hyphenated given name and surname', 'Ji-woo Park spoke; so did ji woo park.', ['Ji-woo Park', 'ji woo park']],
		['a Cyrillic name, in another case', 'Сапарова сказала: АЙГЕРИМ САПАРОВА.', ['Сапарова', 'АЙГЕРИМ САПАРОВА']],
		['a Chinese name inside a sentence without spaces', '会上王小明指出工资问题。', ['王小明']],
		['a Thai surname inside running Thai text', 'คุณใจดีมากกล่าวว่า', ['ใจดีมาก']],
		['a name split by an invisible character', 'Okon\u200Bjo said so.', ['Okon\u200Bjo']],
		['a name with an apostrophe', "Liam O'Neil agreed; so did Mr O’Neil.", ["Liam O'Neil", 'Mr O’Neil']],
		['a letter Unicode does not decompose, typed plain', 'Dang Van Lam agreed.', ['Dang Van Lam']],
		['full-width letters', 'Ｏｋｏｎｊｏ said so.', ['Ｏｋｏｎｊｏ']],
		['a name split by a direction mark', 'Okon\u200Ejo said so.', ['Okon\u200Ejo']],
		['a given name alone, written with a capital', 'Grace said so.', ['Grace']],
		['a family name written first', 'Nguyễn said so.', ['Nguyễn']],
		['an en dash in a double surname', 'Ana Schmidt–Weiss spoke.', ['Ana Schmidt–Weiss']],
		['an email in any case, and the initial and surname in it', 'Write to G.Okonjo@Example.org today.', ['G.Okonjo', 'G.Okonjo@Example.org']]
	])('finds %s', (_rule, text, expected) => {
		expect(found(text)).toEqual(expected);
	});
	it('still leaves a lower-case common word alone ("a park", "the park’s gate", "a grace period")', () => {
		expect(found('They met in a park; the park’s gate was shut after a grace period.')).toEqual([]);
		expect(scanForLeaks('They met in a park.', [{ name: 'Ana Park', attribution: 'non-attributable' }])).toEqual([]);
	});
	it('looks for a one-word name only when written with a capital ("Participant" as a display name)', () => {
		const room = [{ name: 'Participant', attribution: 'non-attributable' as const }];
		expect(scanForLeaks('A participant said so.', room)).toEqual([]);
		expect(scanForLeaks('As Participant wrote in the chat.', room).map((f) => f.text)).toEqual(['Participant']);
	});
});

describe('a hostile text cannot make the findings grow without end', () => {
	it('reports at most MAX_FINDINGS findings and still blocks', () => {
		const people = [{ name: 'Grace Okonjo', attribution: 'non-attributable' as const }];
		const report = checkText('Grace Okonjo said so. '.repeat(2000), people, 3);
		expect(report.isBlocked).toBe(true);
		expect(report.findings.length).toBeGreaterThan(50);
		expect(report.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
	});
});

describe('leak scan time stays linear in the text', () => {
	// Not a timing test (bench/leak-scan.ts prints times): the output proves what was read.
	it('reads every email and number in crafted repetitions, whatever their length', () => {
		expect(scanForLeaks('a@'.repeat(5000), [])).toEqual([]);
		expect(scanForLeaks(`${'x'.repeat(20000)}@example.org`, []).map((f) => f.text.length)).toEqual([20012]);
		expect(scanForLeaks('1'.repeat(20000) + 'a', [])).toEqual([]);
		expect(scanForLeaks('0812 345 678 '.repeat(3).trim(), []).length).toBe(0); // one run of 30 digits is not a number to dial
		expect(scanForLeaks('call 0812 345 678 or +66 2 123 4567.', []).map((f) => f.text)).toEqual(['0812 345 678', '+66 2 123 4567']);
	});
});

describe('category phrases the report generator writes', () => {
	it('reads "a representative of migrant and diaspora organizations" as that group, not as a migrant', () => {
		const terms = recognizeSpeakers('A representative of migrant and diaspora organizations said that fees remain high.')[0].terms.map((t) => `${t.key}=${t.value}`);
		expect(terms).toEqual(['category=migrant-and-diaspora-organizations']);
	});
});

describe('the lexicon, term by term', () => {
	const recognized = (text: string) => recognizeSpeakers(text)[0]?.terms.map((t) => `${t.key}=${t.value}`) ?? [];
	it('recognizes every country name and adjective of the lexicon', () => {
		const missed: string[] = [];
		for (const [code, names] of Object.entries(COUNTRY_TERMS)) {
			for (const name of names) if (!recognized(`A participant from ${name} said so.`).includes(`country=${code}`)) missed.push(`${code}: ${name}`);
		}
		expect(missed).toEqual([]);
	});
	it('recognizes every subregion term', () => {
		const missed = Object.entries(SUBREGION_TERMS).flatMap(([id, names]) => names.filter((n) => !recognized(`A speaker from ${n} said so.`).includes(`subregion=${id}`)));
		expect(missed).toEqual([]);
	});
	it('recognizes every pronoun and title of a speaker described before', () => {
		const missed: string[] = [];
		for (const [gender, words] of Object.entries(GENDER_TERMS)) {
			for (const word of words) {
				const text = ['woman', 'man', 'female', 'male', 'lady', 'gentleman'].includes(word) || word.endsWith('woman') || word.endsWith('man')
					? `A ${word} participant said so.`
					: `A participant said so. Then ${word} added more.`;
				if (!recognized(text).includes(`gender=${gender}`)) missed.push(`${gender}: ${word}`);
			}
		}
		expect(missed).toEqual([]);
	});
	it('recognizes every category noun naming a person', () => {
		const missed: string[] = [];
		for (const [id, nouns] of Object.entries(CATEGORY_TERMS)) {
			for (const noun of nouns) if (!recognized(`A participant from the ${noun} said so.`).includes(`category=${id}`)) missed.push(`${id}: ${noun}`);
		}
		expect(missed).toEqual([]);
	});
});
