import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { signInAsStaff } from './sign-in';
import { latestMailTo } from './outbox';

const SLUG = 'voluntary-regular-safe-orderly'; // the demo consultation open for registration

async function fillRegistration(page: Page, stamp: string) {
	await page.getByLabel('Name *').fill(`Tavita Leota ${stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`);
	await page.getByLabel('Email *').fill(`tavita-${stamp}@example.org`);
	await page.getByLabel('Or, if it is not in the list, its full name').fill(`Pacific Returnees Network ${stamp}`);
	await page.locator('select[name=categoryId]').selectOption('migrant-and-diaspora-organizations');
	await page.locator('select[name=countryCode]').selectOption('WS');
	await page.getByLabel('Prefers not to say').check();
	await page.getByLabel('English').check();
	await page.getByLabel('I agree that my registration data is used to organize this consultation *').check();
}

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });
	test('a stakeholder registers through the plain form, after being told what to correct', async ({ page, browser }) => {
		await page.goto(`/consultations/${SLUG}`);
		await page.getByRole('link', { name: 'Register' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Register: Ensuring that migration');
		// Nothing filled in: a message per field, nothing stored.
		await page.getByRole('button', { name: 'Register' }).click();
		await expect(page.getByRole('alert').first()).toHaveText('Some answers need correcting; nothing was saved.');
		await expect(page.locator('#name-error')).toHaveText('This field is required.');
		await expect(page.locator('#organizationId-error')).toHaveText('Choose your organization from the list, or type its name.');
		await expect(page.locator('#consentToProcessing-error')).toHaveText('Please agree, or we cannot register you.');
		const stamp = `${Date.now()}`;
		await fillRegistration(page, stamp);
		await page.getByLabel('Accessibility needs').fill('<script>alert(1)</script>');
		await page.getByRole('button', { name: 'Register' }).click();
		await expect(page.locator('#accessibilityNeeds-error')).toHaveText('Please remove the HTML or code from this answer.');
		await expect(page.getByLabel('Email *')).toHaveValue(`tavita-${stamp}@example.org`); // nothing typed is lost
		await page.getByLabel('Accessibility needs').fill('Live captions');
		await page.getByRole('button', { name: 'Register' }).click();
		await expect(page.getByRole('status')).toHaveText('Thank you: your registration was received. An email with its details is on its way.');
		// What was registered, what happens next, and where to change it; the email says the same.
		const summary = page.locator('dl.facts');
		await expect(summary).toContainText(`tavita-${stamp}@example.org`);
		await expect(summary).toContainText(`Pacific Returnees Network ${stamp}`);
		await expect(summary).toContainText('Samoa');
		await expect(page.getByText('This is not yet a confirmation of participation')).toBeVisible();
		await expect(page.getByText(/^Registration closes: .*\. Participants are selected after that; you will hear from us by email before the meeting on [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}\.$/)).toBeVisible();
		await expect(page.getByRole('link', { name: 'See, change or withdraw your registration in My registrations' })).toHaveAttribute('href', '/me');
		// Read once: a reload shows no one's details.
		await page.reload();
		await expect(page.locator('dl.facts')).toHaveCount(0);
		// The email says what the page said: what was registered, and when registration closes.
		const admin = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
		await signInAsStaff(admin, 'admin@convene.example');
		const mail = await latestMailTo(admin, `tavita-${stamp}@example.org`, /Registration received: /);
		expect(mail).toContain(`What you registered:\n- Organization: Pacific Returnees Network ${stamp}\n- Stakeholder group: `);
		expect(mail).toContain('\n- Country: Samoa\n');
		expect(mail).toMatch(/\nRegistration closes: .*\. Participants are selected after that; you will hear from us by email before the meeting on [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
	});
});

test.describe('with JavaScript enabled', () => {
	test.use({ timezoneId: 'Pacific/Apia' });
	test('a stakeholder in Samoa sees the time in both zones, registers, and a colleague is told the place is taken', async ({ page, browser }) => {
		await page.goto(`/consultations/${SLUG}`);
		await page.waitForSelector('body[data-hydrated="true"]');
		await expect(page.getByText('11:00–14:00 Indochina Time')).toBeVisible();
		await expect(page.locator('.reader-time')).toContainText('Your time: ');
		await expect(page.locator('.reader-time')).toContainText('17:00'); // 11:00 ICT is 17:00 in Apia (UTC+13)
		await expectNoSeriousA11yViolations(page);
		const ics = await page.request.get(`/consultations/${SLUG}/calendar.ics`);
		expect(await ics.text()).toMatch(/DTSTART:\d{8}T040000Z/);

		await page.getByRole('link', { name: 'Register' }).click();
		await page.waitForSelector('body[data-hydrated="true"]');
		await expectNoSeriousA11yViolations(page);
		const stamp = `${Date.now()}`;
		await fillRegistration(page, stamp);
		await page.getByRole('button', { name: 'Register' }).click();
		await expect(page.getByRole('status')).toHaveText('Thank you: your registration was received. An email with its details is on its way.');

		// A colleague from the same (now existing) organization.
		const colleagueContext = await browser.newContext();
		const colleague = await colleagueContext.newPage();
		await colleague.goto(`/consultations/${SLUG}/register`);
		await colleague.waitForSelector('body[data-hydrated="true"]');
		await fillRegistration(colleague, `${stamp}9`);
		await colleague.getByLabel('Or, if it is not in the list, its full name').fill(`Pacific Returnees Network ${stamp}`);
		await colleague.getByRole('button', { name: 'Register' }).click();
		await expect(colleague.getByRole('alert')).toContainText('Someone from your organization is already registered');
		await colleague.getByRole('button', { name: 'Ask my colleague to hand over the place' }).click();
		await expect(colleague.getByRole('status')).toHaveText('Your colleague has been asked by email. If they agree, you will be registered in their place.');

		// The holder opens the emailed link (read here from the outbox) and hands over the place.
		const adminContext = await browser.newContext();
		const admin = await adminContext.newPage();
		await signInAsStaff(admin);
		const mail = await latestMailTo(admin, `tavita-${stamp}@example.org`, 'A colleague asks for your place');
		const link = /(http\S+\/handover\/\S+)/.exec(mail)?.[1];
		const holderContext = await browser.newContext();
		const holder = await holderContext.newPage();
		await holder.goto(link!.replace(/^http:\/\/[^/]+/, ''));
		await expect(holder.getByText(`tavita-${stamp}9@example.org`)).toBeVisible();
		await expectNoSeriousA11yViolations(holder);
		await holder.getByRole('button', { name: 'Hand over my place' }).click();
		await expect(holder.getByRole('status')).toHaveText('Done: your colleague now holds the place, and your registration is withdrawn.');
		await holder.reload();
		await expect(holder.getByRole('alert')).toContainText('This link is not valid any more');
		for (const context of [colleagueContext, adminContext, holderContext]) await context.close();
	});
});
