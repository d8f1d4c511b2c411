// The comment period: staff circulate a draft to the people in the room (an email with the deadline in
// the consultation's zone and a link that signs them in), and may close it early.
import { and, eq, inArray, TransactionRollbackError } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { person, registration, reportVersion } from '../db/schema';
import { FORBIDDEN, NOT_FOUND, policy, type Actor, type Forbidden, type NotFound } from '../../domain/policy';
import { commentsCloseAt } from '../../domain/report/comments';
import { plainText } from '../../domain/report/model';
import { formatDeadline } from '../../domain/time';
import { passGate } from '../privacy/gate';
import { roomAttendees } from '../queries/attendees';
import { writeAudit } from '../queries/audit';
import type { Mailer } from '../mail';
import { versionDocument, versionWithConsultation } from '../queries/report-versions';
import { linksAt } from '../links';
import { m } from '../../paraglide/messages';
import { localizedUrl, mailLocale } from '../messages/locale';
import type { ConsultationId, PersonId } from '../../domain/ids';

/**
 * Who was sent the draft: everyone in the room with an email address — those who attended, and the
 * speakers on the record, who may not be in the attendance count the report gives — and how many who
 * attended could not be sent it (no email address).
 */
export interface Circulation {
	recipients: number;
	attended: number;
	speakersNotAttending: number;
	attendedWithoutEmail: number;
}

export type CirculateResult = ({ ok: true; closesAt: Date } & Circulation) | Forbidden | NotFound | { ok: false; reason: 'blocked' } | { ok: false; reason: 'not-a-draft' } | { ok: false; reason: 'days' };

export async function circulateVersion(db: Database, actor: Actor, mailer: Mailer, versionId: string, options: { days: number; origin: string; now: Date; overrideReason?: string | null }): Promise<CirculateResult> {
	const found = await versionWithConsultation(db, versionId);
	if (!found) return NOT_FOUND;
	const { v, c, title } = found;
	if (!policy.canOrganize(actor, c.id)) return FORBIDDEN;
	if (!Number.isInteger(options.days) || options.days < 1 || options.days > 60) return { ok: false, reason: 'days' };
	if (v.state !== 'draft') return { ok: false, reason: 'not-a-draft' };
	// As for publication: only an admin may go past a blocking finding, with a written reason.
	const doc = await versionDocument(db, versionId);
	if (!doc) return NOT_FOUND;
	const closesAt = commentsCloseAt(options.now, options.days, c.timeZone);
	const link = linksAt(options.origin).signInTo(`/me/reports/${versionId}`);
	// The gate, its override (audited), the change of state, the messages to the participants (the
	// outbox) and the audit in one transaction: an override is never recorded for a circulation that
	// did not happen, and a circulation never happens without its messages.
	const outcome = await db.transaction(async (tx) => {
		const gate = await passGate(tx, actor, { consultationId: c.id }, { type: 'report-version', id: versionId }, { report: plainText(doc) }, { overrideReason: options.overrideReason, overrideAction: 'report.circulate-override' });
		if (!gate.ok) return 'blocked' as const;
		const updated = await tx
			.update(reportVersion)
			.set({ state: 'circulated', commentsOpenAt: options.now, commentsCloseAt: closesAt })
			.where(and(eq(reportVersion.id, versionId), eq(reportVersion.state, 'draft')))
			.returning({ id: reportVersion.id });
		if (!updated.length) tx.rollback();
		const room = (await roomAttendees(tx, c.id)).filter((a) => a.hasAttended || a.attribution === 'on-record');
		const recipients = room.filter((a) => a.email);
		// Each in the language they registered in (else the one they receive email in).
		const locales = await recipientLocales(tx, c.id, recipients.map((r) => r.personId));
		for (const r of recipients) {
			const locale = mailLocale(locales.get(r.personId));
			await mailer.send(
				{
					to: r.email!,
					subject: m.mail_circulation_subject({ title }, { locale }),
					text: m.mail_circulation_body({ name: r.name, title: c.title, deadline: formatDeadline(closesAt, c.timeZone, locale), url: localizedUrl(link, locale) }, { locale })
				},
				tx
			);
		}
		await writeAudit(tx, actor, { action: 'report.circulate', subjectType: 'report-version', subjectId: versionId, details: { recipients: recipients.length, closesAt: closesAt.toISOString(), number: v.number } });
		const circulation: Circulation = {
			recipients: recipients.length,
			attended: recipients.filter((a) => a.hasAttended).length,
			speakersNotAttending: recipients.filter((a) => !a.hasAttended).length,
			attendedWithoutEmail: room.filter((a) => a.hasAttended && !a.email).length
		};
		return circulation;
	}).catch((error: unknown) => {
		if (error instanceof TransactionRollbackError) return 'not-a-draft' as const;
		throw error;
	});
	if (outcome === 'blocked') return { ok: false, reason: 'blocked' };
	if (outcome === 'not-a-draft') return { ok: false, reason: 'not-a-draft' };
	return { ok: true, ...outcome, closesAt };
}

async function recipientLocales(tx: Executor, consultationId: ConsultationId, ids: PersonId[]): Promise<Map<PersonId, string>> {
	if (!ids.length) return new Map();
	const rows = await tx
		.select({ id: person.id, preferred: person.preferredLocale, registered: registration.locale })
		.from(person)
		.leftJoin(registration, and(eq(registration.personId, person.id), eq(registration.consultationId, consultationId)))
		.where(inArray(person.id, ids));
	return new Map(rows.map((r) => [r.id, r.registered ?? r.preferred]));
}

export async function closeCommentsNow(db: Database, actor: Actor, versionId: string, now: Date): Promise<{ ok: true } | Forbidden | NotFound> {
	const found = await versionWithConsultation(db, versionId);
	if (!found) return NOT_FOUND;
	if (!policy.canOrganize(actor, found.c.id)) return FORBIDDEN;
	await db.update(reportVersion).set({ commentsCloseAt: now }).where(and(eq(reportVersion.id, versionId), eq(reportVersion.state, 'circulated')));
	await writeAudit(db, actor, { action: 'report.close-comments', subjectType: 'report-version', subjectId: versionId });
	return { ok: true };
}
