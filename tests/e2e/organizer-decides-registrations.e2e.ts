import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';
import { latestMailTo, signInLinkIn } from './outbox';

test('an organizer selects a registrant, who gets the meeting link by email and on their page, and confirms', async ({ browser }) => {
	test.slow(); // three people in three browsers, with axe: past a minute when CI's two cores are busy
	const organizerContext = await browser.newContext();
	const organizer = await organizerContext.newPage();
	await signInAsStaff(organizer, 'organizer@convene.example');
	await organizer.locator('li.card', { hasText: 'Protecting migrants' }).getByRole('link', { name: /\d+ registrations/ }).click();
	await expect(organizer.getByRole('heading', { level: 1 })).toHaveText('Registrations: Protecting migrants through human rights-based border governance');
	await expect(organizer.locator('caption', { hasText: 'Subregion' })).toBeVisible();
	await expectNoSeriousA11yViolations(organizer);

	// The first registrant still waiting for a decision.
	await organizer.goto('/staff/consultations/rights-based-border-governance/registrations?status=submitted');
	const row = organizer.locator('table.registrations tbody tr').first();
	const email = (await row.locator('td').first().locator('.muted').innerText()).trim();
	await row.locator('select[name=to]').selectOption('selected');
	await row.getByRole('button', { name: 'Apply and notify' }).click();
	await expect(organizer.getByRole('status')).toHaveText('Decision saved; the registrant was notified.');

	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAsStaff(admin);
	const notice = await latestMailTo(admin, email, 'You are selected');
	expect(notice).toContain('https://meet.example.org/convene-demo/rights-based-border-governance');

	const registrantContext = await browser.newContext();
	const registrant = await registrantContext.newPage();
	await registrant.goto('/sign-in');
	await registrant.waitForSelector('body[data-hydrated="true"]');
	await registrant.getByLabel('Email').fill(email);
	await registrant.getByRole('button', { name: 'Send me a link' }).click();
	await expect(registrant.getByRole('status')).toBeVisible();
	await registrant.goto(signInLinkIn(await latestMailTo(admin, email, 'Your sign-in link')));
	const card = registrant.locator('li.card', { hasText: 'Protecting migrants through human rights-based border governance' });
	await expect(card).toContainText('selected');
	await expect(card.getByRole('link', { name: 'https://meet.example.org/convene-demo/rights-based-border-governance' })).toBeVisible();
	await card.getByText('Change interpretation or accessibility needs').click();
	await card.getByLabel('Accessibility needs').fill('Live captions, please');
	await card.getByRole('button', { name: 'Save' }).click();
	await expect(registrant.getByRole('status')).toHaveText('Your registration was updated.');
	await card.getByText('Change interpretation or accessibility needs').click();
	await expect(card.getByLabel('Accessibility needs')).toHaveValue('Live captions, please');
	await card.getByRole('button', { name: 'Confirm my participation' }).click();
	await expect(registrant.getByRole('status')).toHaveText('You confirmed your participation in “Protecting migrants through human rights-based border governance”.');
	await expect(registrant.locator('li.card', { hasText: 'Protecting migrants' })).toContainText('confirmed');

	// The public page never shows the link.
	await registrant.goto('/consultations/rights-based-border-governance');
	await expect(registrant.locator('a[href*="meet.example.org"]')).toHaveCount(0);
	for (const c of [organizerContext, adminContext, registrantContext]) await c.close();
});

test('an organizer sets balance targets and sees each group against them, absent groups included', async ({ page }) => {
	await signInAsStaff(page, 'organizer@convene.example');
	await page.goto('/staff/consultations/rights-based-border-governance/registrations');
	await page.waitForSelector('body[data-hydrated="true"]');
	await page.getByText('Balance targets').click();
	const gender = page.locator('fieldset', { hasText: 'Gender' });
	await gender.getByLabel('Woman', { exact: true }).fill('101');
	await page.getByRole('button', { name: 'Save targets' }).click();
	await expect(page.getByRole('alert')).toHaveText('The targets were not saved: see the marked fields.');
	await expect(gender.getByText('Enter a whole number of per cent from 0 to 100.')).toBeVisible();
	await expect(gender.getByLabel('Woman', { exact: true })).toHaveValue('101');
	await page.waitForSelector('body[data-hydrated="true"]');
	await gender.getByLabel('Woman', { exact: true }).fill('45');
	await page.locator('fieldset', { hasText: 'Stakeholder group' }).getByLabel('Academia', { exact: true }).fill('5');
	await page.getByRole('button', { name: 'Save targets' }).click();
	await expect(page.getByRole('status')).toHaveText('Targets saved.');
	const genderTable = page.locator('table', { has: page.locator('caption', { hasText: 'Gender' }) });
	await expect(genderTable.locator('tr', { hasText: 'Woman' })).toContainText(/45 · (met|below target)/);
	await expectNoSeriousA11yViolations(page);
});

// Last in this file (tests of a file run in order): it decides on every waiting registration.
test('an organizer runs a fair selection, is told why impossible quotas are impossible, and accepts a panel', async ({ page }) => {
	await signInAsStaff(page, 'organizer@convene.example');
	await page.goto('/staff/consultations/rights-based-border-governance/selection');
	await page.waitForSelector('body[data-hydrated="true"]');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selection: Protecting migrants through human rights-based border governance');
	await expectNoSeriousA11yViolations(page);
	const run = page.locator('form[action="?/run"]');
	const derive = page.locator('form[action="?/derive"]');
	const fillFromRules = async () => {
		await page.getByText('Fill the quotas from rules').click();
		await derive.getByLabel('Seats on the panel', { exact: true }).fill('16');
		await derive.getByRole('button', { name: 'Fill the quotas' }).click();
		await expect(page.getByRole('status')).toHaveText('Quotas filled from your rules; check them, then run.');
		await page.waitForSelector('body[data-hydrated="true"]'); // typing before hydration can be lost
	};
	await fillFromRules();
	await expect(run.getByLabel('Seats on the panel', { exact: true })).toHaveValue('16');
	await expect(run.getByLabel('Least seats: Woman', { exact: true })).toHaveValue('8'); // the 45 per cent target set above, of 16 seats, rounded up
	await run.getByLabel('Seed', { exact: true }).fill('e2e-seed');

	// Two parliamentarians cannot sit when one registered.
	await run.getByLabel('Least seats: Parliamentarians', { exact: true }).fill('2');
	await run.getByLabel('Most seats: Parliamentarians', { exact: true }).fill('2');
	await run.getByRole('button', { name: 'Run the selection' }).click();
	await expect(page.getByRole('heading', { name: 'No panel satisfies these quotas' })).toBeVisible({ timeout: 30_000 });
	await expect(page.getByText('Parliamentarians needs at least 2 seats, but only 1 can be filled.')).toBeVisible();
	// The smallest set of quotas that cannot hold together, with its counts, and the single change that alone allows a panel.
	await expect(page.getByText('These quotas cannot hold together, and none of them can be left out of the clash: Parliamentarians: at least 2 seats, and its people can fill 1.')).toBeVisible();
	await expect(page.getByText('Each of these changes alone makes a panel possible:')).toBeVisible();
	await expect(page.locator('ul.single-changes li')).toHaveText(['Parliamentarians: least seats from 2 to 1']);

	// A bad value is refused field by field.
	await page.getByRole('link', { name: 'Quotas and runs' }).click();
	await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
	await page.waitForSelector('body[data-hydrated="true"]');
	await run.getByLabel('Seats on the panel', { exact: true }).fill('sixteen');
	await run.getByRole('button', { name: 'Run the selection' }).click();
	await expect(page.getByRole('alert')).toHaveText('Some values need correcting; nothing was run.');
	await expect(page.locator('#panelSize-error')).toHaveText('Enter a whole number.');
	await page.waitForSelector('body[data-hydrated="true"]');

	await fillFromRules();
	await run.getByRole('button', { name: 'Run the selection' }).click();
	await expect(page.getByText('Lowest chance of selection')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('table.registrations tbody tr', { hasText: 'drawn' })).toHaveCount(16);
	await expect(page.locator('caption', { hasText: 'Gender' })).toBeVisible();
	await expect(page.locator('.chart svg').first()).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	const exported = await page.request.get(`${page.url()}/export`);
	expect(exported.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
	// The sheet in each language: its name, the chance column's header, and the rows drawn.
	const sheetOf = async (body: Buffer, name: string, header: string, yes: string) => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(body as unknown as ArrayBuffer);
		const sheet = workbook.getWorksheet(name)!;
		expect(sheet.getRow(1).values).toContain(header);
		let drawn = 0;
		sheet.eachRow((row, i) => {
			if (i > 1 && row.getCell(7).value === yes) drawn++;
		});
		return drawn;
	};
	expect(await sheetOf(await exported.body(), 'Selection', 'Chance (%)', 'yes')).toBe(16);
	// Downloaded from the French page, the same sheet is in French.
	const inFrench = await page.request.get(`${page.url().replace(/^(https?:\/\/[^/]+)/, '$1/fr')}/export`);
	expect(await sheetOf(await inFrench.body(), 'Sélection', 'Probabilité (%)', 'oui')).toBe(16);
	await page.getByRole('button', { name: 'Accept and notify' }).click();
	await expect(page.getByRole('status').first()).toContainText(/Accepted: 16 selected and \d+ on the waiting list were notified\./);
	await expect(page.locator('table.registrations tbody tr', { hasText: 'drawn' }).first()).toContainText('selected');
});
