import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

const PROCESS = 'asia-pacific-regional-review';
const TEXT = 'Local authorities should be included in the national coordination mechanisms on migration.';

async function editedSheet(path: string, edit: (row: ExcelJS.Row) => void): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[0];
	let target: ExcelJS.Row | null = null;
	sheet.eachRow((row) => {
		if (row.getCell(4).text === TEXT) target = row;
	});
	if (!target) throw new Error('recommendation not in the sheet');
	edit(target);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('the secretariat changes a recommendation’s status in Excel, and its public page shows it', async ({ page, browser }) => {
	await signInAsStaff(page);
	await page.getByRole('link', { name: 'Recommendations tracker' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Recommendations tracker: /);
	await expect(page.getByRole('heading', { name: new RegExp(`para\\. \\d+ \\(B\\) · ${TEXT.replace(/\./g, '\\.')}`) })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the sheet (XLSX)' }).click()]);
	expect(download.suggestedFilename()).toBe(`recommendations-${PROCESS}.xlsx`);
	const original = await download.path();

	// A typo in the status: the whole sheet is refused, with the row and column at fault.
	const wrong = await editedSheet(original, (row) => {
		row.getCell(7).value = 'Finished';
	});
	await page.getByLabel('Edited sheet (.xlsx)').setInputFiles({ name: 'recommendations.xlsx', mimeType: 'application/octet-stream', buffer: wrong });
	await page.getByRole('button', { name: 'Upload the edited sheet' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing was changed: correct these rows and upload the sheet again.');
	await expect(page.getByRole('alert')).toContainText(/Row \d+, Status: “Finished” is not a status/);

	const right = await editedSheet(original, (row) => {
		row.getCell(7).value = 'In progress';
		row.getCell(8).value = '2026-11-20';
		row.getCell(9).value = 'The ministry of the interior invited the association of cities to the national coordination mechanism.';
		row.getCell(10).value = 'https://docs.example.org/convene-demo/coordination-mechanism.pdf';
	});
	await page.getByLabel('Edited sheet (.xlsx)').setInputFiles({ name: 'recommendations.xlsx', mimeType: 'application/octet-stream', buffer: right });
	await page.getByRole('button', { name: 'Upload the edited sheet' }).click();
	await expect(page.getByRole('status').first()).toContainText('Sheet read: 1 recommendations changed, 2 follow-up entries added');

	// The public, with no JavaScript at all: process page, filtered tracker, the recommendation's page.
	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto(`/processes/${PROCESS}`);
	await visitor.getByRole('link', { name: 'Recommendations and their follow-up' }).click();
	await visitor.getByLabel('Status').selectOption({ label: 'In progress' });
	await visitor.getByRole('button', { name: 'Show' }).click();
	await expect(visitor).toHaveURL(/status=in-progress/);
	const card = visitor.locator('article.recommendation', { hasText: TEXT });
	await expect(card).toContainText('In progress');
	await card.getByRole('link', { name: 'Link to this recommendation' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(TEXT);
	await expect(visitor.locator('.badge')).toHaveText('In progress');
	await expect(visitor.getByRole('listitem').filter({ hasText: '20 November 2026: The ministry of the interior invited' })).toBeVisible();
	await expect(visitor.getByRole('listitem').filter({ hasText: /^\d{1,2} [A-Z][a-z]+ \d{4}: Status changed from Open to In progress\.$/ })).toBeVisible();
	await expect(visitor.getByRole('link', { name: 'Evidence' })).toHaveAttribute('href', 'https://docs.example.org/convene-demo/coordination-mechanism.pdf');
	// In French, the status change, the date and the paragraph are worded in French (the note
	// a person wrote stays as written).
	const recommendationUrl = visitor.url();
	await visitor.goto(recommendationUrl.replace(/^(https?:\/\/[^/]+)/, '$1/fr'));
	await expect(visitor.getByRole('listitem').filter({ hasText: /^\d{1,2} [a-zéû]+ \d{4}: Statut passé de « Ouverte » à « En cours »\.$/ })).toBeVisible();
	await expect(visitor.getByRole('listitem').filter({ hasText: '20 novembre 2026: The ministry of the interior invited' })).toBeVisible();
	await expect(visitor.getByText(/, par\. \d+ \(B\)$/)).toBeVisible();
	await expect(visitor.getByRole('link', { name: 'Justificatif' })).toHaveCount(1);

	const withScripts = await (await browser.newContext()).newPage();
	await withScripts.goto(recommendationUrl);
	await expect(withScripts.locator('.badge')).toHaveText('In progress');
	await expectNoSeriousA11yViolations(withScripts);
	await withScripts.goto(`/processes/${PROCESS}/recommendations`);
	await expectNoSeriousA11yViolations(withScripts);
});
