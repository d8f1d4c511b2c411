import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /fr/consultations/x is served by the route /consultations/x, in French.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
