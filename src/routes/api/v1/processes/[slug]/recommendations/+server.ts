import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { listRecommendations } from '$lib/server/queries/recommendations';
import { processBySlug } from '$lib/server/queries/consultations';
import { isOneOf, RECOMMENDATION_STATUSES } from '$lib/domain/enums';

export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const p = await processBySlug(db, params.slug);
	if (!p) error(404, 'No review process has this address.');
	const status = url.searchParams.get('status');
	if (status !== null && !isOneOf(RECOMMENDATION_STATUSES, status)) error(400, `status must be one of ${RECOMMENDATION_STATUSES.join(', ')}`);
	const rows = await listRecommendations(db, p.id, { status: status ?? undefined });
	return json(
		{
			process: { slug: p.slug, title: p.title },
			recommendations: rows.map((r) => ({
				id: r.id,
				consultation: r.consultationSlug,
				report: r.reportSlug ? { slug: r.reportSlug, version: r.versionNumber } : null,
				reference: r.reference,
				text: r.text,
				addressees: r.addressees,
				objectives: r.objectives.map((o) => o.number),
				status: r.status,
				followUps: r.followUps.map(({ happenedOn, note, evidenceUrl }) => ({ happenedOn, note, evidenceUrl })),
				url: `${url.origin}/processes/${p.slug}/recommendations/${r.id}`
			}))
		},
		{ headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } }
	);
};
