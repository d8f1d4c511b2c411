// The decision notice, in the registrant's language: selected (with the meeting link and calendar
// file), waiting list, or not selected.
import { m } from '../../paraglide/messages';
import { localizedUrl, mailLocale } from './locale';
import { formatTimeRange } from '../../domain/time';
import type { MailMessage } from '../mail';
import { consultationIcs, type CalendarConsultation } from '../exports/ics';

export type Decision = 'selected' | 'waitlisted' | 'declined';

export function registrationDecisionMessage(
	to: { email: string; name: string; locale: string },
	decision: Decision,
	c: CalendarConsultation & { meetingLink: string | null },
	urls: { page: string; signIn: string }
): MailMessage {
	const locale = mailLocale(to.locale);
	const signInUrl = localizedUrl(urls.signIn, locale);
	const o = { locale } as const;
	if (decision === 'selected') {
		const when = formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locale);
		return {
			to: to.email,
			subject: m.mail_decision_selected_subject({ title: c.title }, o),
			text: m.mail_decision_selected_body(
				{ name: to.name, title: c.title, date: when.date, time: `${when.start}–${when.end} ${when.zoneName} (${when.utcOffset})`, signInUrl, link: c.meetingLink ?? '—' },
				o
			),
			attachments: [{ filename: `${c.slug}.ics`, content: consultationIcs(c, localizedUrl(urls.page, locale), c.meetingLink, locale), contentType: 'text/calendar; charset=utf-8' }]
		};
	}
	if (decision === 'waitlisted') {
		return { to: to.email, subject: m.mail_decision_waitlisted_subject({ title: c.title }, o), text: m.mail_decision_waitlisted_body({ name: to.name, title: c.title, signInUrl }, o) };
	}
	return { to: to.email, subject: m.mail_decision_declined_subject({ title: c.title }, o), text: m.mail_decision_declined_body({ name: to.name, title: c.title }, o) };
}
