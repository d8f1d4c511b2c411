import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { signInAsStaff } from './sign-in';
import { latestMailTo, signInLinkIn } from './outbox';

const SLUG = 'voluntary-regular-safe-orderly'; // the demo consultation open for registration
const TITLE = 'Ensuring that migration is voluntary, regular, safe and orderly';

async function register(page: Page, stamp: string) {
	await page.goto(`/consultations/${SLUG}/register`);
	await page.waitForSelector('body[data-hydrated="true"]'); // typing before hydration can be lost
	await page.getByLabel('Name *').fill('Sione Vaipulu');
	await page.getByLabel('Email *').fill(`sione-${stamp}@example.org`);
	await page.getByLabel('Or, if it is not in the list, its full name').fill(`Tonga Seasonal Workers Union ${stamp}`);
	await page.locator('select[name=categoryId]').selectOption('migrant-and-diaspora-organizations');
	await page.locator('select[name=countryCode]').selectOption('WS');
	await page.getByLabel('English').check();
	await page.getByLabel('I agree that my registration data is used to organize this consultation *').check();
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page.getByRole('status')).toContainText('your registration was received');
}

test('a registrant corrects their group and country, then offers the place to a colleague, who takes it without JavaScript', async ({ browser }) => {
	const stamp = `${Date.now()}`;
	const holderEmail = `sione-${stamp}@example.org`;
	const colleagueEmail = `mele-${stamp}@example.org`;
	const holderContext = await browser.newContext();
	const holder = await holderContext.newPage();
	await register(holder, stamp);

	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAsStaff(admin);

	// Signed in by link: the registration can still be corrected, since nobody has decided on it.
	await holder.goto('/sign-in');
	await holder.waitForSelector('body[data-hydrated="true"]');
	await holder.getByLabel('Email').fill(holderEmail);
	await holder.getByRole('button', { name: 'Send me a link' }).click();
	await expect(holder.getByRole('status')).toBeVisible();
	await holder.goto(signInLinkIn(await latestMailTo(admin, holderEmail, 'Your sign-in link')));
	await holder.waitForSelector('body[data-hydrated="true"]');
	const card = holder.locator('li.card', { hasText: TITLE });
	await card.getByText('Change your registration').click();
	await card.locator('select[name=categoryId]').selectOption('trade-unions');
	await card.locator('select[name=countryCode]').selectOption('TO');
	await card.getByRole('button', { name: 'Save' }).click();
	await expect(holder.getByRole('status')).toHaveText('Your registration was updated.');
	await holder.waitForSelector('body[data-hydrated="true"]');
	await card.getByText('Change your registration').click();
	await expect(card.locator('select[name=countryCode]')).toHaveValue('TO');
	await expectNoSeriousA11yViolations(holder);
	// Their organization is the one chosen in the picker; a search (a step of the plain form) keeps
	// what was typed in the card and opens it again.
	await expect(card.getByLabel(`Tonga Seasonal Workers Union ${stamp} (WS)`)).toBeChecked();
	await card.getByLabel('Accessibility needs').fill('Large print');
	await card.getByLabel('Find your organization').fill(`seasonal ${stamp}`);
	await card.getByRole('button', { name: 'Search' }).click();
	await expect(card.getByText('Matching organizations: 1')).toBeVisible();
	await expect(card.getByLabel('Accessibility needs')).toHaveValue('Large print');
	await expect(card.getByLabel(`Tonga Seasonal Workers Union ${stamp} (WS)`)).toBeChecked();

	// The registration form, opened while signed in, is filled from the directory record.
	await holder.goto(`/consultations/${SLUG}/register`);
	await expect(holder.getByLabel('Email *')).toHaveValue(holderEmail);
	await expect(holder.locator('select[name=countryCode]')).toHaveValue('TO');

	// The offer: their own email is refused, a colleague's is sent.
	await holder.goto('/me');
	await holder.waitForSelector('body[data-hydrated="true"]');
	await card.getByText('Hand over your place to a colleague').click();
	await card.getByLabel("Your colleague's name").fill('Mele Tupou');
	await card.getByLabel("Your colleague's email").fill(holderEmail);
	await card.getByRole('button', { name: 'Send the offer' }).click();
	await expect(card.getByText("Enter your colleague's email, not your own.")).toBeVisible();
	await holder.waitForSelector('body[data-hydrated="true"]');
	await card.getByLabel("Your colleague's email").fill(colleagueEmail);
	await card.getByRole('button', { name: 'Send the offer' }).click();
	await expect(holder.getByRole('status')).toHaveText('Your colleague has been sent the offer by email. You stay registered until they accept.');

	// The colleague, without JavaScript, completes their registration from the emailed link.
	const mail = await latestMailTo(admin, colleagueEmail, 'A colleague offers you their place');
	const link = /(http\S+\/handover\/\S+)/.exec(mail)?.[1];
	const path = link!.replace(/^http:\/\/[^/]+/, '');
	await admin.goto(path); // opening the link changes nothing (mail scanners follow links)
	await expectNoSeriousA11yViolations(admin);
	const colleagueContext = await browser.newContext({ javaScriptEnabled: false });
	const colleague = await colleagueContext.newPage();
	await colleague.goto(path);
	await expect(colleague.getByRole('heading', { level: 1 })).toHaveText("Take your colleague's place");
	await expect(colleague.getByText(`Tonga Seasonal Workers Union ${stamp}`)).toBeVisible();
	await colleague.getByRole('button', { name: 'Take the place' }).click();
	await expect(colleague.locator('#consentToProcessing-error')).toHaveText('Please agree, or we cannot register you.');
	await colleague.getByLabel('I agree that my registration data is used to organize this consultation').check();
	await colleague.getByRole('button', { name: 'Take the place' }).click();
	await expect(colleague.getByRole('status')).toHaveText('Done: you are registered in your colleague\'s place. We have sent you a confirmation by email.');

	await holder.goto('/me');
	await expect(holder.locator('li.card', { hasText: TITLE })).toContainText('withdrawn');
	for (const context of [holderContext, adminContext, colleagueContext]) await context.close();
});
