// The sign-in link email. Plain text first: it reads on any phone and any mail client.
import type { MailMessage } from '../mail';

export function signInLinkMessage(email: string, url: string): MailMessage {
	return {
		to: email,
		subject: 'Your sign-in link for Convene',
		text: [
			'Hello,',
			'',
			'Use this link to sign in to Convene and see your registrations and personal data:',
			'',
			url,
			'',
			'The link works once and expires in 30 minutes. If you did not ask for it, ignore this message.'
		].join('\n')
	};
}
