import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { getRequestEvent } from '$app/server';
import { svelteKitHandler, sveltekitCookies } from 'better-auth/svelte-kit';
import * as paraglide from '$lib/paraglide/runtime';
import { AsyncLocalStorage } from 'node:async_hooks';
import { closeRuntime, getAuth, getDb, getLimits, readyRuntime } from '$lib/server/runtime';
import { clientAddress } from '$lib/server/client-address';
import { acceptedEncoding } from '$lib/server/accept-encoding';
import { screenFormPost, tooManyResponse } from '$lib/server/refusals';
import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { loadActor } from '$lib/server/queries/actors';
import { rememberStaffLocale } from '$lib/server/use-cases/manage-staff';
import { databaseMessage } from '$lib/server/db/errors';
import { htmlLang } from '$lib/languages';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		await readyRuntime([sveltekitCookies(getRequestEvent)]);
	} catch (error) {
		// One clear line (a bad DATABASE_URL, a data directory in use), not a stack trace, and never a
		// failed query with its parameters: the database's own sentence.
		console.error(`Convene could not start: ${databaseMessage(error).slice(0, 500)}`);
		process.exit(1);
	}
	// adapter-node never exits on SIGTERM while the database is open: close it on shutdown.
	process.once('sveltekit:shutdown', () => {
		void closeRuntime();
	});
};

/**
 * Paraglide's server middleware, less the copy it makes of every request (its body included: 5% of a
 * registration's CPU under load): the locale from the address, then the cookie, then English; a page
 * asked for in another language than the visitor's is redirected as Paraglide does; messages read the
 * locale from the same AsyncLocalStorage. A localized address (/fr/…) is handed on de-localized.
 */
const i18n: Handle = async ({ event, resolve }) => {
	const url = new URL(event.request.url);
	const decision: { locale: paraglide.Locale; shouldRedirect: boolean; redirectUrl?: URL } = paraglide.isExcludedByRouteStrategy(url.href)
		? { locale: paraglide.baseLocale, shouldRedirect: false }
		: await paraglide.shouldRedirect({ request: event.request, effectiveRequestUrl: url });
	if (event.request.headers.get('sec-fetch-dest') === 'document' && decision.shouldRedirect && decision.redirectUrl) {
		return new Response(null, { status: 307, headers: { location: decision.redirectUrl.href } });
	}
	const delocalized = paraglide.deLocalizeUrl(url);
	if (delocalized.href !== event.request.url) event.request = new Request(delocalized, event.request);
	const locale = decision.locale;
	event.locals.locale = locale;
	return localeStorage().run({ locale, origin: url.origin }, () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', htmlLang(locale)) }));
};

function localeStorage(): AsyncLocalStorage<{ locale: paraglide.Locale; origin: string }> {
	let storage = paraglide.getServerAsyncLocalStorage() as AsyncLocalStorage<{ locale: paraglide.Locale; origin: string }> | undefined;
	if (!storage) paraglide.overwriteServerAsyncLocalStorage((storage = new AsyncLocalStorage()) as unknown as Parameters<typeof paraglide.overwriteServerAsyncLocalStorage>[0]);
	return storage;
}

/**
 * Every post outside the APIs is a form action: a wrong content type is a 415, a body that cannot
 * be read a 400 (never a 500 from inside an action), and control characters never reach an action.
 */
const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Control characters in the address (a NUL cannot even be looked up): no page has them. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_URL = /[\u0000-\u001F\u007F]/;
function hasControlInUrl(url: URL): boolean {
	try {
		return CONTROL_IN_URL.test(decodeURIComponent(url.pathname)) || CONTROL_IN_URL.test(decodeURIComponent(url.search.replace(/\+/g, ' ')));
	} catch {
		return true; // a malformed escape
	}
}

const addresses: Handle = ({ event, resolve }) => {
	if (hasControlInUrl(event.url)) return notFound();
	return resolve(event);
};

/**
 * Every post outside the APIs is a form action: a wrong content type is a 415, a body that cannot
 * be read a 400 (never a 500 from inside an action), and control characters never reach an action.
 */
const forms: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST' || event.url.pathname.startsWith('/api/')) return resolve(event);
	const screened = await screenFormPost(event.request, event.locals.locale);
	if ('refused' in screened) return screened.refused;
	event.request = screened.request;
	return resolve(event);
};

/**
 * better-auth's HTTP endpoints that Convene uses: opening a sign-in link (and its error page).
 * Everything else (password and magic-link sign-in, sign-up, account changes) goes through
 * Convene's own forms, which apply the directory rule and the rate limits; over HTTP it is a 404.
 */
const OPEN_AUTH_PATHS = new Set(['/api/auth/magic-link/verify', '/api/auth/error']);

/** Who is asking (from the session cookie only: the body is not read yet), and the anonymous-form limit. */
const session: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/api/auth/') && !OPEN_AUTH_PATHS.has(event.url.pathname)) {
		return notFound();
	}
	// Without a session cookie there is no session to look up (better-auth reads nothing else): most
	// public requests skip building its request context.
	const result = hasSessionCookie(event.request) ? await getAuth().api.getSession({ headers: event.request.headers }) : null;
	event.locals.user = result
		? { id: result.user.id, name: result.user.name, email: result.user.email, role: (result.user as { role?: string }).role ?? 'stakeholder' }
		: null;
	event.locals.actor = await loadActor(getDb(), event.locals.user);
	// Staff are written to (comment periods closed, and the like) in the language they use the staff
	// pages in (pages, not the files they offer): a write only when it changes.
	if (event.locals.actor?.kind === 'staff' && STAFF_PAGE.test(event.url.pathname) && !STAFF_FILE.test(event.url.pathname)) await rememberStaffLocale(getDb(), event.locals.actor.userId, event.locals.locale);
	// Every anonymous form post counts against its client before its body is read (the sign-in
	// forms have their own limits).
	// An organization search step (no JavaScript) is a read, as its JSON twin is: not counted.
	if (event.request.method === 'POST' && !event.locals.user && !SELF_LIMITED.test(event.url.pathname) && event.url.search !== '?/findOrganization') {
		const wait = await getLimits().take('form-client', clientAddress(event));
		if (wait !== null) return tooManyResponse(event.request, wait, event.locals.locale);
	}
	return resolve(event);
};

const betterAuth: Handle = ({ event, resolve }) => svelteKitHandler({ event, resolve, auth: getAuth(), building });

const STAFF_PAGE = /^(?:\/[a-z]{2})?\/staff(?:\/|$)/;
/** Files the staff pages offer (exports, downloads, attachments): their language is not remembered. */
const STAFF_FILE = /\/(?:export|download|attachments)(?:[/.]|$)/;

/** Routes that count their own requests (per account, per address) or are no form: not counted as anonymous forms. */
const SELF_LIMITED = /^(?:\/[a-z]{2})?\/(?:sign-in|staff\/sign-in|api\/auth)(?:\/|$)/;

const IS_HTTPS = (process.env.ORIGIN ?? '').startsWith('https://');

/** Whether a request carries a session cookie (better-auth's, with or without the __Secure- prefix). */
const hasSessionCookie = (request: Request) => /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/.test(request.headers.get('cookie') ?? '');

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()');
	// Over https only: a browser that has seen Convene on https never tries plain http again.
	if (IS_HTTPS) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	// A page rendered for someone signed in carries their name (the header, their forms): no shared
	// cache may keep it, whatever the route said. The open-data API carries nobody's identity.
	const isOpenData = event.url.pathname.startsWith('/api/v1/') || event.url.pathname === '/api/v1';
	if (!isOpenData && (event.locals.user || hasSessionCookie(event.request) || response.headers.has('set-cookie'))) {
		response.headers.set('Cache-Control', 'private, no-store');
	} else if (!response.headers.has('cache-control')) {
		// A page is public to caches only when its route says so (pages reached by a personal link,
		// /handover/… and /unsubscribe/…, show a name and an address).
		response.headers.set('Cache-Control', 'private, no-cache');
	}
	response.headers.append('Vary', 'Cookie');
	return compressed(event.request, await withValidator(event.request, response));
};

/** Bodies a validator is computed for: pages, feeds and open data, not downloads or streams. */
const VALIDATED = /^(?:text\/html|application\/json|application\/atom\+xml|text\/calendar)/;
const MAX_VALIDATED_BYTES = 2_000_000;

/**
 * An ETag (a hash of the body) on every successful GET that is not private to one person, and 304
 * Not Modified when the client already holds that body (If-None-Match): a reader on a slow
 * connection, or a cache in front of Convene, fetches a page again only when it changed.
 */
async function withValidator(request: Request, response: Response): Promise<Response> {
	if ((request.method !== 'GET' && request.method !== 'HEAD') || response.status !== 200) return response;
	if (/no-store/.test(response.headers.get('cache-control') ?? '')) return response;
	if (!VALIDATED.test(response.headers.get('content-type') ?? '') || Number(response.headers.get('content-length') ?? 0) > MAX_VALIDATED_BYTES) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
	const headers = new Headers(response.headers);
	headers.set('ETag', etag);
	const held = (request.headers.get('if-none-match') ?? '').split(',').map((t) => t.trim());
	if (held.includes(etag) || held.includes('*')) {
		headers.delete('content-length');
		return new Response(null, { status: 304, headers });
	}
	// The same page is the same bytes (its ETag): compressed once, then served from memory.
	const encoding = body.length >= MIN_COMPRESSED_BYTES ? acceptedEncoding(request.headers.get('accept-encoding')) : null;
	headers.append('Vary', 'Accept-Encoding');
	if (!encoding) return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
	headers.set('Content-Encoding', encoding);
	const packed = compressedOnce(etag, encoding, body);
	headers.set('Content-Length', String(packed.length));
	return new Response(request.method === 'HEAD' ? null : packed, { status: 200, headers });
}

/** Compressed bodies by ETag and encoding, up to 16 MB in all (the oldest go first). */
const packedBodies = new Map<string, Uint8Array<ArrayBuffer>>();
let packedBytes = 0;
const seenOnce = new Set<string>();
const MAX_PACKED_BYTES = 16 * 1024 * 1024;

function compressedOnce(etag: string, encoding: 'br' | 'gzip', body: Uint8Array): Uint8Array<ArrayBuffer> {
	const key = `${encoding} ${etag}`;
	const kept = packedBodies.get(key);
	if (kept) return kept;
	const packed = new Uint8Array(encoding === 'br' ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : zlib.gzipSync(body));
	// Kept from its second request on: a page made for one request (a form with its own key) is not.
	if (!seenOnce.has(key)) {
		if (seenOnce.size >= 10_000) seenOnce.clear();
		seenOnce.add(key);
		return packed;
	}
	packedBodies.set(key, packed);
	packedBytes += packed.length;
	for (const [k, v] of packedBodies) {
		if (packedBytes <= MAX_PACKED_BYTES) break;
		packedBodies.delete(k);
		packedBytes -= v.length;
	}
	return packed;
}

/** What is worth compressing: pages, open data, feeds, calendars, CSV (images and office files are compressed already). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|atom\+xml|xml)|image\/svg\+xml)/;
const MIN_COMPRESSED_BYTES = 1024;

/**
 * The body compressed with brotli (or gzip) when the client accepts it: the embedded default has no
 * proxy in front to do it, and a stakeholder on a slow connection gets a page in a fifth of the
 * bytes. Streamed, so a large export is never held in memory; brotli at a fast quality (4), since it
 * runs on every request.
 */
function compressed(request: Request, response: Response): Response {
	if (!response.body || response.headers.has('content-encoding') || response.headers.has('etag') || !COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return response;
	const length = response.headers.get('content-length');
	if (length !== null && Number(length) < MIN_COMPRESSED_BYTES) return response;
	const encoding = acceptedEncoding(request.headers.get('accept-encoding'));
	const headers = new Headers(response.headers);
	headers.append('Vary', 'Accept-Encoding');
	if (!encoding) return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	headers.set('Content-Encoding', encoding);
	headers.delete('content-length');
	const compressor = encoding === 'br' ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) : zlib.createGzip();
	// pipeline: a source that fails (or a client that goes away) ends the compressor too.
	const body = pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), compressor, () => undefined);
	return new Response(Readable.toWeb(body) as ReadableStream, { status: response.status, statusText: response.statusText, headers });
}

export const handle = sequence(securityHeaders, addresses, i18n, session, forms, betterAuth);
