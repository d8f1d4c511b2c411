import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

// A reader in New York must still see the meeting in Bangkok time: the page is about the meeting.
test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

test('a visitor sees the six demo consultations on the home page', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Consultations' })).toBeVisible();
	const upcoming = page.locator('section[aria-labelledby="upcoming"] li.card');
	const past = page.locator('section[aria-labelledby="past"] li.card');
	// The six demo consultations (other journeys may add their own).
	for (const title of ['Ensuring that migration is voluntary, regular, safe and orderly', 'Protecting migrants through human rights-based border governance']) {
		await expect(upcoming.filter({ hasText: title })).toHaveCount(1);
	}
	for (const title of ["Supporting migrants' inclusion", 'Strengthening evidence-based policymaking', 'Consultation with parliamentarians', 'Consultation with local and regional authorities']) {
		await expect(past.filter({ hasText: title })).toHaveCount(1);
	}
	await expect(page.getByRole('link', { name: 'Ensuring that migration is voluntary, regular, safe and orderly' })).toBeVisible();
	await expect(upcoming.filter({ hasText: 'voluntary, regular' })).toContainText(/Registration open until \w+day, \d+ \w+ \d{4}, 24:00 Indochina Time/);
	await expectNoSeriousA11yViolations(page);
});

test('a visitor reads the parliamentarians concept note with its agenda in Bangkok time', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: /Consultation with parliamentarians/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Consultation with parliamentarians/);
	await expect(page.getByText('11:00–14:00 Indochina Time')).toBeVisible();
	const rows = page.locator('table.agenda tr');
	await expect(rows).toHaveCount(5);
	await expect(rows.first().locator('td.time')).toHaveText('11:00–11:15');
	await expect(rows.last().locator('td.time')).toHaveText('13:55–14:00');
	await expect(page.getByText(/Moderator: /).first()).toBeVisible();
	await expect(page.getByText('Guiding questions').first()).toBeVisible();
	await expect(page.getByText(/Hon\. .+, Member of Parliament, /).first()).toBeVisible();
	await expect(page.getByText('Objective 6: Facilitate fair and ethical recruitment', { exact: false })).toBeVisible();
	await expect(page.getByText(/Chatham House Rule/).first()).toBeVisible();
	// The meeting link goes only to selected participants, never on the public page.
	await expect(page.locator('a[href*="meet.example.org"]')).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);
});

test('a visitor switches to French and keeps the page', async ({ page }) => {
	await page.goto('/consultations/parliamentarians');
	await page.getByRole('link', { name: 'Français' }).click();
	await expect(page).toHaveURL(/\/fr\/consultations\/parliamentarians$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { name: 'Ordre du jour' })).toBeVisible();
	await expect(page.getByText(/11:00–14:00 heure d’Indochine/)).toBeVisible();
	await expectNoSeriousA11yViolations(page);
});

test('an unknown consultation answers 404 with a message', async ({ page }) => {
	const response = await page.goto('/consultations/does-not-exist');
	expect(response?.status()).toBe(404);
	await expect(page.getByText('This consultation does not exist or is not published.')).toBeVisible();
});

test('a page that does not exist says so in the reader’s language, without SvelteKit’s English', async ({ page }) => {
	for (const path of ['/ru/practices/00000000-0000-0000-0000-000000000000', '/zh/no-such-page', '/fr/consultations/does-not-exist/register']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.locator('main')).not.toContainText(/Not Found|Error: 404|Internal Error/);
	}
	await page.goto('/ru/practices/00000000-0000-0000-0000-000000000000');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
});

test('published reports are dated in words, in the reader’s language, and French links stay French', async ({ page }) => {
	await page.goto('/reports');
	await expect(page.getByText(/Version \d+, published \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/).first()).toBeVisible();
	await page.goto('/fr/reports');
	await expect(page.getByText(/Version \d+, publiée le \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/).first()).toBeVisible();
	const links = await page.locator('main a[href*="/reports/"]:not([href$=".xml"])').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	expect(links.length).toBeGreaterThan(0);
	expect(links.filter((href) => !href.startsWith('/fr/reports/'))).toEqual([]);
	await page.goto(links[0]);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByText(/publiée le \d{1,2} [a-zéû]+ \d{4}/).first()).toBeVisible();
	expect((await page.locator('main a[href*="/v/"]:not([download])').first().getAttribute('href')) ?? '').toMatch(/^\/fr\/reports\//);
});

test('the Atom feed link opens the feed with JavaScript on, on a phone, and /favicon.ico is an icon', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto('/reports');
	await page.waitForSelector('body[data-hydrated="true"]');
	const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/reports/feed.xml')), page.getByRole('link', { name: /Atom/ }).click()]);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toMatch(/atom\+xml/);
	expect(await response.text()).toContain('<feed');
	const icon = await page.request.get('/favicon.ico');
	expect(icon.status()).toBe(200);
	expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test('a normal visit on a phone, following links with JavaScript on, asks for nothing that is not there (no 404 in the log) and passes axe', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
	const page = await context.newPage();
	const failed: string[] = [];
	page.on('response', (r) => {
		if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
	});
	await page.goto('/');
	await page.waitForSelector('body[data-hydrated="true"]');
	// Through the client router: a consultation, its registration form, the reports, one report, and back.
	await page.locator('main a[href^="/consultations/"]').first().click();
	await page.waitForURL(/\/consultations\/[^/]+$/);
	await expectNoSeriousA11yViolations(page);
	const register = page.locator('main a[href$="/register"]').first();
	if (await register.count()) {
		await register.click();
		await page.waitForURL(/\/register$/);
	}
	await page.goto('/reports');
	await page.waitForSelector('body[data-hydrated="true"]');
	await page.locator('main a[href^="/reports/"]:not([href$=".xml"])').first().click();
	await page.waitForURL(/\/reports\/[^/]+$/);
	await expectNoSeriousA11yViolations(page);
	await page.goBack();
	await page.getByRole('link', { name: /Atom/ }).click();
	await page.waitForURL(/feed\.xml$/);
	expect(failed).toEqual([]);
	await context.close();
});
