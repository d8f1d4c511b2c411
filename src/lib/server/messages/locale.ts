// The language an email goes out in, and its links back into that language: a French reader's
// sign-in link leads to /fr/sign-in, their consultation to /fr/consultations/…
import { baseLocale, isLocale, localizeHref, localizeUrl, type Locale } from '../../paraglide/runtime';

/** A stored or requested language, or the base language when it is not one Convene speaks. */
export function mailLocale(value: string | null | undefined): Locale {
	return value && isLocale(value) ? value : baseLocale;
}

/** An absolute address of this server, in `locale` (unchanged when it is not one of ours). */
export function localizedUrl(url: string, locale: Locale): string {
	try {
		return localizeUrl(url, { locale }).href;
	} catch {
		return url;
	}
}

/** A path of this server (`/me/reports/…`), in `locale`. */
export function localizedPath(path: string, locale: Locale): string {
	return localizeHref(path, { locale });
}
