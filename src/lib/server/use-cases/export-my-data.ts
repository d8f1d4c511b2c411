// A person's own data as JSON (right of access and portability).
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { attendance, consultation, organization, person, registration, statement } from '../db/schema';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import type { PersonId } from '../../domain/ids';

export type ExportMyDataResult = { ok: true; data: Record<string, unknown> } | Forbidden | { ok: false; reason: 'not-found' };

export async function exportMyData(db: Database, actor: Actor, personId: PersonId, now: Date): Promise<ExportMyDataResult> {
	if (!policy.canDownloadOwnData(actor, personId)) return FORBIDDEN;
	const [p] = await db
		.select({ person, organizationName: organization.name })
		.from(person)
		.leftJoin(organization, eq(person.organizationId, organization.id))
		.where(eq(person.id, personId));
	if (!p || p.person.erasedAt) return { ok: false, reason: 'not-found' };
	const registrations = await db
		.select({
			consultation: consultation.title,
			startsAt: consultation.startsAt,
			status: registration.status,
			submittedAt: registration.submittedAt,
			category: registration.categoryId,
			country: registration.countryCode,
			gender: registration.gender,
			languages: registration.languages,
			interpretationNeeds: registration.interpretationNeeds,
			accessibilityNeeds: registration.accessibilityNeeds
		})
		.from(registration)
		.innerJoin(consultation, eq(registration.consultationId, consultation.id))
		.where(eq(registration.personId, personId))
		.orderBy(asc(registration.submittedAt));
	const attended = await db
		.select({ consultation: consultation.title, joinedAt: attendance.joinedAt, leftAt: attendance.leftAt, source: attendance.source })
		.from(attendance)
		.innerJoin(consultation, eq(attendance.consultationId, consultation.id))
		.where(eq(attendance.personId, personId));
	const statements = await db
		.select({ consultation: consultation.title, attribution: statement.attribution, text: statement.text })
		.from(statement)
		.innerJoin(consultation, eq(statement.consultationId, consultation.id))
		.where(eq(statement.speakerId, personId));
	const { userId: _userId, ...own } = p.person;
	return {
		ok: true,
		data: { exportedAt: now.toISOString(), person: { ...own, organization: p.organizationName }, registrations, attendance: attended, statements }
	};
}
