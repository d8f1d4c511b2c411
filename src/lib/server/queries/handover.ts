// Reads of hand-overs: a pending request or offer by its token, as the hand-over page shows it.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, handoverRequest, organization, person, registration } from '../db/schema';
import { isOneOf, ACTIVE_REGISTRATION_STATUSES } from '../../domain/enums';
import type { TRegistrationInput } from '../../domain/registration-input';

export async function findHandover(db: Database, token: string, now: Date): Promise<FoundHandover | null> {
	const [row] = await db
		.select({
			request: handoverRequest,
			title: consultation.title,
			slug: consultation.slug,
			status: registration.status,
			holder: person.name,
			organization: organization.name,
			categoryId: registration.categoryId,
			countryCode: registration.countryCode
		})
		.from(handoverRequest)
		.innerJoin(registration, eq(handoverRequest.registrationId, registration.id))
		.innerJoin(person, eq(registration.personId, person.id))
		.leftJoin(organization, eq(registration.organizationId, organization.id))
		.innerJoin(consultation, eq(registration.consultationId, consultation.id))
		.where(eq(handoverRequest.tokenHash, hash(token)));
	if (!row || row.request.status !== 'pending' || row.request.expiresAt <= now) return null;
	if (!isOneOf(ACTIVE_REGISTRATION_STATUSES, row.status)) return null;
	if (row.request.isOfferedByHolder) {
		const { request, status: _status, ...rest } = row;
		return { isOffer: true, ...rest, colleague: request.requestedInput as OfferedTo };
	}
	return { isOffer: false, title: row.title, requester: row.request.requestedInput as TRegistrationInput };
}

export const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export type FoundHandover =
	| { isOffer: false; title: string; requester: TRegistrationInput }
	| { isOffer: true; title: string; slug: string; holder: string; colleague: OfferedTo; organization: string | null; categoryId: string | null; countryCode: string | null };

export interface OfferedTo {
	name: string;
	email: string;
}
