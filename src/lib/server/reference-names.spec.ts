import { describe, expect, it } from 'vitest';
import gcm from '../../../reference/gcm.json';
import escap from '../../../reference/escap.json';
import translations from '../../../reference/translations.json';
import { localizeReferenceData, referenceNames } from './reference-names';
import { escapRows } from '../domain/reference';

describe('reference data in the reader’s language', () => {
	it('has every objective, stakeholder group, subregion and guiding principle in French, Russian and Chinese', () => {
		const missing: string[] = [];
		for (const locale of ['fr', 'ru', 'zh']) {
			for (const o of gcm.objectives) {
				const entry = (translations.objectives as Record<string, Record<string, { title?: string; shortTitle?: string }>>)[String(o.number)]?.[locale];
				if (!entry?.title || !entry.shortTitle) missing.push(`objective ${o.number} ${locale}`);
			}
			for (const c of gcm.stakeholderCategories.items) if (!(translations.stakeholderCategories as Record<string, Record<string, unknown>>)[c.id]?.[locale]) missing.push(`category ${c.id} ${locale}`);
			for (const s of escapRows(escap).subregions) if (!(translations.subregions as Record<string, Record<string, unknown>>)[s.id]?.[locale]) missing.push(`subregion ${s.id} ${locale}`);
		}
		expect(missing).toEqual([]);
	});

	it('names each kind of record in the language, and leaves English and unknown ids as they are', () => {
		const ru = referenceNames('ru');
		expect(ru.category('trade-unions', 'trade unions')).toBe('Профсоюзы');
		expect(ru.subregion('pacific', 'Pacific')).toBe('Тихоокеанский субрегион');
		expect(ru.country('KZ', 'Kazakhstan')).toBe('Казахстан');
		expect(referenceNames('zh').objectiveShort(1, 'Data')).not.toBe('Data');
		expect(ru.category('no-such-group', 'Some group')).toBe('Some group');
		expect(ru.country('XX', 'Nowhere')).toBe('Nowhere');
		expect(referenceNames('en').country('KZ', 'Kazakhstan')).toBe('Kazakhstan');
	});

	it('finds the records in a page’s data by their shape and ids, and touches nothing typed by a person', () => {
		const data = {
			objectives: [{ id: 'gcm-6', number: 6, shortTitle: 'Fair recruitment', title: 'Facilitate fair and ethical recruitment' }],
			countries: [{ code: 'FJ', name: 'Fiji', isRecorded: true }],
			categories: [{ id: 'trade-unions', label: 'trade unions' }],
			subregions: [{ id: 'pacific', name: 'Pacific' }],
			principles: [{ id: 'gcm-people-centred', name: 'People-centred' }],
			pledge: { pledgerName: 'Pacific', countryCode: 'FJ', country: 'Fiji', commitment: 'We will …' },
			organization: { id: 'pacific-org', name: 'Pacific' },
			consultation: { title: 'Trade unions and migration', number: 3 }
		};
		const fr = localizeReferenceData(data, 'fr');
		expect(fr.objectives[0].shortTitle).not.toBe('Fair recruitment');
		expect(fr.objectives[0].title).toMatch(/recrutement/i);
		expect(fr.countries[0]).toEqual({ code: 'FJ', name: 'Fidji', isRecorded: true });
		expect(fr.categories[0].label).toBe('Syndicats');
		expect(fr.subregions[0].name).toBe('Pacifique');
		expect(fr.principles[0].name).toBe('Priorité à la dimension humaine');
		expect(fr.pledge).toEqual({ ...data.pledge, country: 'Fidji' });
		expect(fr.organization).toEqual(data.organization);
		expect(fr.consultation).toEqual(data.consultation);
		expect(data.countries[0].name).toBe('Fiji'); // the cached original is unchanged
		expect(localizeReferenceData(data, 'en')).toBe(data);
	});
});
