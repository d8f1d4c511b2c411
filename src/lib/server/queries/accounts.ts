// Staff accounts and their consultation assignments (the accounts page).
import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { authUser, consultationStaff } from '../db/schema';
import { STAFF_ROLES } from '../../domain/enums';
import { listConsultationTitles } from './consultations';

/** Every staff account by email, each with the consultations it is assigned to and in which role. */
export async function listStaffAccounts(db: Executor) {
	const [users, consultations, assignments] = await Promise.all([
		db.select({ id: authUser.id, name: authUser.name, email: authUser.email, role: authUser.role }).from(authUser).where(inArray(authUser.role, [...STAFF_ROLES])).orderBy(asc(authUser.email)),
		listConsultationTitles(db),
		db.select().from(consultationStaff)
	]);
	const titles = new Map(consultations.map((c) => [c.id, c.title]));
	return {
		consultations,
		users: users.map((u) => ({
			...u,
			assignments: assignments.filter((a) => a.userId === u.id).map((a) => ({ consultationId: a.consultationId, title: titles.get(a.consultationId) ?? '', role: a.role }))
		}))
	};
}
