import { expect, test } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../../playwright.config';

// Stakeholders on slow phones may have JavaScript off or not yet loaded: every page and form works.
test.use({ javaScriptEnabled: false });

test('without JavaScript, a visitor browses to a concept note and staff sign in through the plain form', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Protecting migrants through human rights-based border governance' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protecting migrants through human rights-based border governance');
	await expect(page.getByText('Registration closed').first()).toBeVisible();
	await page.getByRole('link', { name: 'Staff' }).click();
	await page.getByLabel('Email').fill('admin@convene.example');
	await page.getByLabel('Password').fill('wrong-password-here');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.');
	await expect(page.getByLabel('Email')).toHaveValue('admin@convene.example'); // nothing typed is lost
	await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Staff area' })).toBeVisible();
});
