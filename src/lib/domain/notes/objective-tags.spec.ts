import { describe, expect, it } from 'vitest';
import { suggestObjectives, type TaggableObjective } from './objective-tags';

const objectives: TaggableObjective[] = [
	{ id: 'gcm-6', number: 6, title: 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work', shortTitle: 'Recruitment and decent work' },
	{ id: 'gcm-20', number: 20, title: 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants', shortTitle: 'Remittances' },
	{ id: 'gcm-22', number: 22, title: 'Establish mechanisms for the portability of social security entitlements and earned benefits', shortTitle: 'Social protection' },
	{ id: 'gcm-10', number: 10, title: 'Prevent, combat and eradicate trafficking in persons in the context of international migration', shortTitle: 'Eradicate trafficking' }
];

describe('objective tags suggested from the text', () => {
	it('suggests the objectives whose words and keywords the statement uses, best first', () => {
		const s = suggestObjectives('Recruiters still charge recruitment fees, and social security is not portable when workers return.', objectives);
		expect(s.map((x) => [x.number, x.matched])).toEqual([
			[22, ['social', 'security', 'social security']],
			[6, ['recruit', 'recruit fe']]
		]);
	});
	it('matches word forms and ignores words every objective shares', () => {
		expect(suggestObjectives('Sending remittance home costs too much for migrants in all countries.', objectives).map((x) => x.number)).toEqual([20]);
		expect(suggestObjectives('Migrants in all countries and international migration.', objectives)).toEqual([]);
		expect(suggestObjectives('', objectives)).toEqual([]);
	});
});
