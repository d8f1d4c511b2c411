import { expect, test } from '@playwright/test';

const SLUG = 'voluntary-regular-safe-orderly';

// On a slow connection people start typing while the scripts still load. Hydration writes each
// field's server value back; Convene must put back what was typed meanwhile.
test('what a stakeholder types before the page has hydrated is still there afterwards', async ({ page }) => {
	let release!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/nodes/**', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(`/consultations/${SLUG}/register`, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Name *').fill('Sione Vaka');
	await page.getByLabel('Email *').fill('sione@example.org');
	await page.locator('select[name=countryCode]').selectOption('TO');
	await page.getByLabel('English').check();
	await page.getByLabel('Accessibility needs').fill('Large print');
	expect(await page.evaluate(() => document.body.dataset.hydrated)).toBeUndefined();
	release();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByLabel('Name *')).toHaveValue('Sione Vaka');
	await expect(page.getByLabel('Email *')).toHaveValue('sione@example.org');
	await expect(page.locator('select[name=countryCode]')).toHaveValue('TO');
	await expect(page.getByLabel('English')).toBeChecked();
	await expect(page.getByLabel('Accessibility needs')).toHaveValue('Large print');
});
