import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

test('an organizer adds a timed agenda item with guiding questions and uploads a document, both on the public page', async ({ page }) => {
	await signInAsStaff(page, 'organizer@convene.example');
	await page.goto('/staff/consultations/voluntary-regular-safe-orderly/agenda');
	await page.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(page);
	const add = page.locator('form.agenda-item').last();
	const title = `Regional perspectives ${Date.now()}`;
	await add.getByLabel('Title').fill(title);
	await add.locator('input[name=startTime]').fill('10:00'); // before the meeting: refused
	await add.locator('input[name=endTime]').fill('10:30');
	await add.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText("The item must lie within the meeting's start and end.")).toBeVisible();
	await page.waitForSelector('body[data-hydrated="true"]'); // hydration would reset what is typed before it
	const again = page.locator('form.agenda-item').last();
	await again.getByLabel('Title').fill(title);
	await again.locator('input[name=startTime]').fill('13:40');
	await again.locator('input[name=endTime]').fill('13:50');
	await again.getByLabel('Guiding questions (one per line)').fill('Which practices travelled across borders?');
	await again.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Agenda saved.');
	await page.waitForSelector('body[data-hydrated="true"]');

	const upload = page.locator('form[action="?/addFile"]');
	await upload.getByLabel('Title').fill('Draft programme');
	await upload.getByLabel('File').setInputFiles({ name: 'programme.txt', mimeType: 'text/plain', buffer: Buffer.from('Programme of the consultation') });
	await upload.getByRole('button', { name: 'Add' }).click();
	await expect(page.getByRole('status')).toHaveText('Agenda saved.');

	await page.goto('/consultations/voluntary-regular-safe-orderly');
	const row = page.locator('table.agenda tr', { hasText: title });
	await expect(row.locator('td.time')).toHaveText('13:40–13:50');
	await expect(row).toContainText('Which practices travelled across borders?');
	const download = await page.request.get(await page.getByRole('link', { name: 'Draft programme' }).getAttribute('href') ?? '');
	expect(await download.text()).toBe('Programme of the consultation');
});
