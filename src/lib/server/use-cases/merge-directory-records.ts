// Merging duplicates in the directory. Everything that pointed at the duplicate moves to the record
// that is kept, in one transaction with both rows locked. When both records hold a place in the same
// consultation, nothing is merged: the organizer decides which registration stays.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '../db';
import { agendaItem, agendaSpeaker, attendance, comment, organization, organizingTeamMember, person, pledge, registration, statement, writtenInput } from '../db/schema';
import { writeAudit } from '../queries/audit';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { ACTIVE_REGISTRATION_STATUSES } from '../../domain/enums';
import type { ConsultationId, OrganizationId, PersonId } from '../../domain/ids';

export type MergeResult =
	| { ok: true }
	| Forbidden
	| { ok: false; reason: 'same-record' | 'not-found' }
	| { ok: false; reason: 'both-registered'; consultationIds: ConsultationId[] };

const ACTIVE = [...ACTIVE_REGISTRATION_STATUSES];

/** Consultations where both records hold an active place; `ofEither` selects the two records' registrations. */
async function activeClashes(tx: Transaction, owner: typeof registration.personId | typeof registration.organizationId, ofEither: SQL, onlyOnePerOrg: boolean) {
	const rows = await tx
		.select({ consultationId: registration.consultationId, owner })
		.from(registration)
		.where(and(ofEither, inArray(registration.status, ACTIVE), onlyOnePerOrg ? eq(registration.isOnePerOrganization, true) : undefined));
	const owners = new Map<ConsultationId, Set<string>>();
	for (const r of rows) owners.set(r.consultationId, (owners.get(r.consultationId) ?? new Set()).add(String(r.owner)));
	return [...owners].filter(([, set]) => set.size > 1).map(([id]) => id);
}

export async function mergeOrganizations(db: Database, actor: Actor, duplicateId: OrganizationId, keptId: OrganizationId, now: Date): Promise<MergeResult> {
	if (!policy.canChangeDirectory(actor)) return FORBIDDEN;
	if (duplicateId === keptId) return { ok: false, reason: 'same-record' };
	return db.transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(organization)
			.where(and(inArray(organization.id, [duplicateId, keptId]), isNull(organization.mergedIntoId)))
			.for('update');
		const duplicate = rows.find((r) => r.id === duplicateId);
		const kept = rows.find((r) => r.id === keptId);
		if (!duplicate || !kept) return { ok: false as const, reason: 'not-found' as const };
		const clashes = await activeClashes(tx, registration.organizationId, inArray(registration.organizationId, [duplicateId, keptId]), true);
		if (clashes.length) return { ok: false as const, reason: 'both-registered' as const, consultationIds: clashes };

		await tx.update(person).set({ organizationId: keptId }).where(eq(person.organizationId, duplicateId));
		await tx.update(registration).set({ organizationId: keptId }).where(eq(registration.organizationId, duplicateId));
		await tx.update(pledge).set({ organizationId: keptId }).where(eq(pledge.organizationId, duplicateId));
		// Organizing teams: keep one membership per consultation.
		await tx.execute(sql`delete from ${organizingTeamMember} d where d.organization_id = ${duplicateId}
			and exists (select 1 from ${organizingTeamMember} k where k.organization_id = ${keptId} and k.consultation_id = d.consultation_id)`);
		await tx.update(organizingTeamMember).set({ organizationId: keptId }).where(eq(organizingTeamMember.organizationId, duplicateId));
		// The duplicate's names become aliases, so that imports and searches still find it.
		const aliases = [...new Set([...kept.aliases, duplicate.name, ...duplicate.aliases, ...(duplicate.acronym ? [duplicate.acronym] : [])])].filter((a) => a !== kept.name);
		await tx.update(organization).set({ aliases, updatedAt: now }).where(eq(organization.id, keptId));
		await tx.update(organization).set({ mergedIntoId: keptId, updatedAt: now }).where(eq(organization.id, duplicateId));
		await writeAudit(tx, actor, { action: 'organization.merge', subjectType: 'organization', subjectId: keptId, details: { merged: duplicateId, name: duplicate.name } });
		return { ok: true as const };
	});
}

export async function mergePeople(db: Database, actor: Actor, duplicateId: PersonId, keptId: PersonId, now: Date): Promise<MergeResult> {
	if (!policy.canChangeDirectory(actor)) return FORBIDDEN;
	if (duplicateId === keptId) return { ok: false, reason: 'same-record' };
	return db.transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(person)
			.where(and(inArray(person.id, [duplicateId, keptId]), isNull(person.erasedAt)))
			.for('update');
		const duplicate = rows.find((r) => r.id === duplicateId);
		const kept = rows.find((r) => r.id === keptId);
		if (!duplicate || !kept) return { ok: false as const, reason: 'not-found' as const };
		const clashes = await activeClashes(tx, registration.personId, inArray(registration.personId, [duplicateId, keptId]), false);
		if (clashes.length) return { ok: false as const, reason: 'both-registered' as const, consultationIds: clashes };

		await tx.update(registration).set({ personId: keptId }).where(eq(registration.personId, duplicateId));
		await tx.update(attendance).set({ personId: keptId }).where(eq(attendance.personId, duplicateId));
		await tx.update(statement).set({ speakerId: keptId }).where(eq(statement.speakerId, duplicateId));
		await tx.update(agendaItem).set({ moderatorId: keptId }).where(eq(agendaItem.moderatorId, duplicateId));
		await tx.execute(sql`delete from ${agendaSpeaker} d where d.person_id = ${duplicateId}
			and exists (select 1 from ${agendaSpeaker} k where k.person_id = ${keptId} and k.agenda_item_id = d.agenda_item_id)`);
		await tx.update(agendaSpeaker).set({ personId: keptId }).where(eq(agendaSpeaker.personId, duplicateId));
		await tx.update(comment).set({ personId: keptId }).where(eq(comment.personId, duplicateId));
		await tx.update(writtenInput).set({ personId: keptId }).where(eq(writtenInput.personId, duplicateId));
		// Fill the kept record's gaps from the duplicate; what the kept record says wins.
		await tx
			.update(person)
			.set({
				honorific: kept.honorific ?? duplicate.honorific,
				jobTitle: kept.jobTitle ?? duplicate.jobTitle,
				phone: kept.phone ?? duplicate.phone,
				gender: kept.gender ?? duplicate.gender,
				genderSelfDescription: kept.genderSelfDescription ?? duplicate.genderSelfDescription,
				countryCode: kept.countryCode ?? duplicate.countryCode,
				organizationId: kept.organizationId ?? duplicate.organizationId,
				categoryId: kept.categoryId ?? duplicate.categoryId,
				languages: [...new Set([...kept.languages, ...duplicate.languages])],
				userId: kept.userId ?? duplicate.userId,
				updatedAt: now
			})
			.where(eq(person.id, keptId));
		await tx.delete(person).where(eq(person.id, duplicateId));
		await writeAudit(tx, actor, { action: 'person.merge', subjectType: 'person', subjectId: keptId, details: { merged: duplicateId, mergedEmail: duplicate.email } });
		return { ok: true as const };
	});
}
