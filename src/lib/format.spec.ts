import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './format';

describe('numbers in the reader’s language', () => {
	it('writes shares and decimals the way each language does', () => {
		expect(formatPercent(47.5, 'en')).toBe('47.5%');
		expect(formatPercent(47.5, 'fr')).toMatch(/^47,5[\u00a0\u202f]%$/);
		expect(formatPercent(47.5, 'ru')).toMatch(/^47,5[\u00a0\u202f]%$/);
		expect(formatPercent(47.5, 'zh')).toBe('47.5%');
		expect(formatPercent(6.369426, 'fr', 2)).toMatch(/^6,37[\u00a0\u202f]%$/);
		expect(formatPercent(50, 'en', 2)).toBe('50%');
		expect(formatNumber(1234.5, 'fr', 2)).toMatch(/^1[\u00a0\u202f]234,50$/);
		expect(formatNumber(1234.5, 'en', 2)).toBe('1,234.50');
		expect(formatNumber(3, 'ru')).toBe('3');
	});
});
