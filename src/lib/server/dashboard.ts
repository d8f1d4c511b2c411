// The process dashboard for a page or an export: the built dashboard, and k for small cells (the
// strictest threshold among the process's consultations).
import { getDb } from './runtime';
import { processOr404 } from './guards';
import { dashboardInput, strictestThreshold } from './queries/dashboard';
import { buildDashboard } from '../domain/dashboard';
import { genderLabel } from '$lib/format';

export async function processDashboard(slug: string) {
	const db = getDb();
	const p = await processOr404(slug);
	return { process: p, k: await strictestThreshold(db, p.id), dashboard: buildDashboard(await dashboardInput(db, p, genderLabel)) };
}
