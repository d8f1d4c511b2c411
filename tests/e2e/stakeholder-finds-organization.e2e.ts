import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';
import { startServer, stop } from '../support/faults';
import { openDatabase } from '../../src/lib/server/db';
import { organization } from '../../src/lib/server/db/schema';

const SLUG = 'voluntary-regular-safe-orderly'; // the demo consultation open for registration

/** A directory organization nobody registered from yet, made by staff. */
async function newOrganization(browser: Browser, name: string) {
	const context = await browser.newContext({ javaScriptEnabled: true });
	const staff = await context.newPage();
	await signInAsStaff(staff);
	await staff.goto('/staff/directory/organizations/new');
	await staff.getByLabel('Name', { exact: true }).fill(name);
	await staff.locator('select[name=countryCode]').selectOption({ label: 'Tonga' });
	await staff.getByLabel('Acronym').fill(`TSW${name.slice(-6)}`);
	await staff.getByRole('button', { name: 'Save' }).click();
	await expect(staff.getByRole('status')).toHaveText('Saved.');
	await context.close();
}

async function fillTheRest(page: Page, stamp: string) {
	await page.getByLabel('Name *').fill(`Sione Faleolo ${stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`);
	await page.getByLabel('Email *').fill(`sione-${stamp}@example.org`);
	await page.locator('select[name=categoryId]').selectOption('trade-unions');
	await page.locator('select[name=countryCode]').selectOption('TO');
	await page.getByLabel('I agree that my registration data is used to organize this consultation *').check();
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('a stakeholder finds their organization in a search step, keeps what they typed, and registers from it', async ({ page, browser }) => {
		const stamp = `${Date.now()}`;
		const name = `Tonga Seafarers Welfare ${stamp}`;
		await newOrganization(browser, name);
		await page.goto(`/consultations/${SLUG}/register`);
		await fillTheRest(page, stamp);
		// Accents and case do not matter; a few letters of two words find it.
		await page.getByLabel('Find your organization').fill(`séafarers wélfare ${stamp.slice(-6)}`);
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page.getByText('Matching organizations: 1')).toBeVisible();
		await expect(page.getByLabel('Email *')).toHaveValue(`sione-${stamp}@example.org`); // nothing typed is lost
		await expect(page.getByLabel('I agree that my registration data is used to organize this consultation *')).toBeChecked();
		await page.getByLabel(`${name} (TO)`).check();
		// Enter in a field sends the registration, not the organization search (the first button).
		await page.getByLabel('Email *').press('Enter');
		await expect(page.getByRole('status')).toHaveText('Thank you: your registration was received. An email with its details is on its way.');

		// A search that finds nothing says so, and offers the name field.
		await page.goto(`/consultations/${SLUG}/register`);
		await page.getByLabel('Find your organization').fill(`zz-nothing-${stamp}`);
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page.getByText(`No organization in the directory matches “zz-nothing-${stamp}”.`, { exact: false })).toBeVisible();
	});
});

test('with JavaScript, suggestions come as one types, from a small JSON answer, and the chosen one is kept through a refusal', async ({ page, browser }) => {
	const stamp = `${Date.now()}`;
	const name = `Tonga Seafarers Welfare ${stamp}`;
	await newOrganization(browser, name);
	await page.goto(`/consultations/${SLUG}/register`);
	await page.waitForSelector('body[data-hydrated="true"]');
	let navigations = 0;
	page.on('framenavigated', () => navigations++);
	const suggestion = page.waitForResponse((r) => r.url().includes('/api/organizations?q='));
	await page.getByLabel('Find your organization').pressSequentially(`TSW${stamp.slice(-6)}`.toLowerCase(), { delay: 30 }); // the acronym
	const answer = await suggestion;
	expect((await answer.body()).length).toBeLessThan(2_000);
	await page.getByLabel(`${name} (TO)`).check();
	await page.getByLabel('Find your organization').press('Enter'); // searches; does not send the form
	await expect(page.getByLabel(`${name} (TO)`)).toBeChecked();
	expect(navigations).toBe(0);
	await expectNoSeriousA11yViolations(page);
	// Sent without the consent: refused, and the organization chosen is still chosen.
	await page.getByLabel('Name *').fill('Sione Tester');
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page.locator('#consentToProcessing-error')).toBeVisible();
	await expect(page.getByLabel(`${name} (TO)`)).toBeChecked();

	// The JSON answer is bounded: ten at most, whatever is asked.
	const many = await (await page.request.get('/api/organizations?q=' + 'a'.repeat(5000))).json();
	expect(many.query.length).toBe(100);
	const broad = await (await page.request.get('/api/organizations?q=network')).json();
	expect(broad.matches.length).toBeLessThanOrEqual(10);
});

test('with 5,000 organizations in the directory, the registration page stays under 20 KB of compressed HTML', async () => {
	test.setTimeout(240_000);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-orgs-'));
	try {
		let server = await startServer({ CONVENE_DATA_DIR: dataDir });
		await stop(server);
		const handle = await openDatabase({ driver: 'pglite', dataDir });
		const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `Generated Migrant Workers Association ${String(i).padStart(4, '0')}`, countryCode: 'PH' }));
		for (let i = 0; i < rows.length; i += 500) await handle.db.insert(organization).values(rows.slice(i, i + 500));
		await handle.close();
		server = await startServer({ CONVENE_DATA_DIR: dataDir });
		try {
			// node:http, which hands over the bytes as sent (fetch would decompress them).
			const { encoding, compressed } = await new Promise<{ encoding: string | undefined; compressed: Buffer }>((resolve, reject) => {
				http.get(`${server.url}/consultations/${SLUG}/register`, { headers: { 'accept-encoding': 'br' } }, (response) => {
					const chunks: Buffer[] = [];
					response.on('data', (c: Buffer) => chunks.push(c));
					response.on('end', () => resolve({ encoding: response.headers['content-encoding'], compressed: Buffer.concat(chunks) }));
				}).on('error', reject);
			});
			expect(encoding).toBe('br');
			const html = brotliDecompressSync(compressed).toString('utf8');
			expect(html).toContain('name="organizationSearch"');
			expect(html).not.toContain('Generated Migrant Workers Association');
			console.log(`register page with 5,000 organizations: ${html.length} bytes of HTML, ${compressed.length} compressed`);
			expect(compressed.length).toBeLessThan(20_000);
			const found = await (await fetch(`${server.url}/api/organizations?q=association%200042`)).json();
			expect(found.matches.map((o: { name: string }) => o.name)).toEqual(['Generated Migrant Workers Association 0042']);
		} finally {
			await stop(server);
		}
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
});
