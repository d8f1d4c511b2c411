import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';

test('an admin creates a rapporteur, assigns a consultation, and the rapporteur signs in by link to see only it', async ({ browser }) => {
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAsStaff(admin);
	await admin.goto('/staff/accounts');
	await admin.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(admin);
	const email = `rapporteur-${Date.now()}@example.org`;
	await admin.getByLabel('Name').fill('Field Rapporteur');
	await admin.getByLabel('Email', { exact: true }).fill(email);
	await admin.locator('form[action="?/create"] select[name="role"]').selectOption('rapporteur');
	// Written to in French: the invitation goes out in the language chosen for the account.
	await admin.getByLabel('Language of the emails').selectOption('fr');
	await admin.getByRole('button', { name: 'Create the account' }).click();
	await expect(admin.getByRole('status')).toHaveText(`Account created for ${email}; an invitation is in the outbox.`);

	const assign = admin.locator('form[action="?/assign"]').last();
	await assign.locator('select[name="userId"]').selectOption({ label: email });
	await assign.locator('select[name="consultationId"]').selectOption({ label: 'Supporting migrants\' inclusion and their contribution to sustainable development' });
	await assign.locator('select[name="role"]').selectOption('rapporteur');
	await admin.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(admin.getByRole('status')).toHaveText('Assignment saved.');

	const rapporteurContext = await browser.newContext();
	const rapporteur = await rapporteurContext.newPage();
	await rapporteur.goto('/sign-in');
	await rapporteur.waitForSelector('body[data-hydrated="true"]');
	await rapporteur.getByLabel('Email').fill(email);
	await rapporteur.getByRole('button', { name: 'Send me a link' }).click();
	await expect(rapporteur.getByRole('status')).toBeVisible();
	await admin.goto('/staff/outbox');
	await expect(admin.locator('li.outbox-message', { hasText: 'Votre compte d’équipe Convene' }).filter({ hasText: email })).toContainText('/fr/sign-in');
	const message = admin.locator('li.outbox-message', { hasText: 'Your sign-in link' }).filter({ hasText: email }).first();
	const link = /(http\S+magic-link\/verify\S+)/.exec(await message.locator('pre').innerText())?.[1];
	await rapporteur.goto(link!.replace(/^http:\/\/[^/]+/, ''));
	await expect(rapporteur.getByRole('heading', { level: 1, name: 'Staff area' })).toBeVisible();
	await expect(rapporteur.getByText('role: rapporteur')).toBeVisible();
	const consultations = rapporteur.getByRole('region', { name: 'Consultations' }).locator('li.card');
	await expect(consultations).toHaveCount(1);
	await expect(consultations).toContainText("Supporting migrants' inclusion");
	await adminContext.close();
	await rapporteurContext.close();
});
