import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

const SLUG = 'rights-based-border-governance'; // a demo consultation with registrants and no attendance yet

test('staff import a Zoom report, match the unknown row by hand, check someone in, and the statistics follow', async ({ page }) => {
	await signInAsStaff(page);
	await page.goto(`/staff/consultations/${SLUG}/attendance`);
	await page.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(page);
	const names = (await page.locator('table').last().locator('tbody tr td:first-child').allTextContents()).map((n) => n.trim());
	expect(names.length).toBeGreaterThan(3);
	const [first, second, third] = names;

	// A malformed report: told what is wrong, nothing imported.
	const upload = page.locator('form[action="?/import"]');
	await upload.getByLabel('Zoom participant or webinar attendee report (.csv or .xlsx)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Meeting ID,Topic\n1,x\n') });
	await upload.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert')).toContainText('No participant table was found');
	await page.waitForSelector('body[data-hydrated="true"]');

	// The first registrant joined twice under their own name; a guest joined under a nickname.
	const report = [
		'\uFEFFName (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
		`${first},,11/28/2026 10:00:00 AM,11/28/2026 10:40:00 AM,40,Yes`,
		`${first},,11/28/2026 10:50:00 AM,11/28/2026 11:30:00 AM,40,Yes`,
		'Phone user 3,,11/28/2026 10:05:00 AM,11/28/2026 11:00:00 AM,55,Yes'
	].join('\n');
	await page.locator('form[action="?/import"]').getByLabel('Zoom participant or webinar attendee report (.csv or .xlsx)').setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(report) });
	await page.locator('form[action="?/import"]').getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status')).toHaveText('Imported 2 people: 0 matched by email, 1 by name, 1 to match by hand.');
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByRole('heading', { name: 'In the report but not matched (1)' })).toBeVisible();

	await page.getByLabel('Registrant who joined as Phone user 3').selectOption({ label: second });
	await page.getByRole('button', { name: 'Match' }).click();
	await expect(page.getByRole('status')).toHaveText('Matched.');
	await page.waitForSelector('body[data-hydrated="true"]');
	await page.getByRole('button', { name: `Check in ${third}`, exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByRole('button', { name: `Undo the check-in of ${third}` })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	const rows = page.locator('table').last().locator('tbody tr');
	await expect(rows.filter({ hasText: first }).locator('td').nth(3)).toHaveText('80');
	await expect(page.getByText(/^Three participants attended/)).toBeVisible();

	const stats = await (await page.request.get(`/api/v1/consultations/${SLUG}/statistics`)).json();
	expect(stats.attended).toBe('3');
	// No group under k is named: with three attendees, any group smaller than three is merged into
	// "other groups", which itself holds at least three (secondary suppression).
	for (const table of [stats.byCategory, stats.byCountry, stats.bySubregion, stats.byGender]) {
		for (const row of table as { value: string; count: string }[]) expect(Number(row.count) === 0 || Number(row.count) >= 3, `${row.value}: ${row.count}`).toBe(true);
		expect((table as { count: string }[]).reduce((sum, r) => sum + Number(r.count), 0)).toBe(3);
	}
});
