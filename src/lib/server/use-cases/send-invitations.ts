// Invitations to a consultation, to network members chosen by filters who agreed to be contacted,
// each in their language, with an unsubscribe link. Each person is invited once per consultation
// (the invitation table's primary key), however often the organizer sends.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { attendance, consultation, country, invitation, person } from '../db/schema';
import type { Mailer } from '../mail';
import { m } from '../../paraglide/messages';
import { localizedUrl, mailLocale } from '../messages/locale';
import { FORBIDDEN, policy, type Actor, type Forbidden } from '../../domain/policy';
import { formatDeadline, formatTimeRange } from '../../domain/time';
import { idOf, type ConsultationId, type PersonId } from '../../domain/ids';

export interface InvitationFilter {
	categoryId?: string;
	subregionId?: string;
	countryCode?: string;
	pastParticipation?: 'attended' | 'never';
}

/** Signed, stateless unsubscribe tokens: `<person id>.<HMAC>`. */
export function unsubscribeToken(personId: PersonId, secret: string): string {
	return `${personId}.${createHmac('sha256', secret).update(`unsubscribe:${personId}`).digest('base64url')}`;
}

export function personIdFromUnsubscribeToken(token: string, secret: string): PersonId | null {
	const personId = idOf<PersonId>(token.split('.')[0]);
	if (!personId) return null;
	const expected = Buffer.from(unsubscribeToken(personId, secret));
	const given = Buffer.from(token);
	return expected.length === given.length && timingSafeEqual(expected, given) ? personId : null;
}

function recipientConditions(consultationId: ConsultationId, filter: InvitationFilter): SQL[] {
	const conditions: SQL[] = [
		isNull(person.erasedAt),
		isNotNull(person.email),
		eq(person.consentToContact, true),
		sql`not exists (select 1 from ${invitation} i where i.consultation_id = ${consultationId} and i.person_id = ${person.id})`
	];
	if (filter.categoryId) conditions.push(eq(person.categoryId, filter.categoryId));
	if (filter.countryCode) conditions.push(eq(person.countryCode, filter.countryCode));
	if (filter.subregionId) conditions.push(eq(country.subregionId, filter.subregionId));
	const attended = sql`exists (select 1 from ${attendance} a where a.person_id = ${person.id})`;
	if (filter.pastParticipation === 'attended') conditions.push(attended);
	if (filter.pastParticipation === 'never') conditions.push(sql`not ${attended}`);
	return conditions;
}

async function recipients(db: Database, consultationId: ConsultationId, filter: InvitationFilter) {
	return db
		.select({ id: person.id, name: person.name, email: person.email, locale: person.preferredLocale })
		.from(person)
		.leftJoin(country, eq(person.countryCode, country.code))
		.where(and(...recipientConditions(consultationId, filter)));
}

export type InvitationResult = { ok: true; count: number } | Forbidden | { ok: false; reason: 'not-found' };

export async function previewInvitations(db: Database, actor: Actor, slug: string, filter: InvitationFilter): Promise<InvitationResult> {
	const [c] = await db.select().from(consultation).where(eq(consultation.slug, slug));
	if (!c) return { ok: false, reason: 'not-found' };
	if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
	return { ok: true, count: (await recipients(db, c.id, filter)).length };
}

export async function sendInvitations(
	db: Database,
	mailer: Mailer,
	actor: Actor,
	slug: string,
	filter: InvitationFilter,
	urls: { page: string; unsubscribe: (token: string) => string },
	secret: string
): Promise<InvitationResult> {
	const [c] = await db.select().from(consultation).where(eq(consultation.slug, slug));
	if (!c) return { ok: false, reason: 'not-found' };
	if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
	let count = 0;
	for (const r of await recipients(db, c.id, filter)) {
		if (!r.email) continue;
		const email = r.email;
		const locale = mailLocale(r.locale);
		const when = formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locale);
		// The claim and the message in one transaction: a second organizer sending at the same time
		// skips the person, and a crash leaves neither (the next send invites them).
		const isSent = await db.transaction(async (tx) => {
			const claimed = await tx.insert(invitation).values({ consultationId: c.id, personId: r.id }).onConflictDoNothing().returning();
			if (!claimed.length) return false;
			await mailer.send({
				to: email,
				subject: m.mail_invitation_subject({ title: c.title }, { locale }),
				text: m.mail_invitation_body(
					{
						name: r.name,
						title: c.title,
						date: when.date,
						time: `${when.start}–${when.end} ${when.zoneName} (${when.utcOffset})`,
						deadline: c.registrationClosesAt ? formatDeadline(c.registrationClosesAt, c.timeZone, locale) : when.date,
						url: localizedUrl(urls.page, locale),
						unsubscribeUrl: localizedUrl(urls.unsubscribe(unsubscribeToken(r.id, secret)), locale)
					},
					{ locale }
				)
			}, tx);
			return true;
		});
		if (isSent) count++;
	}
	return { ok: true, count };
}

export async function unsubscribe(db: Database, token: string, secret: string, now: Date): Promise<{ ok: true; email: string | null } | { ok: false }> {
	const personId = personIdFromUnsubscribeToken(token, secret);
	if (!personId) return { ok: false };
	const [p] = await db.update(person).set({ consentToContact: false, updatedAt: now }).where(eq(person.id, personId)).returning({ email: person.email });
	return p ? { ok: true, email: p.email } : { ok: false };
}
