import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

test('a stakeholder signs in with an emailed link and reaches only their own registrations and data', async ({ browser }) => {
	// The admin finds a participant of the parliamentarians consultation in the directory.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAsStaff(admin);
	await admin.goto('/staff/directory?consultation=parliamentarians');
	const firstRow = admin.locator('tbody tr').first();
	const name = (await firstRow.locator('td').nth(0).innerText()).trim();
	const email = (await firstRow.locator('td').nth(1).innerText()).trim();
	expect(email).toMatch(/@example\.org$/);
	const otherName = (await admin.locator('tbody tr').nth(1).locator('td').first().innerText()).trim();
	await expectNoSeriousA11yViolations(admin);

	// The stakeholder asks for a link; the answer does not say whether the address is known.
	// On a phone (390 px), from the first page to signing out.
	const stakeholderContext = await browser.newContext({ viewport: { width: 390, height: 800 } });
	const me = await stakeholderContext.newPage();
	await me.goto('/sign-in');
	await me.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(me);
	await me.getByLabel('Email').fill(email);
	await me.getByRole('button', { name: 'Send me a link' }).click();
	await expect(me.getByRole('status')).toContainText('If this address is in the network, a sign-in link is on its way.');

	// Without SMTP the message is in the outbox, which the admin can read.
	await admin.goto('/staff/outbox');
	const message = admin.locator('li.outbox-message', { hasText: email }).first();
	await expect(message).toContainText('Your sign-in link for Convene');
	const link = /(http\S+magic-link\/verify\S+)/.exec(await message.locator('pre').innerText())?.[1];
	expect(link).toBeDefined();

	await me.goto(link!.replace(/^http:\/\/[^/]+/, ''));
	await expect(me).toHaveURL(/\/me$/);
	await expect(me.getByRole('heading', { level: 1 })).toHaveText('My registrations and data');
	await expect(me.getByText(name, { exact: true })).toBeVisible();
	await expect(me.getByRole('link', { name: /Consultation with parliamentarians/ })).toBeVisible();
	await expect(me.getByText(otherName, { exact: true })).toHaveCount(0);
	await expectNoSeriousA11yViolations(me);

	// Consents are the person's to change.
	await me.getByLabel('I agree to be named in the list of participants').uncheck();
	await me.getByRole('button', { name: 'Save my choices' }).click();
	await expect(me.getByRole('status')).toHaveText('Your choices were saved.');
	await expect(me.getByLabel('I agree to be named in the list of participants')).not.toBeChecked();

	const data = await (await me.request.get('/me/data.json')).json();
	expect(data.person.consentToList).toBe(false);
	expect(data.person.email).toBe(email);
	expect(data.registrations.length).toBeGreaterThan(0);
	expect(JSON.stringify(data)).not.toContain(otherName);

	// A stakeholder is not staff.
	await me.goto('/staff/directory');
	await expect(me).toHaveURL(/\/staff\/sign-in$/);

	// On a shared computer: signing out is one button on every page, and says what it did.
	await me.goto('/me');
	await me.getByRole('button', { name: 'Sign out' }).click();
	await expect(me).toHaveURL(/\/sign-in\?signedOut=1$/);
	await expect(me.getByRole('status')).toHaveText('You are signed out. On a shared computer, close the browser window too.');
	await expectNoSeriousA11yViolations(me);
	await me.goto('/me');
	await expect(me).toHaveURL(/\/sign-in$/);
	// The same link a second time explains itself, and keeps where it was going.
	await me.goto(link!.replace(/^http:\/\/[^/]+/, ''));
	await expect(me).toHaveURL(/\/sign-in\?next=%2Fme&error=/);
	await expect(me.getByRole('alert')).toHaveText(/This sign-in link has already been used or has expired/);
	await expect(me.locator('input[name=next]')).toHaveValue('/me');
	await expectNoSeriousA11yViolations(me);
	await adminContext.close();
	await stakeholderContext.close();
});

test('an admin imports people from a CSV after seeing every problem row', async ({ page }) => {
	await signInAsStaff(page);
	await page.goto('/staff/directory/import');
	await page.waitForSelector('body[data-hydrated="true"]');
	const stamp = Date.now();
	const bad = `Name;E-mail;Organisation;Country;Stakeholder group\nNew Person;new-${stamp}@example.org;Imported Org ${stamp};Nepal;NGO\nBroken;broken;;Atlantis;\n`;
	await page.getByLabel('File (.csv or .xlsx)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
	await page.getByRole('button', { name: 'Check the file' }).last().click();
	await expect(page.getByRole('alert')).toContainText('2 problems: nothing was imported.');
	await expect(page.locator('table.problems')).toContainText('“broken” is not an email address');
	await expect(page.locator('table.problems')).toContainText('Unknown country “Atlantis”');
	await expectNoSeriousA11yViolations(page);

	const good = bad.split('\n').slice(0, 2).join('\n') + '\n';
	await page.getByLabel('File (.csv or .xlsx)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
	await page.getByRole('button', { name: 'Check the file' }).last().click();
	await expect(page.getByRole('status').filter({ hasText: 'ready to import' })).toContainText('1 people are ready to import (1 new organizations).');
	await page.getByRole('button', { name: 'Import 1 people' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 1 people and 1 new organizations.');
	await page.goto(`/staff/directory?q=new-${stamp}`);
	await expect(page.locator('tbody tr')).toHaveCount(1);
	await expect(page.locator('tbody tr')).toContainText(`Imported Org ${stamp}`);
});
