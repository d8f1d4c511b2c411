// Reminders before the meeting, to selected and confirmed participants, once each (claimed by
// setting reminded_at), in their language, with the meeting link. Run by the server every quarter
// of an hour and by `convene send-reminders`.
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '../db';
import { consultation, person, registration } from '../db/schema';
import type { Mailer } from '../mail';
import { m } from '../../paraglide/messages';
import { mailLocale } from '../messages/locale';
import { formatTimeRange } from '../../domain/time';
import type { RegistrationId } from '../../domain/ids';

export const REMINDER_HOURS_BEFORE = 24;

export async function sendReminders(db: Database, mailer: Mailer, now: Date): Promise<number> {
	const horizon = new Date(now.getTime() + REMINDER_HOURS_BEFORE * 3_600_000);
	const due = await db
		.select({ id: registration.id })
		.from(registration)
		.innerJoin(consultation, eq(registration.consultationId, consultation.id))
		.where(and(inArray(registration.status, ['selected', 'confirmed']), isNull(registration.remindedAt), gt(consultation.startsAt, now), lte(consultation.startsAt, horizon)));
	let sent = 0;
	for (const { id } of due) {
		// The claim and the message in one transaction: a crash leaves neither, and the next round sends it.
		if (await remindOne(db, mailer, id, now)) sent++;
	}
	return sent;
}

async function remindOne(db: Database, mailer: Mailer, id: RegistrationId, now: Date): Promise<boolean> {
	return db.transaction(async (tx) => {
		const claimed = await tx
			.update(registration)
			.set({ remindedAt: now })
			.where(and(eq(registration.id, id), isNull(registration.remindedAt)))
			.returning({ personId: registration.personId, consultationId: registration.consultationId, locale: registration.locale });
		if (!claimed.length) return false; // another process took it
		const [row] = await tx
			.select({ p: person, c: consultation })
			.from(person)
			.innerJoin(consultation, eq(consultation.id, claimed[0].consultationId))
			.where(eq(person.id, claimed[0].personId));
		if (!row?.p.email) return false;
		const locale = mailLocale(claimed[0].locale);
		const when = formatTimeRange(row.c.startsAt, row.c.endsAt, row.c.timeZone, locale);
		await mailer.send({
			to: row.p.email,
			subject: m.mail_reminder_subject({ title: row.c.title, date: when.date }, { locale }),
			text: m.mail_reminder_body({ name: row.p.name, title: row.c.title, date: when.date, time: `${when.start}–${when.end} ${when.zoneName} (${when.utcOffset})`, link: row.c.meetingLink ?? '—' }, { locale })
		}, tx);
		return true;
	});
}
