import { describe, expect, it } from 'vitest';
import { descriptorText, findingText } from './finding-text';
import { locales } from '$lib/paraglide/runtime';
import { explainFinding, type PrivacyFinding } from '../../domain/privacy/check';
import { storedFinding as stored } from './gate';

// Findings as the check makes them, stored as the gate stores them (the facts and the English).
const FOUND: PrivacyFinding[] = [
	{ kind: 'anonymity', severity: 'block', start: 0, end: 30, text: 'A parliamentarian from Bhutan', descriptor: { category: 'parliamentarians', country: 'BT', gender: 'woman' }, matching: 2, k: 3 },
	{ kind: 'person', severity: 'block', start: 0, end: 12, text: 'Lagi Faleolo', subject: 'Lagi Faleolo' },
	{ kind: 'person', severity: 'warn', start: 0, end: 6, text: 'Wangmo', subject: 'Dechen Wangmo' },
	{ kind: 'email', severity: 'block', start: 0, end: 20, text: 'lagi@example.org', subject: 'Lagi Faleolo' },
	{ kind: 'email', severity: 'block', start: 0, end: 20, text: 'someone@example.org', subject: null },
	{ kind: 'phone', severity: 'block', start: 0, end: 12, text: '+66 2 288 1234', subject: null },
	{ kind: 'organization', severity: 'warn', start: 0, end: 17, text: 'Wangmo Foundation', subject: 'Wangmo Foundation' }
];

describe('a privacy finding in the reader’s language', () => {
	it.each(FOUND.map((f) => [`${f.kind} (${f.severity})`, f] as const))('words a %s finding in every language, quoting the text found', (_, f) => {
		const english = findingText(stored(f), 'en');
		for (const locale of locales) {
			const text = findingText(stored(f), locale);
			expect(text).toContain(f.text);
			expect(text).not.toMatch(/[{}]/);
			if (locale !== 'en') expect(text).not.toBe(english);
		}
	});

	it('names the descriptor’s country, group and gender in the reader’s language', () => {
		const d = { category: 'parliamentarians', country: 'BT', gender: 'woman' };
		expect(descriptorText(d, 'en')).toBe('Stakeholder group: parliamentarians, Country: Bhutan, Gender: Woman');
		expect(descriptorText(d, 'fr')).toBe('Groupe de parties prenantes : Parlementaires, Pays : Bhoutan, Genre : Femme');
		expect(findingText(stored(FOUND[0]), 'zh')).toContain('不丹');
		expect(findingText(stored(FOUND[0]), 'ru')).toContain('Бутан');
	});

	it('shows a finding stored before the facts were kept in the English it was stored with', () => {
		const old = { ...stored(FOUND[0]), descriptor: undefined, matching: undefined, k: undefined };
		expect(findingText(old, 'fr')).toBe(explainFinding(FOUND[0]));
	});
});
