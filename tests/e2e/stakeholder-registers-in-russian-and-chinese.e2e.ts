import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { signInAsStaff } from './sign-in';
import { latestMailTo } from './outbox';

// A stakeholder who reads Russian or Chinese registers on the plain form (no JavaScript): every
// label, error, list and date on the way is in their language, and so is the confirmation email,
// whose links lead back into it.
const SLUG = 'voluntary-regular-safe-orderly';
const messages = (locale: string) => JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
const ENGLISH_MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

for (const locale of ['ru', 'zh'] as const) {
	test.describe(`in ${locale}, without JavaScript`, () => {
		test.use({ javaScriptEnabled: false });
		test(`a stakeholder registers in ${locale === 'ru' ? 'Russian' : 'Chinese'} and the confirmation arrives in it`, async ({ page, browser }) => {
			const t = messages(locale);
			const en = messages('en');
			await page.goto(`/${locale}/consultations/${SLUG}`);
			await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-Hans' : locale);
			const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
			await expect(page.getByRole('heading', { name: t.consultation_objectives })).toBeVisible();
			const objectives = await page.locator('main').innerText();
			expect(objectives).not.toMatch(ENGLISH_MONTHS);
			expect(objectives).not.toContain(en.consultation_objectives);
			await page.getByRole('link', { name: t.register_link, exact: true }).first().click();
			await expect(page).toHaveURL(new RegExp(`/${locale}/consultations/${SLUG}/register$`));
			await expect(page).toHaveTitle(new RegExp(t.register_title.replace('{title}', '.*')));

			// Sent empty: the errors are in the reader's language.
			await page.getByRole('button', { name: t.register_submit, exact: true }).click();
			await expect(page.getByRole('alert').first()).toHaveText(t.register_errors);
			await expect(page.locator('#name-error')).toHaveText(t.err_required);
			await expect(page.locator('#organizationId-error')).toHaveText(t.err_organization_required);

			// The lists are in it too: the stakeholder groups, and countries by their names in it.
			const stamp = `${Date.now()}`;
			await page.getByLabel(`${t.field_name} *`).fill(`Test Registrant ${stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`);
			await page.getByLabel(`${t.field_email} *`).fill(`${locale}-${stamp}@example.org`);
			await page.getByLabel(t.register_organization_new).fill(`${locale === 'ru' ? 'Союз мигрантов' : '移民工人协会'} ${stamp}`);
			const category = page.locator('select[name=categoryId]');
			await expect(category.locator('option[value="trade-unions"]')).toHaveText(locale === 'ru' ? 'Профсоюзы' : '工会');
			await category.selectOption('trade-unions');
			const country = page.locator('select[name=countryCode]');
			await expect(country.locator('option[value="KZ"]')).toHaveText(new Intl.DisplayNames([locale], { type: 'region' }).of('KZ')!);
			await country.selectOption('KZ');
			await page.getByLabel(t.register_consent_processing).check();
			await page.getByRole('button', { name: t.register_submit, exact: true }).click();
			await expect(page.getByRole('status')).toHaveText(t.register_done);

			// The confirmation, read in the outbox: its subject, body and links are in the language.
			const context = await browser.newContext({ javaScriptEnabled: true });
			const admin = await context.newPage();
			await signInAsStaff(admin);
			const mail = await latestMailTo(admin, `${locale}-${stamp}@example.org`, fill(t.mail_registration_subject, { title }));
			expect(mail).toContain(t.mail_registration_body.split('{name}')[0].trim());
			expect(mail).toMatch(new RegExp(`http\\S+/${locale}/sign-in`));
			expect(mail).not.toMatch(ENGLISH_MONTHS);
			await context.close();
		});
	});
}
