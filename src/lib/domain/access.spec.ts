import { describe, expect, it } from 'vitest';
import { isStaff } from './access';

describe('isStaff', () => {
	it.each([
		['admin', true],
		['organizer', true],
		['rapporteur', true],
		['stakeholder', false],
		['', false],
		[null, false],
		['Admin', false] // roles are exact values, not case-folded
	])('%s → %s', (role, expected) => {
		expect(isStaff(role)).toBe(expected);
	});
});
