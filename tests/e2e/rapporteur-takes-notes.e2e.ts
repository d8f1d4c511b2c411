import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';
import { E2E_ADMIN_PASSWORD } from '../../playwright.config';

const SLUG = 'parliamentarians'; // a past demo consultation: the demo rapporteur takes notes there

async function openFirstItem(page: import('@playwright/test').Page) {
	await page.goto(`/staff/consultations/${SLUG}/notes`);
	await page.locator('main ol a').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Notes:');
}

test('a rapporteur records statements live: listed speaker on the record, a described participant with the anonymity set, tags suggested, nothing lost offline', async ({ page, context }) => {
	await signInAsStaff(page, 'rapporteur@convene.example');
	await openFirstItem(page);
	await page.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(page);
	const form = page.locator('form[action="?/save"]').last();

	// A listed speaker: on the record by the rule.
	const speaker = await page.locator('#people-list option').first().getAttribute('value');
	await form.getByLabel('Speaker', { exact: true }).fill(speaker!);
	await form.getByLabel('What was said').fill(`The Compact must reach every parliament ${Date.now()}.`);
	await form.getByRole('button', { name: 'Save the statement' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved (on the record).');

	// An unnamed parliamentarian: the page counts who fits the description as it is chosen.
	await form.getByLabel('Stakeholder group').selectOption('parliamentarians');
	await expect(form.locator('output')).toHaveText(/This description fits \d+ people in the room\./);
	await form.locator('select[name=country]').selectOption({ index: 1 });
	await form.getByLabel('Pronoun').selectOption('woman');
	await expect(form.locator('output')).toContainText(/fits (only )?\d+ people in the room/);
	const stamp = Date.now();
	await form.getByLabel('What was said').fill(`Recruitment fees must be abolished and social security made portable ${stamp}.`);
	await form.getByLabel('This is a recommendation').check();
	await form.getByRole('button', { name: /Recruitment and decent work/ }).click();
	await expect(form.locator('input[name=objectives][value="gcm-6"]')).toBeChecked();
	await expectNoSeriousA11yViolations(page);

	// The connection drops as the rapporteur saves: the text stays, and is sent when it is back.
	await context.setOffline(true);
	await form.getByRole('button', { name: 'Save the statement' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Not saved yet' })).toBeVisible();
	await expect(form.getByLabel('What was said')).toHaveValue(new RegExp(String(stamp)));
	await context.setOffline(false);
	await expect(page.getByRole('status').filter({ hasText: /^Saved\. The description fits \d+ people in the room\.$/ })).toBeVisible({ timeout: 15_000 });
	const saved = page.locator('ol.statements > li', { hasText: String(stamp) });
	await expect(saved).toHaveCount(1);
	await expect(saved).toContainText('not attributable');
	await expect(saved).toContainText('described as “a parliamentarian from');
	await expect(saved).toContainText(/Recommendation [A-Z]/);
	await expect(saved).toContainText('Objectives: 6');

	// What is typed and not saved survives a reload.
	await form.getByLabel('What was said').fill(`Half-written thought ${stamp}`);
	await page.reload();
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByText('What you had typed and not yet saved is back in the form.')).toBeVisible();
	await expect(page.locator('form[action="?/save"]').last().getByLabel('What was said')).toHaveValue(`Half-written thought ${stamp}`);
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });
	test('a rapporteur is told to pick a known speaker, and the statement is then saved', async ({ page }) => {
		await page.goto('/staff/sign-in');
		await page.getByLabel('Email').fill('rapporteur@convene.example');
		await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Staff area' })).toBeVisible();
		await openFirstItem(page);
		const form = page.locator('form[action="?/save"]').last();
		const stamp = Date.now();
		await form.getByLabel('Speaker', { exact: true }).fill('Someone Unknown');
		await form.getByLabel('What was said').fill(`Plain form statement ${stamp}`);
		await form.getByRole('button', { name: 'Save the statement' }).click();
		await expect(page.getByText('Pick the speaker from the list, or leave the field empty.')).toBeVisible();
		const again = page.locator('form[action="?/save"]').last();
		await expect(again.getByLabel('What was said')).toHaveValue(`Plain form statement ${stamp}`);
		await again.getByLabel('Speaker', { exact: true }).fill('');
		await again.getByRole('button', { name: 'Save the statement' }).click();
		await expect(page.getByRole('status')).toHaveText('Saved (not attributable).');
		await expect(page.locator('ol.statements > li', { hasText: String(stamp) })).toContainText('Unidentified participant');
	});
});

test('the rapporteur’s words stay as typed, and the notes say what the draft report will change', async ({ page }) => {
	await signInAsStaff(page, 'rapporteur@convene.example');
	await page.goto(`/staff/consultations/${SLUG}/notes`);
	await page.locator('main ol a', { hasText: 'Session 1' }).click();
	const ours = page.locator('ol.statements > li', { hasText: 'Our parliament amended' });
	await expect(ours.locator('.statement-text')).toHaveText(/^Our parliament amended/);
	await expect(ours.locator('.style-flag')).toHaveText('Written in the first person (our): the draft report turns it into reported speech (“their”, “they”). You may rephrase it here.');
	const reported = page.locator('ol.statements > li', { hasText: 'Several participants called for' });
	await expect(reported.locator('.style-flag')).toHaveText(/^This recommendation says who made it; the report lists recommendations as actions\. The draft will read: “Model legislation on fair recruitment should be developed at the regional level\.”$/);
	await expectNoSeriousA11yViolations(page);
});
