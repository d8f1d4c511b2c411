// The sign-in link email, in the language of the page where it was asked for. Plain text: it reads
// on any phone and in any mail client.
import { m } from '../../paraglide/messages';
import { mailLocale } from './locale';
import type { MailMessage } from '../mail';

export function signInLinkMessage(email: string, url: string, locale: string = 'en'): MailMessage {
	const options = { locale: mailLocale(locale) } as const;
	return { to: email, subject: m.mail_sign_in_subject({}, options), text: m.mail_sign_in_body({ url }, options) };
}
