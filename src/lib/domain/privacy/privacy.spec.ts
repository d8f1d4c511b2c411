import { describe, expect, it } from 'vitest';
import { scanForLeaks, type Attendee } from './leak-scan';
import { suppressCount, suppressTable } from './small-cells';
import { speakerPhrases } from './render';
import { anonymitySet, checkSpeakerDescriptors } from './anonymity';

// Fictional attendees.
const attendees: Attendee[] = [
	{ name: 'Nguyễn Thị Ánh', email: 'anh.nguyen@example.org', organization: 'Mekong Migrant Workers Network', organizationAliases: ['MMWN'], attribution: 'non-attributable' },
	{ name: 'Tavita Leota', email: 'tavita@example.org', organization: 'Pacific Returnees Network', attribution: 'non-attributable' },
	{ name: 'Hon. Maria Santos-Reyes', email: 'msr@example.org', organization: 'Parliament of Atlantis', attribution: 'on-record' }
];
const kinds = (text: string) => scanForLeaks(text, attendees).map((f) => [f.kind, f.severity, f.text]);

describe('leak scan', () => {
	it('finds a non-attributable name in any case, without diacritics, and reports its position', () => {
		const text = 'As NGUYEN THI ANH said, wages are withheld.';
		const [finding] = scanForLeaks(text, attendees);
		expect(finding).toMatchObject({ kind: 'person', severity: 'block', subject: 'Nguyễn Thị Ánh', text: 'NGUYEN THI ANH' });
		expect(text.slice(finding.start, finding.end)).toBe('NGUYEN THI ANH');
	});

	it('finds names surname first, with a comma, possessive, and as initials with the surname', () => {
		expect(kinds('Leota Tavita asked for portability.')).toEqual([['person', 'block', 'Leota Tavita']]);
		expect(kinds('Leota, Tavita asked.')).toEqual([['person', 'block', 'Leota, Tavita']]);
		expect(kinds("Tavita Leota’s proposal was adopted.")).toEqual([['person', 'block', 'Tavita Leota’s']]);
		expect(kinds('T. Leota and T Leota agreed.')).toEqual([
			['person', 'block', 'T. Leota'],
			['person', 'block', 'T Leota']
		]);
		expect(kinds('Nguyễn Thị Ánh spoke.')).toEqual([['person', 'block', 'Nguyễn Thị Ánh']]);
	});

	it('lets on-record speakers be named, and does not match inside other words', () => {
		expect(kinds('Hon. Maria Santos-Reyes opened the session.')).toEqual([]);
		expect(kinds('The data leota-style and at leota were discussed.')).toEqual([]);
	});

	it('blocks emails of non-attributable attendees, unknown emails and phone numbers; warns on their organizations and aliases', () => {
		expect(kinds('Write to anh.nguyen@example.org or +66 2 288 1234.')).toEqual([
			['email', 'block', 'anh.nguyen@example.org'],
			['phone', 'block', '+66 2 288 1234']
		]);
		expect(kinds('Contact msr@example.org.')).toEqual([]);
		expect(kinds('A member of the Mekong Migrant Workers Network (MMWN) noted…')).toEqual([
			['organization', 'warn', 'Mekong Migrant Workers Network'],
			['organization', 'warn', 'MMWN']
		]);
		expect(kinds('In 2025, 1,200 workers returned.')).toEqual([]);
	});
});

describe('small cells', () => {
	it('shows counts under k as <k, keeps zero and larger counts', () => {
		expect([0, 1, 2, 3, 10].map((n) => suppressCount(n, 3))).toEqual(['0', '<3', '<3', '3', '10']);
		expect(suppressTable([{ group: 'parliamentarians', attended: 2, registered: 5 }], ['attended', 'registered'], 3)).toEqual([{ group: 'parliamentarians', attended: '<3', registered: '5' }]);
	});
});

describe('speaker phrases', () => {
	it('names on-record speakers with their title and varies the phrase for everyone else, never twice in a row', () => {
		const phrases = speakerPhrases([
			{ attribution: 'on-record', name: 'Hon. Maria Santos-Reyes', title: 'Member of Parliament, Atlantis' },
			{ attribution: 'non-attributable', name: 'Tavita Leota' },
			{ attribution: 'non-attributable' },
			{ attribution: 'non-attributable', descriptor: 'a parliamentarian' },
			{ attribution: 'non-attributable' },
			{ attribution: 'non-attributable' },
			{ attribution: 'non-attributable' }
		]);
		expect(phrases).toEqual([
			'Hon. Maria Santos-Reyes, Member of Parliament, Atlantis,',
			'A participant',
			'Another participant',
			'A parliamentarian',
			'One participant',
			'A participant',
			'Another participant'
		]);
		for (let i = 1; i < phrases.length; i++) expect(phrases[i]).not.toBe(phrases[i - 1]);
		expect(phrases.join(' ')).not.toContain('Tavita');
	});
});

describe('anonymity sets', () => {
	// Twelve fictional attendees.
	const room = [
		...Array.from({ length: 4 }, () => ({ country: 'BT', category: 'parliamentarians', gender: 'woman' })),
		...Array.from({ length: 1 }, () => ({ country: 'BT', category: 'parliamentarians', gender: 'man' })),
		...Array.from({ length: 2 }, () => ({ country: 'NP', category: 'parliamentarians', gender: 'man' })),
		...Array.from({ length: 5 }, () => ({ country: 'NP', category: 'trade-unions', gender: 'woman' }))
	];

	it('counts the attendees a descriptor fits', () => {
		expect(anonymitySet({ category: 'parliamentarians' }, room)).toBe(7);
		expect(anonymitySet({ country: 'BT', gender: 'man' }, room)).toBe(1);
	});

	it('blocks a descriptor, or a combination used for one speaker, that fits fewer than k', () => {
		expect(checkSpeakerDescriptors([{ category: 'parliamentarians' }], room, 3)).toEqual([]);
		// "A parliamentarian … he … from Nepal": 7, 3 and 7 alone, but 2 together.
		expect(checkSpeakerDescriptors([{ category: 'parliamentarians' }, { gender: 'man' }, { country: 'NP' }], room, 3)).toEqual([
			{ descriptor: { category: 'parliamentarians', gender: 'man', country: 'NP' }, matching: 2, k: 3 }
		]);
		expect(checkSpeakerDescriptors([{ country: 'BT', gender: 'man' }], room, 3)).toEqual([{ descriptor: { country: 'BT', gender: 'man' }, matching: 1, k: 3 }]);
	});
});
