import type { PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/guards';
import { processDashboard } from '$lib/server/dashboard';
import { barChartSvg, heatmapSvg } from '$lib/server/charts';
import { BALANCE_DIMENSIONS } from '$lib/domain/balance';
import { dimensionTitle } from '$lib/format';
import { policy } from '$lib/domain/policy';
import { m } from '$lib/paraglide/messages';
import { localizeReferenceData } from '$lib/server/reference-names';

const loadPage = async ({ locals, params, url }: Parameters<PageServerLoad>[0]) => {
	requireStaff(locals.actor, policy.canReadDirectory);
	const { process, k, dashboard } = await processDashboard(params.slug);
	const dimensions = BALANCE_DIMENSIONS.map((dimension) => {
		const rows = dashboard.groups[dimension];
		const title = dimensionTitle(dimension);
		return {
			dimension,
			title,
			rows,
			svg: barChartSvg(
				m.dash_chart_title({ dimension: title }),
				rows.map((r) => r.label),
				[
					{ name: m.dash_network(), values: rows.map((r) => r.network.share) },
					{ name: m.dash_registered(), values: rows.map((r) => r.registered.share) },
					{ name: m.dash_selected(), values: rows.map((r) => r.selected.share) },
					{ name: m.dash_attended(), values: rows.map((r) => r.attended.share) }
				]
			)
		};
	});
	const columns = [...dashboard.consultations.map((c) => c.title), ...(dashboard.hasOpenCall ? [m.dash_open_call()] : [])];
	const heatmap = heatmapSvg(
		m.dash_coverage(),
		columns,
		dashboard.coverage.map((o) => `${o.number}. ${o.shortTitle}`),
		dashboard.coverage.map((o) => o.cells.map((c) => c.total))
	);
	// The per-consultation tables show one measure at a time (attended unless asked): plain links, no script.
	const asked = url.searchParams.get('measure');
	const measure: 'attended' | 'registered' | 'selected' = asked === 'registered' || asked === 'selected' ? asked : 'attended';
	return { process: { slug: process.slug, title: process.title }, k, dashboard, dimensions, columns, heatmap, measure };
};

// Stakeholder groups, subregions, countries and objectives in the staff member's language.
export const load: PageServerLoad = async (event) => localizeReferenceData(await loadPage(event), event.locals.locale);
