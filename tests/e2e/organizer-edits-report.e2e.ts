import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';
import fs from 'node:fs';
import { readReportDocx } from '../../src/lib/server/imports/read-docx';
import { editLikeWord, uniquePiece } from '../support/word-edits';

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

test('an organizer downloads the draft for Word, uploads the edited copy, reviews the diff, tracked changes and comments, saves it, and the published report shows the edit', async ({ page, browser }) => {
	test.slow(); // two browsers, a file round trip, axe three times
	await signInAsStaff(page, 'organizer@convene.example');
	await page.goto(`/staff/consultations/${SLUG}/report`);
	await page.getByRole('button', { name: 'Generate a new draft' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: /^Download version \d+ for Word \(\.docx\)$/ }).click();
	const file = new Uint8Array(fs.readFileSync((await (await download).path())!));
	const { blocks } = await readReportDocx(file);
	const [first, second] = blocks.flatMap((b, i) => (b.kind === 'paragraph' ? [i] : [])).slice(3, 5);
	const changed = uniquePiece(blocks, first);
	const edited = await editLikeWord(file, [
		{ replace: changed, with: 'wording agreed in Word' },
		{ addFootnoteTo: uniquePiece(blocks, second), text: 'See the Regional Review report, para. 4.' },
		{ trackedInsertion: ' Participants confirmed this by email.', after: uniquePiece(blocks, second), author: 'Reviewer A' },
		{ commentOn: uniquePiece(blocks, second), author: 'Reviewer B', text: 'Please check with the legal team.' }
	]);

	await page.getByRole('link', { name: 'Upload a version edited in Word' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Upload a version edited in Word: /);
	await expectNoSeriousA11yViolations(page);
	// A PDF first: refused with its reason, nothing read.
	await page.getByLabel('Word file (.docx)').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 not a report') });
	await page.getByRole('button', { name: 'Read the file' }).click();
	await expect(page.getByRole('alert')).toContainText('This is a PDF, which cannot be read back into a version.');

	await page.getByLabel('Word file (.docx)').setInputFiles({ name: 'report-edited.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(edited) });
	await page.getByRole('button', { name: 'Read the file' }).click();
	const review = page.getByRole('heading', { name: /^What the file changes in version \d+$/ });
	await expect(review).toBeVisible();
	const from = Number(/(\d+)$/.exec(await review.innerText())![1]);
	await expect(page.getByRole('status')).toHaveText(`Nothing is saved yet: check the changes below, then save them as version ${from + 1}.`);
	await expect(page.locator('.diff ins').filter({ hasText: 'wording agreed in Word' })).toHaveCount(1);
	await expect(page.locator('.diff del').filter({ hasText: changed.split(' ')[0] })).not.toHaveCount(0);
	await expect(page.locator('.diff ins').filter({ hasText: 'Participants confirmed this by email.' })).toHaveCount(1);
	await expect(page.getByRole('heading', { name: 'Editorial checks (United Nations Editorial Manual)', level: 3 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Tracked changes, accepted as shown (1)' })).toBeVisible();
	await expect(page.getByText(/^Reviewer A inserted “Participants confirmed this by email\.” in paragraph \d+$/)).toBeVisible();
	await expect(page.getByText(/^Reviewer B on paragraph \d+: Please check with the legal team\.$/)).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('button', { name: `Save as version ${from + 1}` }).click();
	await expect(page.getByRole('status')).toHaveText('Saved as a new version.');
	await expect(page.getByRole('heading', { name: `Changes from version ${from}` })).toBeVisible();
	await expect(page.locator('article.report')).toContainText('wording agreed in Word');
	await expect(page.locator('table td', { hasText: 'Edited in Word (report-edited.docx)' })).toHaveCount(1);

	await page.getByLabel('I have read the comments and the findings, and want to publish this version').check();
	await page.getByRole('button', { name: `Publish version ${from + 1}` }).click();
	await expect(page.getByRole('status')).toContainText(`Version ${from + 1} is published.`);
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(`/reports/${SLUG}`);
	await expect(visitor.locator('p.numbered', { hasText: 'wording agreed in Word' })).toHaveCount(1);
	await expect(visitor.locator('p.numbered', { hasText: 'Participants confirmed this by email.' })).toHaveCount(1);
	await expect(visitor.getByText('See the Regional Review report, para. 4.')).toBeVisible();
	await expect(visitor.getByText('Please check with the legal team.')).toHaveCount(0); // Word comments are not published
});
