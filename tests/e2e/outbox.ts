import { expect, type Page } from '@playwright/test';

/** The newest message to `email` whose text matches, as an admin reads it in the outbox. */
export async function latestMailTo(adminPage: Page, email: string, subject: string | RegExp): Promise<string> {
	// Mail is written by the request and delivered by the queue's worker: on a busy machine it can
	// land a moment after the page is read, so the outbox is read again until it is there.
	return awaitedMailTo(adminPage, email, subject, 30_000);
}

/** A message that a job sends within the minute: the outbox is read again until it is there. */
export async function awaitedMailTo(adminPage: Page, email: string, subject: string | RegExp, timeoutMs = 100_000): Promise<string> {
	const message = adminPage.locator('li.outbox-message', { hasText: email }).filter({ hasText: subject }).first();
	await expect(async () => {
		await adminPage.goto('/staff/outbox');
		await expect(message).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: timeoutMs, intervals: [1_000, 3_000] });
	return message.locator('pre').innerText();
}

export function signInLinkIn(text: string): string {
	const link = /(http\S+magic-link\/verify\S+)/.exec(text)?.[1];
	if (!link) throw new Error(`no sign-in link in: ${text}`);
	return link.replace(/^http:\/\/[^/]+/, '');
}
