import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';
import { sidewaysOverflow } from './screens';

test('an organizer invites one stakeholder group once, and a recipient unsubscribes from the emailed link', async ({ browser }) => {
	const context = await browser.newContext();
	const organizer = await context.newPage();
	await signInAsStaff(organizer, 'organizer@convene.example');
	await organizer.goto('/staff/consultations/voluntary-regular-safe-orderly/invitations?category=media');
	await expectNoSeriousA11yViolations(organizer);
	const preview = await organizer.getByText(/people would receive it now/).innerText();
	const count = Number(/(\d+) people/.exec(preview)![1]);
	expect(count).toBeGreaterThan(0);
	await organizer.getByRole('button', { name: `Send to ${count} people` }).click();
	await expect(organizer.getByRole('status')).toHaveText(`Sent to ${count} people.`);
	await expect(organizer.getByText('0 people would receive it now.')).toBeVisible(); // once each

	// A recipient follows the unsubscribe link from the outbox.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAsStaff(admin);
	await admin.goto('/staff/outbox');
	const message = admin.locator('li.outbox-message', { hasText: 'Invitation: Ensuring that migration' }).first();
	const text = await message.locator('pre').innerText();
	expect(text).toContain('please forward this invitation');
	const link = /(http\S+\/unsubscribe\/\S+)/.exec(text)![1];
	const recipient = await (await browser.newContext({ viewport: { width: 320, height: 740 } })).newPage();
	await recipient.goto(link.replace(/^http:\/\/[^/]+/, ''));
	expect(await sidewaysOverflow(recipient), '/unsubscribe at 320 px').toEqual([]);
	await expectNoSeriousA11yViolations(recipient);
	await recipient.getByRole('button', { name: 'Stop invitations' }).click();
	await expect(recipient.getByRole('status')).toContainText('you will receive no more invitations');
	await context.close();
	await adminContext.close();
});
