import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

const SLUG = 'evidence-and-cooperation'; // a past demo consultation no other journey reports on

test('an organizer edits the draft report: a split and an insertion; the new version shows its changes, and a stale edit is refused', async ({ page, browser }) => {
	await signInAsStaff(page, 'organizer@convene.example');
	await page.goto(`/staff/consultations/${SLUG}/report`);
	await page.getByRole('button', { name: 'Generate a new draft' }).click();
	await expect(page.getByRole('heading', { name: /^Privacy check of version \d+$/ })).toBeVisible();
	await page.getByRole('link', { name: 'Edit the latest version' }).click();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(page);
	const heading = await page.getByRole('heading', { level: 1 }).innerText();
	const from = Number(/version (\d+)/.exec(heading)![1]);

	// A second organizer opens the same version at the same time.
	const other = await (await browser.newContext()).newPage();
	await signInAsStaff(other, 'admin@convene.example');
	await other.goto(`/staff/consultations/${SLUG}/report/edit`);
	await other.waitForSelector('body[data-hydrated="true"]');

	const block2 = page.locator('fieldset.report-block').nth(2); // the first numbered paragraph
	const original = await block2.getByLabel('Text').inputValue();
	await block2.getByLabel('Text').fill(`${original}\n\nA second paragraph split from the first.`);
	await block2.getByText('Add a paragraph after this block').click();
	await block2.getByLabel('New paragraph').fill('An inserted paragraph: 5 countries spoke, 47% of them on October 21, 2026.');
	await page.getByLabel('What changed (shown in the list of versions)').fill('Split and insertion.');
	await page.getByRole('button', { name: `Save as version ${from + 1}` }).click();
	await expect(page.getByRole('status')).toHaveText('Saved as a new version.');
	await expect(page.getByRole('heading', { name: `Changes from version ${from}` })).toBeVisible();
	await expect(page.locator('.diff ins').filter({ hasText: 'A second paragraph split from the first.' })).toHaveCount(1);
	await expect(page.locator('.diff ins').filter({ hasText: 'An inserted paragraph:' })).toHaveCount(1);
	// The UN editorial checks warn about each mistake of the inserted paragraph, citing it.
	const inserted = await page.locator('article.report p.numbered', { hasText: 'An inserted paragraph:' }).innerText();
	const n = /^(\d+)\./.exec(inserted)![1];
	await expect(page.getByRole('heading', { name: 'Editorial checks (United Nations Editorial Manual)' })).toBeVisible();
	await expect(page.locator('ul.editorial li', { hasText: `Para. ${n}:` })).toHaveText([
		`Para. ${n}: write “5” in words (one to nine).`,
		`Para. ${n}: “47%”: write “per cent” in text; the symbol % only in tables.`,
		`Para. ${n}: “October 21, 2026”: write dates as 21 October 2026.`
	]);
	await expect(page.getByText(/This version has [\d,]+ words; the limit for a Secretariat report is 8,500\./)).toBeVisible();
	await expect(page.locator('article.report p.numbered', { hasText: 'A second paragraph split from the first.' })).toContainText(/^\d+\./);
	await expectNoSeriousA11yViolations(page);

	// The second organizer saves what they opened: refused, their text kept.
	const theirs = other.locator('fieldset.report-block').nth(2).getByLabel('Text');
	await theirs.fill('A competing edit.');
	await other.getByRole('button', { name: `Save as version ${from + 1}` }).click();
	await expect(other.getByRole('alert')).toContainText(`Version ${from + 1} was saved by someone else while you edited. Nothing was overwritten`);
	await expect(other.locator('fieldset.report-block').nth(2).getByLabel('Text')).toHaveValue('A competing edit.');
});
