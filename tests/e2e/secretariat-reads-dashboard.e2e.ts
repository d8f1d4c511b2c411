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
	await expect(page.getByRole('row', { name: /^Private sector \d+ \([\d.]+ %\) .* 0 \(0 %\) never attended$/ })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	const csv = await (await page.request.get(page.url().replace(/\/dashboard$/, '/dashboard/export.csv'))).text();
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	expect(csv).toContain('Dimension,Group,Consultation,Network people');
	expect(csv).toMatch(/category,Private sector,All consultations,\d+,[\d.]+,\d+,[\d.]+,(\d+|<3),[\d.]*,0,0,,never-attended/);
	// Counts under k = 3 never leave the staff area as figures.
	const rows = parse(csv.slice(1)) as string[][];
	const counts = rows.slice(1).flatMap((r) => [r[3], r[5], r[7], r[9]]);
	expect(counts.filter((c) => c === '1' || c === '2')).toEqual([]);
	expect(counts).toContain('<3');
});
