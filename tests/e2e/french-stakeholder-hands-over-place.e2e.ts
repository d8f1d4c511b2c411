import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { signInAsStaff } from './sign-in';
import { latestMailTo, signInLinkIn } from './outbox';
import { expectNoSeriousA11yViolations } from './axe';
import { sidewaysOverflow } from './screens';

// A French-speaking stakeholder is never switched to English: registration, a colleague asking for
// the place, the holder handing it over from the emailed link, the colleague's confirmation, their
// sign-in link and "My registrations" — every page and every email on the way is French.
const SLUG = 'voluntary-regular-safe-orderly';
const fr = JSON.parse(fs.readFileSync('messages/fr.json', 'utf8')) as Record<string, string>;
const en = JSON.parse(fs.readFileSync('messages/en.json', 'utf8')) as Record<string, string>;
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

async function expectFrench(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	expect(new URL(page.url()).pathname).toMatch(/^\/fr\//);
	const text = await page.locator('body').innerText();
	for (const key of ['nav_my_data', 'reports_title', 'footer_privacy']) expect(text).not.toContain(en[key]);
}

async function register(page: Page, who: { name: string; email: string }, organization: string) {
	await page.goto(`/fr/consultations/${SLUG}/register`);
	await page.waitForSelector('body[data-hydrated="true"]');
	await expectFrench(page);
	await page.getByLabel(`${fr.field_name} *`).fill(who.name);
	await page.getByLabel(`${fr.field_email} *`).fill(who.email);
	await page.getByLabel(fr.register_organization_new).fill(organization);
	await page.locator('select[name=categoryId]').selectOption('civil-society');
	await page.locator('select[name=countryCode]').selectOption('KH');
	await page.getByLabel(fr.register_consent_processing).check();
	await page.getByRole('button', { name: fr.register_submit, exact: true }).click();
}

test('register → a colleague asks for the place → the holder hands it over → sign-in link → /fr/me, all in French', async ({ browser }) => {
	test.setTimeout(120_000);
	const stamp = `${Date.now()}`;
	const letters = stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
	const organization = `Réseau des travailleuses migrantes ${stamp}`;
	const holder = { name: `Chantha Sok ${letters}`, email: `chantha-${stamp}@example.org` };
	const colleague = { name: `Sophea Meas ${letters}`, email: `sophea-${stamp}@example.org` };
	// The stakeholders are on phones (390 px) all the way.
	const phone = { viewport: { width: 390, height: 800 } };
	const [holderContext, colleagueContext, adminContext] = [await browser.newContext(phone), await browser.newContext(phone), await browser.newContext()];
	const [holderPage, colleaguePage, admin] = [await holderContext.newPage(), await colleagueContext.newPage(), await adminContext.newPage()];
	await signInAsStaff(admin);

	await register(holderPage, holder, organization);
	await expect(holderPage.getByRole('status')).toHaveText(fr.register_done);
	const title = (await holderPage.getByRole('heading', { level: 1 }).innerText()).replace(`${fr.register_title.split('{title}')[0]}`, '').trim();
	const received = await latestMailTo(admin, holder.email, fill(fr.mail_registration_subject, { title }));
	expect(received).toMatch(/http\S+\/fr\/sign-in/);

	// The colleague finds the place taken and asks for it, in French.
	await register(colleaguePage, colleague, organization);
	await expect(colleaguePage.getByRole('alert').first()).toHaveText(fr.register_org_taken);
	await colleaguePage.getByRole('button', { name: fr.register_ask_handover }).click();
	await expect(colleaguePage.getByRole('status')).toHaveText(fr.register_handover_sent);
	await expectFrench(colleaguePage);

	// The holder's email is French and its link leads to the French page.
	const request = await latestMailTo(admin, holder.email, fill(fr.mail_handover_subject, { title }));
	const link = /(http\S+\/handover\/\S+)/.exec(request)?.[1];
	expect(link).toMatch(/\/fr\/handover\//);
	await holderPage.goto(link!.replace(/^http:\/\/[^/]+/, ''));
	await holderPage.waitForSelector('body[data-hydrated="true"]');
	await expectFrench(holderPage);
	await expectNoSeriousA11yViolations(holderPage);
	for (const width of [320, 390]) {
		await holderPage.setViewportSize({ width, height: 800 });
		expect(await sidewaysOverflow(holderPage), `/fr/handover at ${width} px`).toEqual([]);
	}
	await holderPage.getByRole('button', { name: fr.handover_confirm }).click();
	await expect(holderPage.getByRole('status')).toHaveText(fr.handover_done);

	// The colleague's confirmation is French (they asked from the French page).
	const confirmation = await latestMailTo(admin, colleague.email, fill(fr.mail_registration_subject, { title }));
	expect(confirmation).toMatch(/http\S+\/fr\/sign-in/);
	const signInUrl = /(http\S+\/fr\/sign-in[^\s.,;)]*)/.exec(confirmation)![1];

	// The link of that email, then the sign-in link, lead to /fr/me.
	await colleaguePage.goto(signInUrl.replace(/^http:\/\/[^/]+/, ''));
	await colleaguePage.waitForSelector('body[data-hydrated="true"]');
	await expectFrench(colleaguePage);
	await colleaguePage.getByLabel(fr.field_email).fill(colleague.email);
	await colleaguePage.getByRole('button', { name: fr.send_link }).click();
	await expect(colleaguePage.getByRole('status')).toContainText(fr.stakeholder_sign_in_sent);
	const signIn = await latestMailTo(admin, colleague.email, fr.mail_sign_in_subject);
	await colleaguePage.goto(signInLinkIn(signIn));
	await expect(colleaguePage).toHaveURL(/\/fr\/me$/);
	await expect(colleaguePage.getByRole('heading', { level: 1 })).toHaveText(fr.me_title);
	await expectFrench(colleaguePage);
	await expect(colleaguePage.locator('dd', { hasText: /^Cambodge$/ })).toBeVisible(); // the country, named in French
	await expect(colleaguePage.locator('dd', { hasText: /^Société civile$/ })).toBeVisible();
	await expectNoSeriousA11yViolations(colleaguePage);

	// The holder was told by email, in French, that the place changed hands.
	const handedOver = await latestMailTo(admin, holder.email, fill(fr.mail_handed_over_subject, { title }));
	expect(handedOver).toContain(colleague.name);

	// The colleague withdraws: asked once, told exactly what happened, and by email.
	await colleaguePage.getByRole('button', { name: fr.me_withdraw, exact: true }).click();
	await expect(colleaguePage.getByRole('alert')).toHaveText(fill(fr.me_withdraw_question, { title }));
	await expectNoSeriousA11yViolations(colleaguePage);
	await colleaguePage.getByRole('button', { name: fr.me_withdraw_yes }).click();
	await expect(colleaguePage.getByRole('status')).toHaveText(`${fill(fr.me_withdrawn, { title })} ${fr.me_withdrawn_place_free}`);
	await expectNoSeriousA11yViolations(colleaguePage);
	const withdrawn = await latestMailTo(admin, colleague.email, fill(fr.mail_withdrawn_subject, { title }));
	expect(withdrawn).toContain(fr.me_withdrawn_place_free);
	expect(withdrawn).toMatch(/http\S+\/fr\/consultations\//);
	for (const context of [holderContext, colleagueContext, adminContext]) await context.close();
});
