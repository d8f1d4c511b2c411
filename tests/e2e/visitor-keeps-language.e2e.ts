import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import ExcelJS from 'exceljs';

// A reader who chose French, Russian or Chinese stays in it: every link on the public pages leads
// to a page in the same language, except the language switcher itself and files (downloads, feeds,
// calendars, open data), which are not pages.

const PAGES = [
	'',
	'/consultations/voluntary-regular-safe-orderly',
	'/consultations/voluntary-regular-safe-orderly/register',
	'/reports',
	'/reports/local-and-regional-authorities',
	'/processes/asia-pacific-regional-review',
	'/processes/asia-pacific-regional-review/recommendations',
	'/processes/asia-pacific-regional-review/commitments',
	'/processes/asia-pacific-regional-review/inputs',
	'/practices',
	'/sign-in'
];
const NOT_PAGES = /^\/(?:[a-z]{2}\/)?(?:api\/|reports\/feed\.xml$|reports\/[^/]+\/v\/\d+\/download\/|consultations\/[^/]+\/(?:calendar\.ics$|documents\/)|favicon)|\.(?:ics|xml|json|pdf|docx|md|csv|xlsx)$/;

for (const locale of ['fr', 'ru', 'zh']) {
	test(`every link on the ${locale} public pages stays in ${locale}`, async ({ page }) => {
		const strays: string[] = [];
		let checked = 0;
		for (const path of PAGES) {
			const response = await page.goto(`/${locale}${path}`);
			expect(response?.status(), `/${locale}${path}`).toBe(200);
			const links = await page.locator('a[href]:not([hreflang])').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
			for (const href of links) {
				const url = new URL(href, page.url());
				if (url.origin !== new URL(page.url()).origin || href.startsWith('#') || NOT_PAGES.test(url.pathname)) continue;
				checked++;
				if (url.pathname !== `/${locale}` && !url.pathname.startsWith(`/${locale}/`)) strays.push(`/${locale}${path} → ${href}`);
			}
		}
		expect(checked).toBeGreaterThan(100);
		expect(strays).toEqual([]);
	});
}

// Staff too: the staff area in Chinese, followed page to page from its start, never switches back
// to English (which would also change the language their emails are written in).
test('every link on the staff pages, followed from the zh staff area, stays in zh', async ({ page }) => {
	test.slow();
	await signInAsStaff(page);
	const STAFF_NOT_PAGES = /\/(?:download\/|export|attachments\/|api\/)|\/sign-out$/;
	// One page of each kind (the first consultation's registrations stand for all the others').
	const kind = (path: string) => path.replace(/\/(consultations|processes|people|organizations)\/[^/]+/g, '/$1/*').replace(/\/v\/\d+|\/[0-9a-f-]{36}/g, '/#');
	const queue = ['/zh/staff'];
	const seen = new Set(queue.map(kind));
	const strays: string[] = [];
	const english: string[] = [];
	const ENGLISH_NAMES = new Set(['South-East Asia', 'South and South-West Asia', 'Pacific', 'Civil society', 'Trade unions', 'Migrants', 'Academia', 'Private sector', 'Parliamentarians', 'Thailand', 'Nepal', 'Philippines']);
	let visited = 0;
	while (queue.length && visited < 40) {
		const path = queue.shift()!;
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		visited++;
		// The reference data offered in the filters and forms, and listed in tables, is named in Chinese too.
		const options = [...(await page.locator('option').allTextContents()), ...(await page.locator('td, th').allTextContents())];
		english.push(...options.filter((o) => ENGLISH_NAMES.has(o.trim())).map((o) => `${path}: ${o.trim()}`));
		const links = await page.locator('a[href]:not([hreflang])').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		for (const href of links) {
			const url = new URL(href, page.url());
			if (url.origin !== new URL(page.url()).origin || href.startsWith('#') || /^\/(?:[a-z]{2}\/)?api\/|\/sign-out$/.test(url.pathname)) continue;
			// The staff's own files (exports, downloads) are in their language too; public files are not pages.
			if (!url.pathname.includes('/staff/') && NOT_PAGES.test(url.pathname)) continue;
			if (url.pathname !== '/zh' && !url.pathname.startsWith('/zh/')) strays.push(`${path} → ${href}`);
			else if (url.pathname.startsWith('/zh/staff') && !STAFF_NOT_PAGES.test(url.pathname) && !seen.has(kind(url.pathname))) {
				seen.add(kind(url.pathname));
				queue.push(url.pathname);
			}
		}
	}
	console.log(`staff pages visited: ${visited}`);
	expect(visited).toBeGreaterThan(20);
	expect(strays).toEqual([]);
	expect(english).toEqual([]);
});

test('the registrations spreadsheet an organizer downloads from the zh pages is in Chinese', async ({ page }) => {
	await signInAsStaff(page);
	const response = await page.request.get('/zh/staff/consultations/voluntary-regular-safe-orderly/registrations/export');
	expect(response.status()).toBe(200);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[0];
	expect(sheet.name).toBe('登记');
	expect(sheet.getRow(1).getCell(1).text).toBe('提交时间（UTC）');
	const countries = new Set<string>();
	sheet.eachRow((row, n) => {
		if (n > 1) countries.add(row.getCell(6).text);
	});
	expect(countries.size).toBeGreaterThan(1);
	// Country names as Chinese writes them, not the database's English.
	expect([...countries].filter((c) => /[A-Za-z]/.test(c))).toEqual([]);
});

test('a report read on a zh page marks its own words as English, for screen readers', async ({ page }) => {
	await page.goto('/zh/reports/local-and-regional-authorities');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	await expect(page.locator('article.report h1')).toHaveAttribute('lang', 'en');
	expect(await page.locator('article.report [lang="en"] p.numbered').count()).toBeGreaterThan(5);
	// The page's own words around it stay in Chinese.
	await expect(page.locator('article.report p.no-print')).toContainText('下载');
});
