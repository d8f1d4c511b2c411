import { expect, test } from '@playwright/test';

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
