// Page-level gates. The use-cases check authorization again: a page gate only decides between
// "sign in first" (303) and "not for you" (403), so that a direct URL never shows a staff page.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from './runtime';
import { processBySlug, type ConsultationRow, type ProcessRow } from './queries/consultations';
import { getConsultationBySlug } from './queries/consultations';
import type { Actor } from '$lib/domain/policy';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

export function requireStaff(actor: Actor, isAllowed: (a: Actor) => boolean = () => true): Extract<Actor, { kind: 'staff' }> {
	if (actor.kind !== 'staff') redirect(303, localizeHref('/staff/sign-in'));
	if (!isAllowed(actor)) error(403, m.error_forbidden());
	return actor;
}

export function requireStakeholder(actor: Actor, next?: string): Extract<Actor, { kind: 'stakeholder' }> {
	// Someone signed out (or never in) comes back here after signing in: `next` is the page they were opening.
	if (actor.kind !== 'stakeholder') redirect(303, `${localizeHref('/sign-in')}${next ? `?next=${encodeURIComponent(next)}` : ''}`);
	return actor;
}

/** The consultation a staff page is about, or a 404. */
export async function consultationOr404(slug: string): Promise<ConsultationRow> {
	const c = await getConsultationBySlug(getDb(), slug);
	if (!c) error(404);
	return c;
}

/** The review process a page is about, or a 404 saying so. */
export async function processOr404(slug: string): Promise<ProcessRow> {
	const p = await processBySlug(getDb(), slug);
	if (!p) error(404, m.process_not_found());
	return p;
}
