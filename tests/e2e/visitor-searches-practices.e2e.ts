import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });
	test('a visitor searches the good practices by words and filters; unmoderated submissions stay hidden', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Good practices' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Good practices');
		// Seven demo practices are published (other journeys may publish more); the eighth awaits moderation.
		const all = Number(/^(\d+) practices found\.$/.exec((await page.getByRole('status').innerText()).trim())?.[1]);
		expect(all).toBeGreaterThanOrEqual(7);
		await expect(page.locator('li.practice h2')).toHaveCount(all);
		await expect(page.locator('li.practice h2', { hasText: 'Anti-trafficking hotline' })).toHaveCount(0);
		await page.getByLabel('Words to look for').fill('anti-trafficking hotline seven languages');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page.getByRole('status')).toHaveText('0 practices found.');
		await page.getByLabel('Words to look for').fill('recruitment fee');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page.locator('li.practice h2')).toHaveText(['Zero recruitment fees for domestic workers']);
		await page.getByLabel('Words to look for').fill('');
		await page.getByLabel('GCM objective').selectOption({ label: '6. Recruitment and decent work' });
		await page.getByRole('button', { name: 'Search' }).click();
		for (const title of ['Zero recruitment fees for domestic workers', 'Skills passports for construction workers', 'Parliamentary hearings on labour migration agreements']) {
			await expect(page.locator('li.practice h2', { hasText: title })).toHaveCount(1);
		}
		await expect(page.locator('li.practice h2', { hasText: 'Anti-trafficking hotline' })).toHaveCount(0);
	});
});

test('the practices page passes an accessibility scan', async ({ page }) => {
	await page.goto('/practices?q=remittances');
	await expect(page.locator('li.practice h2')).toHaveText(['Cheaper remittances through mobile wallets']);
	await expectNoSeriousA11yViolations(page);
});
