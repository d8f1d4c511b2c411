import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { processOr404 } from '$lib/server/guards';
import { listProcessConsultations } from '$lib/server/queries/consultations';
import { formatTimeRange } from '$lib/domain/time';

// A review process: its consultations, published reports and the follow-up pages.
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const p = await processOr404(params.slug);
	const consultations = await listProcessConsultations(getDb(), p.id);
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		process: { slug: p.slug, title: p.title, description: p.description },
		consultations: consultations.map((c) => ({ slug: c.slug, title: c.title, when: formatTimeRange(c.startsAt, c.endsAt, c.timeZone, locals.locale).date, reportSlug: c.reportSlug }))
	};
};
