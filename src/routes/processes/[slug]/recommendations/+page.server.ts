import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404 } from '$lib/server/guards';
import { listObjectives } from '$lib/server/queries/consultations';
import { listRecommendations } from '$lib/server/queries/recommendations';
import { ADDRESSEES } from '$lib/domain/follow-up/recommendations';
import { RECOMMENDATION_STATUSES } from '$lib/domain/enums';
import { localizeReferenceData } from '$lib/server/reference-names';

// The public tracker of a process: what came of each recommendation of its published reports.
export const load: PageServerLoad = async ({ params, url, setHeaders, locals }) => {
	const db = getDb();
	const p = await processOr404(params.slug);
	const get = (k: string) => url.searchParams.get(k)?.trim() || undefined;
	const status = (RECOMMENDATION_STATUSES as readonly string[]).includes(get('status') ?? '') ? get('status') : undefined;
	const addressee = ADDRESSEES.some((a) => a.id === get('addressee')) ? get('addressee') : undefined;
	const objectiveNumber = Number(get('objective')) || undefined;
	const [all, objectives] = await Promise.all([
		listRecommendations(db, p.id),
		listObjectives(db, p.frameworkId)
	]);
	const shown = all.filter((r) => (!status || r.status === status) && (!addressee || r.addressees.includes(addressee)) && (!objectiveNumber || r.objectives.some((o) => o.number === objectiveNumber)));
	const counts = Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length])) as Record<(typeof RECOMMENDATION_STATUSES)[number], number>;
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return localizeReferenceData({
		process: { slug: p.slug, title: p.title },
		filter: { status, addressee, objective: objectiveNumber },
		counts,
		recommendations: shown,
		objectives,
		addressees: ADDRESSEES.map((a) => a.id),
		statuses: RECOMMENDATION_STATUSES
	}, locals.locale);
};
