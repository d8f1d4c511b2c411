import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

const SLUG = 'parliamentarians';

test('an organizer generates the draft report, sees the privacy check, publishes it, and the public finds it in HTML, DOCX and the feed', async ({ page, browser }) => {
	await signInAsStaff(page, 'organizer@convene.example');
	await page.goto(`/staff/consultations/${SLUG}/report`);
	await page.waitForSelector('body[data-hydrated="true"]');
	await page.getByRole('button', { name: 'Generate a new draft' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Version \d+ was generated from the notes, the attendance and the agenda, as a draft\.$/);
	await expect(page.getByRole('heading', { name: /^Privacy check of version \d+$/ })).toBeVisible();
	await expect(page.getByText('The privacy core finds no name, contact or description that singles out a protected participant.')).toBeVisible();
	await expect(page.locator('article.report h2').first()).toHaveText('Summary report: Consultation with parliamentarians on the implementation of the Global Compact for Migration');
	await expectNoSeriousA11yViolations(page);
	// Publishing is asked first: posted without the tick, the version stays a draft.
	const versionId = await page.locator('form[action="?/publish"] input[name="versionId"]').inputValue();
	const unticked = await page.request.post(`${new URL(page.url()).pathname}?/publish`, { form: { versionId }, headers: { origin: new URL(page.url()).origin, accept: 'text/html' } });
	expect(unticked.status()).toBe(400);
	expect(await unticked.text()).toContain('Tick the box to confirm first; nothing was changed.');
	await page.reload();
	await expect(page.getByRole('button', { name: /^Publish version \d+$/ })).toBeVisible();
	await page.getByLabel('Note shown with the published version').fill('First publication after the comment period.');
	await page.getByLabel('I have read the comments and the findings, and want to publish this version').check();
	await page.getByRole('button', { name: /^Publish version \d+$/ }).click();
	await expect(page.getByRole('status')).toContainText(/Version \d+ is published\./);

	// The public, signed in as nobody.
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/reports');
	await visitor.getByRole('link', { name: /Summary report: Consultation with parliamentarians/ }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(/^Summary report: Consultation with parliamentarians/);
	await expect(visitor.getByRole('heading', { name: 'I. Background', exact: true })).toBeVisible();
	await expect(visitor.locator('p.numbered').first()).toContainText('1.');
	await expect(visitor.getByText('First publication after the comment period.')).toBeVisible();
	await expectNoSeriousA11yViolations(visitor);

	const docxHref = await visitor.getByRole('link', { name: 'Word (DOCX)' }).getAttribute('href');
	const docx = await visitor.request.get(docxHref!);
	expect(docx.headers()['content-type']).toContain('wordprocessingml');
	const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await docx.body()) });
	expect(html).toContain('<h1>I. Background</h1>');
	const pdf = await visitor.request.get(docxHref!.replace('/docx', '/pdf'));
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	const markdown = await (await visitor.request.get(docxHref!.replace('/docx', '/md'))).text();
	expect(markdown).toMatch(/^1\\\. The consultation/m);

	const feed = await (await visitor.request.get('/reports/feed.xml')).text();
	expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
	expect(feed).toContain(`/reports/${SLUG}/v/`);
});
