import { describe, expect, it } from 'vitest';
import { databaseMessage, isForeignKeyViolation, uniqueViolation } from './errors';

describe('reading what PostgreSQL refused', () => {
	const wrapped = Object.assign(new Error('Failed query: insert …'), { cause: { code: '23505', constraint: 'registration_one_per_org', message: 'duplicate key value' } });
	it('names the unique rule broken, wrapped by drizzle or bare', () => {
		expect(uniqueViolation(wrapped)).toBe('registration_one_per_org');
		expect(uniqueViolation({ code: '23505' })).toBe('unique');
		expect(uniqueViolation({ code: '23503' })).toBeNull();
		expect(uniqueViolation(new Error('connection reset'))).toBeNull();
		expect(uniqueViolation(null)).toBeNull();
	});
	it('tells a foreign-key refusal and gives the database sentence', () => {
		expect(isForeignKeyViolation({ cause: { code: '23503' } })).toBe(true);
		expect(isForeignKeyViolation(wrapped)).toBe(false);
		expect(databaseMessage(wrapped)).toBe('duplicate key value');
		expect(databaseMessage('plain')).toBe('plain');
	});
});
