// Requests refused before any action runs — over a rate limit (429, with Retry-After and when to
// try again), a form sent with the wrong content type (415) or a malformed body (400) — answered
// with one sentence in the reader's language.
import { m } from '$lib/paraglide/messages';
import { retryAfter } from './limits';

export function tooManyMessage(seconds: number): string {
	const wait = retryAfter(seconds);
	return wait.minutes ? m.rate_limited_minutes({ minutes: wait.minutes }) : m.rate_limited_seconds({ seconds: wait.seconds });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A form post refused before its action ran: a small page without JavaScript, or, for a form sent
 * by SvelteKit's enhance, an action result it shows as an error.
 */
export function refusal(request: Request, status: number, title: string, message: string, locale: string, extraHeaders: Record<string, string> = {}): Response {
	const headers = { ...extraHeaders, 'cache-control': 'private, no-store' };
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return new Response(JSON.stringify({ type: 'error', error: { message } }), { status, headers: { ...headers, 'content-type': 'application/json' } });
	}
	const html = `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · ${escapeHtml(m.app_name())}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(m.app_name())}</a></p></main></body></html>`;
	return new Response(html, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

export const tooManyResponse = (request: Request, seconds: number, locale: string) => refusal(request, 429, m.rate_limited_title(), tooManyMessage(seconds), locale, { 'retry-after': String(seconds) });

/** Control characters other than tab and line breaks (C0, DEL, C1): invisible, meaningless in a form, and NUL cannot be stored. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
export const stripControl = (value: string) => value.replace(CONTROL, '');
export const hasControl = (value: string) => {
	CONTROL.lastIndex = 0;
	const found = CONTROL.test(value);
	CONTROL.lastIndex = 0;
	return found;
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Checks a form post before its action: 415 for another content type, 400 for a body that cannot be
 * read; control characters are taken out of every text field (the request is rebuilt without them).
 * Returns the request to go on with, or the refusal.
 */
export async function screenFormPost(request: Request, locale: string): Promise<{ request: Request } | { refused: Response }> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return { refused: refusal(request, 415, m.request_wrong_type(), m.request_wrong_type(), locale) };
	// The usual form (no file) is read once, as text: the action reads the same text again, without a
	// copy of the request's stream.
	if (type === 'application/x-www-form-urlencoded') {
		let text: string;
		try {
			text = await request.text();
		} catch {
			return { refused: refusal(request, 400, m.request_malformed(), m.request_malformed(), locale) };
		}
		const fields = new URLSearchParams(text);
		let isClean = true;
		for (const [key, value] of fields) if (hasControl(key) || hasControl(value)) isClean = false;
		const body = isClean ? text : new URLSearchParams([...fields].map(([key, value]) => [stripControl(key), stripControl(value)])).toString();
		const headers = new Headers(request.headers);
		headers.delete('content-length');
		return { request: new Request(request.url, { method: 'POST', headers, body }) };
	}
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch {
		return { refused: refusal(request, 400, m.request_malformed(), m.request_malformed(), locale) };
	}
	let isClean = true;
	for (const [key, value] of form) if (hasControl(key) || hasControl(typeof value === 'string' ? value : value.name)) isClean = false;
	if (isClean) return { request };
	const cleaned = new FormData();
	for (const [key, value] of form) {
		if (typeof value === 'string') cleaned.append(stripControl(key), stripControl(value));
		else cleaned.append(stripControl(key), value, stripControl(value.name) || 'file');
	}
	const headers = new Headers(request.headers);
	headers.delete('content-type');
	headers.delete('content-length');
	return { request: new Request(request.url, { method: 'POST', headers, body: cleaned }) };
}
