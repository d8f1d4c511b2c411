import { describe, expect, it } from 'vitest';
import { asDescriptor, descriptorPhrase, descriptorsOf, statementFormFrom, ZStatementForm } from './statement';
import { letterOf } from '../report/model';

const labels = { categoryNoun: (id: string) => ({ parliamentarians: 'parliamentarian', academia: 'academic' })[id] ?? id, country: (c: string) => ({ BT: 'Bhutan' })[c] ?? c, subregion: (s: string) => ({ pacific: 'the Pacific' })[s] ?? s };

describe('a statement form', () => {
	const form = (fields: Record<string, string | string[]>) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
		return ZStatementForm.safeParse(statementFormFrom(f));
	};
	it('reads the fields, with optional ones empty and objectives repeated', () => {
		const r = form({ statementId: '7d3c1c7e-7f4a-4a7e-9d6e-0c1b2a3f4e5d', text: ' Wages are withheld. ', category: 'parliamentarians', country: 'BT', gender: 'woman', objectives: ['gcm-6', 'gcm-22'], isRecommendation: 'on' });
		expect(r.success && r.data).toMatchObject({ attribution: 'auto', speaker: null, text: 'Wages are withheld.', isRecommendation: true, objectives: ['gcm-6', 'gcm-22'], subregion: null });
		expect(r.success && descriptorsOf(r.data)).toEqual([
			{ kind: 'category', value: 'parliamentarians' },
			{ kind: 'country', value: 'BT' },
			{ kind: 'gender', value: 'woman' }
		]);
	});
	it('refuses an empty statement, an unknown attribution or gender, and a missing id, field by field', () => {
		const r = form({ statementId: 'x', text: '  ', attribution: 'secret', gender: 'robot' });
		expect(r.success).toBe(false);
		expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['statementId', 'invalid'],
			['attribution', 'invalid'],
			['gender', 'invalid'],
			['text', 'required']
		]);
	});
});

describe('descriptor phrases and letters', () => {
	it('writes the descriptor as a report would', () => {
		expect(descriptorPhrase([{ kind: 'category', value: 'parliamentarians' }, { kind: 'country', value: 'BT' }], labels)).toBe('a parliamentarian from Bhutan');
		expect(descriptorPhrase([{ kind: 'category', value: 'academia' }], labels)).toBe('an academic');
		expect(descriptorPhrase([{ kind: 'subregion', value: 'pacific' }, { kind: 'gender', value: 'woman' }], labels)).toBe('a participant from the Pacific');
		expect(descriptorPhrase([], labels)).toBeNull();
		expect(asDescriptor([{ kind: 'country', value: 'BT' }, { kind: 'gender', value: 'man' }])).toEqual({ country: 'BT', gender: 'man' });
	});
	it('letters recommendations A to Z, then AA', () => {
		expect([0, 1, 25, 26, 27].map(letterOf)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
	});
});
