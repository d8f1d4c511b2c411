import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

test('an admin creates an organization and a person in it, is told what is wrong, and merges a duplicate organization', async ({ page }) => {
	await signInAsStaff(page);
	const stamp = Date.now();

	await page.goto('/staff/directory/organizations/new');
	await page.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Name', { exact: true }).fill(`Harbour Workers Centre ${stamp}`);
	await page.locator('select[name=countryCode]').selectOption({ label: 'Fiji' });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	const keptUrl = page.url();

	await page.goto('/staff/directory/people/new');
	await page.waitForSelector('body[data-hydrated="true"]');
	await page.getByLabel('Name', { exact: true }).fill('Litia Test');
	await page.getByLabel('Email', { exact: true }).fill('litia@localhost');
	await page.locator('select[name=organizationId]').selectOption({ label: `Harbour Workers Centre ${stamp} (FJ)` });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('alert')).toHaveText('Some fields need correcting; nothing was saved.');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Litia Test'); // nothing typed is lost
	await page.getByLabel('Email', { exact: true }).fill(`litia-${stamp}@example.org`);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await expectNoSeriousA11yViolations(page);

	// A duplicate organization, merged into the first one: its name becomes an alias.
	await page.goto('/staff/directory/organizations/new');
	await page.waitForSelector('body[data-hydrated="true"]');
	await page.getByLabel('Name', { exact: true }).fill(`HWC ${stamp}`);
	await page.getByRole('button', { name: 'Save' }).click();
	await page.locator('select[name=keptId]').selectOption({ label: `Harbour Workers Centre ${stamp} (FJ)` });
	await page.getByRole('button', { name: 'Merge' }).click();
	await expect(page.getByRole('status')).toHaveText('The duplicate was merged into this organization.');
	expect(page.url().split('?')[0]).toBe(keptUrl.split('?')[0]);
	await expect(page.getByLabel('Other names (one per line or separated by ;)')).toHaveValue(`HWC ${stamp}`);

	await page.goto(`/staff/directory?q=litia-${stamp}`);
	await expect(page.locator('tbody tr')).toContainText(`Harbour Workers Centre ${stamp}`);
});
