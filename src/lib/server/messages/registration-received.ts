// Confirmation that a registration was received, with the calendar file, in the registrant's language.
import { m } from '../../paraglide/messages';
import { localizedUrl, mailLocale } from './locale';
import { formatDeadline, formatTimeRange } from '../../domain/time';
import type { MailMessage } from '../mail';
import { consultationIcs, type CalendarConsultation } from '../exports/ics';

/** What the person registered, as the confirmation page shows it (names in their language). */
export interface RegisteredDetails {
	organization: string;
	category: string;
	country: string;
	languages: string;
}

export function registrationReceivedMessage(
	to: { email: string; name: string; locale: string },
	c: CalendarConsultation & { registrationClosesAt?: Date | null },
	urls: { page: string; signIn: string },
	details?: RegisteredDetails
): MailMessage {
	const locale = mailLocale(to.locale);
	const page = localizedUrl(urls.page, locale);
	const when = formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locale);
	return {
		to: to.email,
		subject: m.mail_registration_subject({ title: c.title }, { locale }),
		text: [
			m.mail_registration_body(
				{ name: to.name, title: c.title, date: when.date, time: `${when.start}–${when.end} ${when.zoneName} (${when.utcOffset})`, signInUrl: localizedUrl(urls.signIn, locale) },
				{ locale }
			),
			// The same summary and next step as the page the person saw after sending the form.
			...(details ? [detailsText(details, locale)] : []),
			...(c.registrationClosesAt ? [m.register_next_deadline({ deadline: formatDeadline(c.registrationClosesAt, c.timeZone, locale), date: when.date }, { locale })] : [])
		].join('\n\n'),
		attachments: [{ filename: `${c.slug}.ics`, content: consultationIcs(c, page, null, locale), contentType: 'text/calendar; charset=utf-8' }]
	};
}

function detailsText(d: RegisteredDetails, locale: ReturnType<typeof mailLocale>): string {
	const lines: [string, string][] = [
		[m.field_organization({}, { locale }), d.organization],
		[m.field_category({}, { locale }), d.category],
		[m.field_country({}, { locale }), d.country],
		[m.register_languages({}, { locale }), d.languages]
	];
	return [m.mail_registration_details({}, { locale }), ...lines.filter(([, value]) => value).map(([label, value]) => `- ${label}: ${value}`)].join('\n');
}
