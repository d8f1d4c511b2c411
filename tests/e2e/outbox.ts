import { expect, type Page } from '@playwright/test';

/** The newest message to `email` whose text matches, as an admin reads it in the outbox. */
export async function latestMailTo(adminPage: Page, email: string, subject: string | RegExp): Promise<string> {
	await adminPage.goto('/staff/outbox');
	const message = adminPage.locator('li.outbox-message', { hasText: email }).filter({ hasText: subject }).first();
	await expect(message).toBeVisible();
	return message.locator('pre').innerText();
}

export function signInLinkIn(text: string): string {
	const link = /(http\S+magic-link\/verify\S+)/.exec(text)?.[1];
	if (!link) throw new Error(`no sign-in link in: ${text}`);
	return link.replace(/^http:\/\/[^/]+/, '');
}
