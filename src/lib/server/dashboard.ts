// The process dashboard for a page or an export: the built dashboard, and k for small cells (the
// strictest threshold among the process's consultations).
import { eq, max } from 'drizzle-orm';
import { getDb } from './runtime';
import { consultation } from './db/schema';
import { processOr404 } from './guards';
import { dashboardInput } from './queries/dashboard';
import { buildDashboard } from '../domain/dashboard';
import { genderLabel } from '$lib/format';

export async function processDashboard(slug: string) {
	const db = getDb();
	const p = await processOr404(slug);
	const [{ k }] = await db.select({ k: max(consultation.anonymityThreshold) }).from(consultation).where(eq(consultation.processId, p.id));
	return { process: p, k: k ?? 3, dashboard: buildDashboard(await dashboardInput(db, p, genderLabel)) };
}
