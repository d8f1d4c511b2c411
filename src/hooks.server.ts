import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { getRequestEvent } from '$app/server';
import { svelteKitHandler, sveltekitCookies } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { closeRuntime, getAuth, getDb, readyRuntime } from '$lib/server/runtime';
import { loadActor } from '$lib/server/queries/actors';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		await readyRuntime([sveltekitCookies(getRequestEvent)]);
	} catch (error) {
		// One clear line (a bad DATABASE_URL, a data directory in use), not a stack trace.
		console.error(`Convene could not start: ${(error as Error).message}`);
		process.exit(1);
	}
	// adapter-node never exits on SIGTERM while the database is open: close it on shutdown.
	process.once('sveltekit:shutdown', () => {
		void closeRuntime();
	});
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});

const authentication: Handle = async ({ event, resolve }) => {
	const auth = getAuth();
	const session = await auth.api.getSession({ headers: event.request.headers });
	event.locals.user = session
		? { id: session.user.id, name: session.user.name, email: session.user.email, role: (session.user as { role?: string }).role ?? 'stakeholder' }
		: null;
	event.locals.actor = await loadActor(getDb(), event.locals.user);
	return svelteKitHandler({ event, resolve, auth, building });
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handle = sequence(securityHeaders, i18n, authentication);
