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

test('without JavaScript, an admin checks and imports a CSV through the plain forms', async ({ page }) => {
	await page.goto('/staff/sign-in');
	await page.getByLabel('Email').fill('admin@convene.example');
	await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.goto('/staff/directory/import');
	const stamp = Date.now();
	const csv = `Name,Email,Country\nNo Script ${stamp},noscript-${stamp}@example.org,Samoa\n`;
	await page.getByLabel('File (.csv or .xlsx)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: 'Check the file' }).last().click();
	await expect(page.getByRole('status')).toContainText('1 people are ready to import (0 new organizations).');
	await page.getByRole('button', { name: 'Import 1 people' }).click();
	await expect(page.getByRole('status')).toContainText('Imported 1 people and 0 new organizations.');
});
