import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

test('the secretariat sees which groups never attended and which objectives were never discussed, and downloads the CSV', async ({ page }) => {
	await signInAsStaff(page);
	await page.getByRole('link', { name: 'Process dashboard' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Process dashboard: Asia-Pacific Regional Review/);
	const findings = page.getByRole('region', { name: 'Findings' });
	await expect(findings).toContainText(/Never attended any consultation: [^.]*Private sector \(stakeholder group\)/);
	await expect(findings).toContainText(/Objectives never discussed \(no statement, input or recommendation\): 4\. Legal identity and documentation; 8\. Save lives/);
	// Every chart has its table; the flagged row is marked in it.
	await expect(page.locator('figure svg')).toHaveCount(4);
	await expect(page.getByRole('row', { name: /^Private sector \d+ \([\d.]+%\) .* 0 \(0%\) never attended$/ })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	// Per consultation, one measure at a time, by plain links: the private sector registered but never came.
	const perConsultation = page.getByRole('region', { name: /per consultation: Stakeholder group$/ });
	await expect(perConsultation.getByRole('row', { name: /^Private sector/ })).not.toContainText(/[1-9]\d* \(/);
	await page.getByRole('region', { name: 'Stakeholder group' }).getByRole('link', { name: 'Registered' }).click();
	await expect(page).toHaveURL(/measure=registered/);
	await expect(page.getByRole('region', { name: 'Registered per consultation: Stakeholder group' }).getByRole('row', { name: /^Private sector/ })).toContainText(/[1-9]\d* \(/);

	const csv = await (await page.request.get('/staff/processes/asia-pacific-regional-review/dashboard/export.csv')).text();
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	expect(csv).toContain('Dimension,Group,Consultation,Network people');
	expect(csv).toMatch(/category,Private sector,All consultations,\d*,[\d.]*,\d*,[\d.]*,\d*,[\d.]*,0,0,,never-attended/);
	// Counts under k = 3 never leave the staff area as figures.
	const rows = parse(csv.slice(1)) as string[][];
	const counts = rows.slice(1).flatMap((r) => [r[3], r[5], r[7], r[9]]);
	expect(counts.filter((c) => c === '1' || c === '2')).toEqual([]);
	// Small groups are merged into an "Other groups" row, as in the public statistics.
	expect(rows.some((r) => r[1].startsWith('Other groups'))).toBe(true);
});
