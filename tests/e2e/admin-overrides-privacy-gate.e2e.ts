import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

// The privacy gate refuses an agenda text that singles out a group under k; the form keeps what was
// typed and, for an administrator, asks for a written reason; saved with it, the reason is shown
// to the next reviewer on the same page.
test('an administrator saves an agenda text past the privacy gate with a written reason, shown to the next reviewer', async ({ page }) => {
	await signInAsStaff(page);
	await page.goto('/staff/consultations/voluntary-regular-safe-orderly/agenda');
	await page.waitForSelector('body[data-hydrated="true"]');
	const add = page.locator('form.agenda-item').last();
	const title = `Open floor ${Date.now()}`;
	const description = 'A participant from Tuvalu described what recruitment cost her family.';
	await add.getByLabel('Title').fill(title);
	await add.locator('input[name=startTime]').fill('13:30');
	await add.locator('input[name=endTime]').fill('13:35');
	await add.getByLabel('Description').fill(description);
	await add.getByRole('button', { name: 'Save' }).click();

	await expect(page.getByText('The privacy check refuses this text')).toBeVisible();
	await expect(page.getByText(/“A participant from Tuvalu” describes 0 of the people in the room \(Country: Tuvalu\)/)).toBeVisible();
	await page.waitForSelector('body[data-hydrated="true"]');
	const again = page.locator('form.agenda-item').last();
	await expect(again.getByLabel('Title')).toHaveValue(title);
	await expect(again.getByLabel('Description')).toHaveValue(description);
	await expectNoSeriousA11yViolations(page);
	const reason = `The Tuvaluan delegation asked for this wording in writing (${Date.now()}).`;
	await again.getByLabel(/Reason for publishing despite the privacy check/).fill(reason);
	await again.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Agenda saved.');
	await expect(page.getByText(`Reason given: ${reason}`)).toBeVisible();

	await page.goto('/consultations/voluntary-regular-safe-orderly');
	await expect(page.locator('table.agenda tr', { hasText: title })).toContainText(description);
});
