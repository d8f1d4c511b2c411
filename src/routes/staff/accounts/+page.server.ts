// Longer than a route should be: three actions (create an account, change a role, assign to a consultation), each a
// parse and one use-case call, share the page and its reason → message map.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb, getMailer, links } from '$lib/server/runtime';
import { requireStaff } from '$lib/server/guards';
import { listStaffAccounts } from '$lib/server/queries/accounts';
import { changeStaffRole, createStaffUser, setConsultationAssignment } from '$lib/server/use-cases/manage-staff';
import { policy } from '$lib/domain/policy';
import { STAFF_ROLES } from '$lib/domain/enums';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';
import { LANGUAGE_NAMES } from '$lib/languages';
import { formId, NOT_FOUND } from '$lib/server/forms';
import type { ConsultationId } from '$lib/domain/ids';

export const load: PageServerLoad = async ({ locals }) => {
	requireStaff(locals.actor, policy.canChangeRoles);
	return { roles: STAFF_ROLES, locales: locales.map((l) => ({ id: l, name: LANGUAGE_NAMES[l] })), ...(await listStaffAccounts(getDb())) };
};

const REASONS: Record<string, () => string> = {
	forbidden: m.error_forbidden,
	'invalid-email': m.stakeholder_sign_in_invalid,
	'invalid-name': m.accounts_invalid_name,
	'invalid-role': m.accounts_invalid_role,
	'email-taken': m.accounts_email_taken,
	'last-admin': m.accounts_last_admin,
	'not-found': m.accounts_not_found
};
const explain = (reason: string) => (REASONS[reason] ?? m.error_title)();

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canChangeRoles);
		const form = await request.formData();
		const input = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? ''), role: String(form.get('role') ?? ''), locale: String(form.get('locale') ?? locals.locale) };
		const result = await createStaffUser(getDb(), getMailer(), actor, input, links().signIn);
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 400, { ...input, message: explain(result.reason) });
		return { done: m.accounts_created({ email: input.email.trim().toLowerCase() }) };
	},
	role: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor, policy.canChangeRoles);
		const form = await request.formData();
		const result = await changeStaffRole(getDb(), actor, String(form.get('userId') ?? ''), String(form.get('role') ?? ''), new Date());
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 400, { message: explain(result.reason) });
		return { done: m.accounts_role_changed() };
	},
	assign: async ({ locals, request }) => {
		const actor = requireStaff(locals.actor);
		const form = await request.formData();
		const consultationId = formId<ConsultationId>(form, 'consultationId');
		const input = { userId: String(form.get('userId') ?? ''), role: String(form.get('role') ?? ''), isAssigned: form.get('assigned') !== 'no' };
		const result = consultationId ? await setConsultationAssignment(getDb(), actor, { ...input, consultationId }) : NOT_FOUND;
		if (!result.ok) return fail(result.reason === 'forbidden' ? 403 : 400, { message: explain(result.reason) });
		return { done: m.accounts_assignment_saved() };
	}
};
