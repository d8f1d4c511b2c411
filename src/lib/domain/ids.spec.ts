import { describe, expect, it } from 'vitest';
import { isUuid } from './ids';

describe('identifiers', () => {
	it('accepts a UUID in either case, and nothing else', () => {
		expect(isUuid('3f2a8c1e-5b7d-4e9f-a1c3-0d2e4f6a8b9c')).toBe(true);
		expect(isUuid('3F2A8C1E-5B7D-4E9F-A1C3-0D2E4F6A8B9C')).toBe(true);
		for (const bad of ['', '3f2a8c1e5b7d4e9fa1c30d2e4f6a8b9c', '------------------------------------', '3f2a8c1e-5b7d-4e9f-a1c3-0d2e4f6a8b9', "3f2a8c1e-5b7d-4e9f-a1c3-0d2e4f6a8b9c' or 1=1", null, undefined]) {
			expect(isUuid(bad)).toBe(false);
		}
	});
});
