import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

test('the secretariat records a pledge and the countries table; a wrong year is refused and nothing is saved; the public page shows them', async ({ page, browser }) => {
	await signInAsStaff(page);
	await page.getByRole('link', { name: 'Pledges and country commitments' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Pledges and country commitments: /);
	await expectNoSeriousA11yViolations(page);

	await page.getByLabel('Who pledges *').fill('Ministry of Overseas Employment (fictional)');
	await page.locator('select[name="countryCode"]').selectOption({ label: 'Sri Lanka' });
	await page.getByLabel('Commitment *').fill('Publish every bilateral labour agreement within 30 days of signature.');
	await page.getByRole('checkbox', { name: /^6\. / }).check();
	await page.getByRole('button', { name: 'Record the pledge' }).click();
	await expect(page.getByRole('status').first()).toHaveText('Pledge recorded.');

	await page.getByRole('checkbox', { name: 'Champion country: Sri Lanka' }).check();
	await page.getByRole('textbox', { name: 'Voluntary national review (year): Sri Lanka' }).fill('2015');
	await page.getByRole('button', { name: 'Save the countries table' }).click();
	await expect(page.getByRole('alert')).toHaveText('Nothing was saved: correct the fields marked below.');
	await expect(page.locator('#vnr-LK-error')).toHaveText('Enter a year from 2019 to 2100, or leave it empty.');
	await expect(page.getByRole('checkbox', { name: 'Champion country: Sri Lanka' })).toBeChecked(); // what was typed is kept
	await page.getByRole('textbox', { name: 'Voluntary national review (year): Sri Lanka' }).fill('2026');
	await page.getByRole('button', { name: 'Save the countries table' }).click();
	await expect(page.getByRole('status').first()).toContainText('Countries table saved: 5 countries with commitments.');

	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto('/processes/asia-pacific-regional-review');
	await visitor.getByRole('link', { name: 'Pledges and country commitments' }).click();
	await expect(visitor.getByRole('row', { name: 'Sri Lanka yes 2026 None' })).toBeVisible();
	await expect(visitor.getByRole('article').filter({ hasText: 'Ministry of Overseas Employment (fictional) (Sri Lanka)' })).toContainText('Announced');
	const scripted = await (await browser.newContext()).newPage();
	await scripted.goto(visitor.url());
	await expectNoSeriousA11yViolations(scripted);
});
