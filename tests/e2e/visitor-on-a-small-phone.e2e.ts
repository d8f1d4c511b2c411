import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sidewaysOverflow } from './screens';

// A stakeholder on a small phone: every public page fits the screen (no sideways scrolling; wide
// tables scroll in their own box), passes axe with WCAG 2.2's target size, and the registration
// form's radio buttons and checkboxes sit beside their labels with a row tall enough to tap.

const PUBLIC_PAGES = [
	'/',
	'/consultations/voluntary-regular-safe-orderly',
	'/consultations/voluntary-regular-safe-orderly/register',
	'/reports',
	'/reports/local-and-regional-authorities',
	'/processes/asia-pacific-regional-review',
	'/practices',
	'/sign-in',
	'/fr/consultations/voluntary-regular-safe-orderly/register',
	// Long Russian words and Chinese text without spaces wrap too.
	'/ru/consultations/voluntary-regular-safe-orderly',
	'/ru/consultations/voluntary-regular-safe-orderly/register',
	'/ru/practices',
	'/zh/consultations/voluntary-regular-safe-orderly/register',
	'/zh/reports/local-and-regional-authorities',
	// Filters whose options are long (objective and addressee names) stay within the screen.
	'/processes/asia-pacific-regional-review/recommendations',
	'/fr/processes/asia-pacific-regional-review/recommendations',
	'/ru/processes/asia-pacific-regional-review/recommendations',
	'/processes/asia-pacific-regional-review/commitments',
	'/processes/asia-pacific-regional-review/inputs',
	'/processes/asia-pacific-regional-review/inputs/new',
	'/practices/new',
	'/reports/local-and-regional-authorities/v/1'
];

/** Detail pages reached from lists: the first practice and the first recommendation. */
async function detailPages(page: import('@playwright/test').Page): Promise<string[]> {
	const found: string[] = [];
	for (const [list, pattern] of [
		['/practices', /^\/practices\/[0-9a-f-]{36}$/],
		['/processes/asia-pacific-regional-review/recommendations', /^\/processes\/asia-pacific-regional-review\/recommendations\/[^/?#]+$/]
	] as const) {
		await page.goto(list);
		const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const detail = hrefs.find((h) => pattern.test(h));
		expect(detail, `a detail page linked from ${list}`).toBeTruthy();
		found.push(detail!);
	}
	return found;
}

for (const width of [320, 390]) {
	test(`every public page fits a ${width} px screen and passes axe (WCAG 2.2 AA)`, async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width, height: 740 } });
		const page = await context.newPage();
		try {
			for (const path of [...PUBLIC_PAGES, ...(await detailPages(page))]) {
				const response = await page.goto(path);
				expect(response?.status(), path).toBe(200);
				expect(await sidewaysOverflow(page), `${path} at ${width} px`).toEqual([]);
				const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
				const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
				expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `${path} at ${width} px`).toEqual([]);
			}
		} finally {
			await context.close();
		}
	});
}

test('on the registration form each radio button and checkbox sits beside its label, in a row at least 44 px high', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 320, height: 740 } });
	const page = await context.newPage();
	try {
		await page.goto('/consultations/voluntary-regular-safe-orderly/register');
		const rows = await page.evaluate(() =>
			[...document.querySelectorAll('label.check')].map((label) => {
				const input = label.querySelector('input')!.getBoundingClientRect();
				const text = document.createRange();
				text.selectNodeContents(label);
				text.setStartAfter(label.querySelector('input')!);
				const words = text.getClientRects()[0];
				const row = label.getBoundingClientRect();
				return {
					label: (label.textContent ?? '').trim().slice(0, 40),
					isBeside: words ? input.right <= words.left + 1 && input.top < words.bottom && input.bottom > words.top : false,
					rowHeight: row.height,
					inputSize: Math.min(input.width, input.height)
				};
			})
		);
		expect(rows.length).toBeGreaterThan(8); // genders, languages, consents
		expect(rows.filter((r) => !r.isBeside).map((r) => r.label)).toEqual([]);
		expect(rows.filter((r) => r.rowHeight < 44).map((r) => `${r.label}: ${r.rowHeight} px`)).toEqual([]);
		expect(rows.filter((r) => r.inputSize < 20).map((r) => r.label)).toEqual([]);
		// Consents are written to the person filling the form, in the first person.
		await expect(page.getByLabel('I agree to be contacted about future consultations')).toBeVisible();
		await expect(page.getByLabel('I agree to be named in the list of participants')).toBeVisible();
	} finally {
		await context.close();
	}
});
