import { expect, test } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../../playwright.config';
import { expectNoSeriousA11yViolations } from './axe';

test('staff sign-in refuses a wrong password with a clear message', async ({ page }) => {
	await page.goto('/staff/sign-in');
	await page.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Email').fill('admin@convene.example');
	await page.getByLabel('Password').fill('not-the-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.');
	await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

test('the admin signs in with the printed credentials, sees the staff area and signs out', async ({ page }) => {
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/staff\/sign-in$/); // the staff area needs a session
	await page.waitForSelector('body[data-hydrated="true"]');
	await page.getByLabel('Email').fill('admin@convene.example');
	await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Staff area' })).toBeVisible();
	await expect(page.getByText('role: administrator')).toBeVisible();
	await expect(page.locator('li.card', { hasText: 'Consultation with parliamentarians' })).toHaveCount(1);
	expect(await page.locator('li.card').count()).toBeGreaterThanOrEqual(5); // the demo's five, and any a journey added
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/staff\/sign-in\?signedOut=1$/);
	await expect(page.getByRole('status')).toHaveText('You are signed out. On a shared computer, close the browser window too.');
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/staff\/sign-in$/);
});
