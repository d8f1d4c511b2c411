import { describe, expect, it } from 'vitest';
import { idOf, isUuid, zId, type ConsultationId, type PersonId, type RegistrationId } from './ids';

const UUID = '3f2a8c1e-5b7d-4e9f-a1c3-0d2e4f6a8b9c';
const NOT_UUIDS = ['', '3f2a8c1e5b7d4e9fa1c30d2e4f6a8b9c', '------------------------------------', '3f2a8c1e-5b7d-4e9f-a1c3-0d2e4f6a8b9', `${UUID}' or 1=1`, null, undefined];

describe('identifiers', () => {
	it('accepts a UUID in either case, and nothing else', () => {
		expect(isUuid(UUID)).toBe(true);
		expect(isUuid(UUID.toUpperCase())).toBe(true);
		for (const bad of NOT_UUIDS) expect(isUuid(bad)).toBe(false);
	});

	it('brands an id only after the UUID check, in code and in forms', () => {
		expect(idOf<PersonId>(UUID)).toBe(UUID);
		for (const bad of NOT_UUIDS) expect(idOf<PersonId>(bad)).toBeNull();
		expect(zId<RegistrationId>().parse(UUID)).toBe(UUID);
		expect(zId<RegistrationId>('organization-invalid').safeParse('r1').error?.issues[0].message).toBe('organization-invalid');
	});

	it('keeps the four ids apart at compile time (svelte-check fails when an expect-error line compiles)', () => {
		const personId = idOf<PersonId>(UUID)!;
		const takesRegistration = (id: RegistrationId) => id;
		const takesConsultation = (id: ConsultationId) => id;
		// @ts-expect-error a person's id is not a registration's
		takesRegistration(personId);
		// @ts-expect-error plain text is not an id until it passed idOf
		takesConsultation(UUID);
		expect(takesRegistration(personId as unknown as RegistrationId)).toBe(UUID);
	});
});
