// The absolute addresses Convene puts in emails and calendar files, built in one place from the
// server's public origin (ORIGIN, or the request's when the CLI has none). Use-cases receive the
// builders they need rather than the origin, so that a link always points at the same page.
// `links()` in runtime.ts gives them at this server's origin.
/** This server's public origin: ORIGIN, else localhost on PORT. */
export function baseUrl(env: NodeJS.ProcessEnv = process.env): string {
	return env.ORIGIN?.replace(/\/$/, '') || `http://localhost:${env.PORT || 3000}`;
}

export function linksAt(origin: string) {
	const consultation = (slug: string) => `${origin}/consultations/${slug}`;
	const signIn = `${origin}/sign-in`;
	return {
		consultation,
		signIn,
		/** A page behind the stakeholder sign-in: the sign-in link leads back to it. */
		signInTo: (path: string) => `${signIn}?next=${encodeURIComponent(path)}`,
		handover: (token: string) => `${origin}/handover/${token}`,
		unsubscribe: (token: string) => `${origin}/unsubscribe/${token}`,
		/** The staff page of a consultation's report (comments, replies, publication). */
		staffReport: (slug: string) => `${origin}/staff/consultations/${slug}/report`,
		/** What a registration decision or receipt email links to. */
		decision: { page: consultation, signIn }
	};
}
