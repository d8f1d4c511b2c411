// Confirmation that a registration was received, with the calendar file, in the registrant's language.
import { m } from '../../paraglide/messages';
import { localizedUrl, mailLocale } from './locale';
import { formatTimeRange } from '../../domain/time';
import type { MailMessage } from '../mail';
import { consultationIcs, type CalendarConsultation } from '../exports/ics';

export function registrationReceivedMessage(
	to: { email: string; name: string; locale: string },
	c: CalendarConsultation,
	urls: { page: string; signIn: string }
): MailMessage {
	const locale = mailLocale(to.locale);
	const page = localizedUrl(urls.page, locale);
	const when = formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locale);
	return {
		to: to.email,
		subject: m.mail_registration_subject({ title: c.title }, { locale }),
		text: m.mail_registration_body(
			{ name: to.name, title: c.title, date: when.date, time: `${when.start}–${when.end} ${when.zoneName} (${when.utcOffset})`, signInUrl: localizedUrl(urls.signIn, locale) },
			{ locale }
		),
		attachments: [{ filename: `${c.slug}.ics`, content: consultationIcs(c, page, null, locale), contentType: 'text/calendar; charset=utf-8' }]
	};
}
