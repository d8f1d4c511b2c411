// The answer to a request over a rate limit: 429, a Retry-After header, and one sentence in the
// reader's language that says when to try again.
import { m } from '$lib/paraglide/messages';
import { retryAfter } from './limits';

export function tooManyMessage(seconds: number): string {
	const wait = retryAfter(seconds);
	return wait.minutes ? m.rate_limited_minutes({ minutes: wait.minutes }) : m.rate_limited_seconds({ seconds: wait.seconds });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A 429 for a form post refused before its action ran: a small page without JavaScript, or, for a
 * form sent by SvelteKit's enhance, an action result it shows as an error.
 */
export function tooManyResponse(request: Request, seconds: number, locale: string): Response {
	const message = tooManyMessage(seconds);
	const headers = { 'retry-after': String(seconds), 'cache-control': 'private, no-store' };
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return new Response(JSON.stringify({ type: 'error', error: { message } }), { status: 429, headers: { ...headers, 'content-type': 'application/json' } });
	}
	const html = `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(m.rate_limited_title())} · ${escapeHtml(m.app_name())}</title></head><body><main><h1>${escapeHtml(m.rate_limited_title())}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(m.app_name())}</a></p></main></body></html>`;
	return new Response(html, { status: 429, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
