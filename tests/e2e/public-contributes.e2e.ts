import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

const PROCESS = 'asia-pacific-regional-review';

test('a visitor without JavaScript shares a good practice; after moderation the public finds it', async ({ browser }) => {
	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto('/practices');
	await visitor.getByRole('link', { name: 'Share a good practice' }).click();
	await visitor.getByLabel('Title of the practice *').fill('Harbour legal clinics for fishers');
	await visitor.getByLabel('What was done, by whom, and what changed *').fill('Volunteer lawyers meet fishing crews in harbour to check contracts and help with wage claims.');
	await visitor.getByRole('checkbox', { name: /^6\. / }).check();
	await visitor.getByLabel('Since (year)').fill('2021');
	await visitor.getByLabel('Until (year; empty if ongoing)').fill('2019');
	await visitor.getByLabel('Your name *').fill('Demo Visitor');
	await visitor.getByLabel('Your email *').fill('visitor@example.org');
	await visitor.getByRole('button', { name: 'Send the practice' }).click();
	await expect(visitor.getByRole('alert')).toHaveText('The practice was not sent: please correct the fields marked below.');
	await expect(visitor.locator('#until-error')).toBeVisible();
	await expect(visitor.locator('#consentToProcessing-error')).toHaveText('Please agree, or we cannot register you.');
	// What was typed is still there.
	await expect(visitor.getByLabel('Title of the practice *')).toHaveValue('Harbour legal clinics for fishers');
	await expect(visitor.getByRole('checkbox', { name: /^6\. / })).toBeChecked();
	await visitor.getByLabel('Until (year; empty if ongoing)').fill('');
	await visitor.getByLabel(/I agree that the secretariat keeps my name/).check();
	await visitor.getByRole('button', { name: 'Send the practice' }).click();
	await expect(visitor.getByRole('status')).toHaveText('Thank you. The secretariat will review your practice before it is published.');

	const scripted = await (await browser.newContext()).newPage();
	await scripted.goto('/practices/new');
	await expectNoSeriousA11yViolations(scripted);
	await scripted.goto('/practices?q=harbour+fishers');
	await expect(scripted.getByRole('status')).toHaveText('0 practices found.');

	const staff = await (await browser.newContext()).newPage();
	await signInAsStaff(staff);
	await staff.getByRole('link', { name: 'Moderation' }).click();
	const card = staff.locator('section', { hasText: 'Harbour legal clinics for fishers' });
	await expect(card).toContainText('From Demo Visitor <visitor@example.org>');
	await expectNoSeriousA11yViolations(staff);
	await card.getByRole('button', { name: 'Publish: Harbour legal clinics for fishers' }).click();
	await expect(staff.getByRole('status').first()).toHaveText('Published.');

	await visitor.goto('/practices?q=harbour+fishers');
	await visitor.getByRole('link', { name: 'Harbour legal clinics for fishers' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Harbour legal clinics for fishers');
	await expect(visitor.locator('dl.facts')).toContainText('2021 – ongoing');
	await expect(visitor.locator('body')).not.toContainText('visitor@example.org');
});

test('a stakeholder sends a written input with an attachment; the moderator corrects its tags and publishes it without the author’s name', async ({ browser }) => {
	const author = await (await browser.newContext()).newPage();
	await author.goto('/consultations/parliamentarians');
	await author.getByRole('link', { name: 'Send a written input to this consultation' }).click();
	await author.waitForSelector('body[data-hydrated="true"]');
	await expect(author.getByRole('heading', { level: 1 })).toHaveText(/^Written input to: Consultation with parliamentarians/);
	await expectNoSeriousA11yViolations(author);
	await author.getByLabel('Your name *').fill('Demo Author');
	await author.getByLabel('Your email *').fill('author@example.org');
	await author.getByLabel('Title', { exact: true }).fill('Oversight of bilateral labour agreements');
	await author.getByLabel('Your input *').fill('Bilateral labour agreements are rarely published. Parliaments should see them before signature, and recruitment fees should be banned in every agreement.');
	// As the text is typed, objectives are suggested; one click ticks one. (Unticked again here, so
	// that the server suggests the tags after sending, as it does without JavaScript.)
	const suggestion = author.getByRole('button', { name: '6. Recruitment and decent work' });
	await suggestion.click();
	const six = author.getByRole('checkbox', { name: /^6\. / });
	await expect(six).toBeChecked();
	await six.uncheck();
	await author.getByLabel(/^Attachments/).setInputFiles({ name: 'evidence.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ fake program') });
	await author.getByLabel(/I agree that the secretariat keeps my name and email/).check();
	await author.getByRole('button', { name: 'Send the input' }).click();
	await expect(author.locator('#attachments-error')).toHaveText('Attach PDF, Word (.docx), OpenDocument (.odt) or plain text files only.');
	await expect(author.getByLabel('Your input *')).toHaveValue(/^Bilateral labour agreements are rarely published/);
	await author.getByLabel(/^Attachments/).setInputFiles({ name: 'evidence.txt', mimeType: 'text/plain', buffer: Buffer.from('Fictional evidence, one page.') });
	await author.getByRole('button', { name: 'Send the input' }).click();
	await expect(author.getByRole('status')).toContainText('Thank you. Your input was received; it will be published after review.');
	await expect(author.getByRole('status')).toContainText(/Objectives suggested from your text: 6\. Recruitment and decent work; 23\. International cooperation\./);

	const staff = await (await browser.newContext()).newPage();
	await signInAsStaff(staff);
	await staff.goto('/staff/moderation');
	const card = staff.locator('section', { hasText: 'Oversight of bilateral labour agreements' });
	await expect(card).toContainText('Attribution: no');
	const [download] = await Promise.all([staff.waitForEvent('download'), card.getByRole('link', { name: 'Download evidence.txt' }).click()]);
	expect(download.suggestedFilename()).toBe('evidence.txt');
	await expect(card.getByRole('checkbox', { name: /^23\. / })).toBeChecked(); // suggested from the text
	await card.getByRole('checkbox', { name: /^5\. / }).check();
	await card.getByRole('button', { name: 'Publish: Oversight of bilateral labour agreements' }).click();
	await expect(staff.getByRole('status').first()).toHaveText('Published.');

	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto(`/processes/${PROCESS}`);
	await visitor.getByRole('link', { name: 'Written inputs (open call)' }).click();
	const input = visitor.locator('article', { hasText: 'Oversight of bilateral labour agreements' });
	await expect(input).toContainText('Submitted without attribution');
	await expect(input).toContainText(/Objectives: 5\. .*; 6\. Recruitment and decent work; 23\. International cooperation/);
	await expect(input).toContainText('1 attachments kept by the secretariat');
	await expect(visitor.locator('body')).not.toContainText('Demo Author');
});
