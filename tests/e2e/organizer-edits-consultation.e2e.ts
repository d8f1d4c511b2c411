import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

test('an organizer drafts a consultation in Apia time, it stays hidden until published, then shows with its times', async ({ page, browser }) => {
	await signInAsStaff(page, 'organizer@convene.example');
	await page.goto('/staff/consultations/new/edit');
	await page.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(page);
	const slug = `pacific-dialogue-${Date.now()}`;
	await page.getByLabel('Title', { exact: true }).fill('Pacific dialogue on climate mobility');
	await page.getByLabel('Web address (letters, digits and hyphens)').fill(slug);
	await page.getByLabel('Time zone of the meeting (IANA, e.g. Asia/Bangkok)').fill('Pacific/Apia');
	await page.getByLabel('Date', { exact: true }).fill('2027-03-04');
	await page.getByLabel('Start (in that zone)').fill('09:00');
	await page.getByLabel('End', { exact: true }).fill('08:00');
	await page.locator('input[name=objectives][value="2"]').check();
	await page.locator('select[name=leadAgencyIds]').selectOption({ label: 'Regional Network on Migration for Asia and the Pacific (secretariat) (TH)' });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#endTime-error')).toHaveText('The end must be after the start.');
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Pacific dialogue on climate mobility'); // nothing typed is lost
	await page.getByLabel('End', { exact: true }).fill('12:00');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');

	const visitor = await (await browser.newContext()).newPage();
	expect((await visitor.goto(`/consultations/${slug}`))?.status()).toBe(404); // a draft is not public

	await page.locator('select[name=status]').selectOption('published');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await visitor.goto(`/consultations/${slug}`);
	await expect(visitor.getByText('09:00–12:00')).toBeVisible();
	await expect(visitor.getByText('Objective 2: Minimize the adverse drivers', { exact: false })).toBeVisible();
	await expect(visitor.getByText('Regional Network on Migration for Asia and the Pacific (secretariat)')).toBeVisible();
	await visitor.context().close();
});
