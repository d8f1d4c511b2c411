import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';
import { expectNoSeriousA11yViolations } from './axe';
import { awaitedMailTo, latestMailTo, signInLinkIn } from './outbox';
import { sidewaysOverflow } from './screens';

const SLUG = 'inclusion-and-development'; // a past demo consultation with attendance that no other journey reports on

test('a participant opens the emailed link, comments on paragraph 12; the organizer sees and resolves it; after the deadline nobody can comment', async ({ page, browser }) => {
	test.setTimeout(240_000); // the digest of answers waits 30 s after the first answer, then for its job's next minute
	// The organizer circulates a fresh draft for comments.
	await signInAsStaff(page, 'organizer@convene.example');
	await page.goto(`/staff/consultations/${SLUG}/report`);
	await page.getByRole('button', { name: 'Generate a new draft' }).click();
	await page.getByRole('button', { name: /^Circulate version \d+ for comments$/ }).click();
	// Who it went to, in numbers that add up: those who attended (as the report counts them) and the
	// speakers on the record who are not in that count.
	const circulated = page.getByRole('status');
	await expect(circulated).toContainText(/Circulated to \d+ people: \d+ who attended and \d+ on-the-record speakers who are not in the attendance count; comments close on .*, 24:00 /);
	const [, total, attended, speakers] = /Circulated to (\d+) people: (\d+) who attended and (\d+)/.exec(await circulated.innerText())!.map(Number);
	expect(attended + speakers).toBe(total);

	// A participant's invitation, read in the outbox.
	const admin = await (await browser.newContext()).newPage();
	await signInAsStaff(admin);
	await admin.goto('/staff/outbox');
	const invitation = admin.locator('li.outbox-message', { hasText: 'For your comments: ' }).first();
	const email = /→ (\S+@\S+)/.exec(await invitation.locator('p.muted').innerText())![1];
	const link = /(https?:\/\/\S+\/sign-in\?next=\S+)/.exec(await invitation.locator('pre').innerText())![1].replace(/^https?:\/\/[^/]+/, '');

	// The participant follows it, asks for a sign-in link, and opens it.
	const participant = await (await browser.newContext()).newPage();
	await participant.goto(link);
	await participant.waitForSelector('body[data-hydrated="true"]');
	await participant.getByLabel('Email').fill(email);
	await participant.getByRole('button', { name: 'Send me a link' }).click();
	await expect(participant.getByRole('status')).toBeVisible();
	await participant.goto(signInLinkIn(await latestMailTo(admin, email, 'Your sign-in link for Convene')));
	await expect(participant).toHaveURL(/\/me\/reports\/[0-9a-f-]+$/);
	const reportUrl = participant.url();

	// Someone of the network who was not in the room, given the link, is told why they cannot open it.
	await admin.goto('/staff/directory?consultation=parliamentarians');
	const outsider = (await admin.locator('tbody tr').first().locator('td').nth(1).innerText()).trim();
	const stranger = await (await browser.newContext({ viewport: { width: 390, height: 740 } })).newPage();
	await stranger.goto(link);
	await stranger.getByLabel('Email').fill(outsider);
	await stranger.getByRole('button', { name: 'Send me a link' }).click();
	await expect(stranger.getByRole('status')).toBeVisible();
	await stranger.goto(signInLinkIn(await latestMailTo(admin, outsider, 'Your sign-in link for Convene')));
	await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('This page is not open to you');
	await expect(stranger.getByText('circulated to the participants of the consultation only')).toBeVisible();
	await expectNoSeriousA11yViolations(stranger);
	// Their own page lists the draft too.
	await participant.goto('/me');
	await participant.getByRole('heading', { name: 'Draft reports open for your comments' }).waitFor();
	await participant.locator(`a[href="${new URL(reportUrl).pathname}"]`).click();
	await expect(participant).toHaveURL(reportUrl);
	await expect(participant.getByRole('heading', { level: 1 })).toContainText('Comments on the draft');
	await participant.waitForSelector('body[data-hydrated="true"]');
	await expectNoSeriousA11yViolations(participant);
	// On a small phone, the comment page and their own page fit the screen.
	for (const width of [320, 390]) {
		await participant.setViewportSize({ width, height: 740 });
		for (const path of [new URL(reportUrl).pathname, '/me']) {
			await participant.goto(path);
			expect(await sidewaysOverflow(participant), `${path} at ${width} px`).toEqual([]);
		}
	}
	await participant.setViewportSize({ width: 1280, height: 720 });
	await participant.goto(reportUrl);
	await participant.waitForSelector('body[data-hydrated="true"]');

	// Footnotes stand apart from the paragraph they belong to, as in the report.
	await expect(participant.locator('ol.footnotes li').first()).toContainText('Global Compact for Safe, Orderly and Regular Migration');
	await participant.getByText('Comment on paragraph 12', { exact: true }).click();
	await participant.getByLabel('Your comment on paragraph 12').fill('The country named in this paragraph could identify a speaker.');
	await participant.getByRole('button', { name: 'Send the comment' }).first().click();
	await expect(participant.getByRole('status').filter({ hasText: 'Your comment was sent to the secretariat.' })).toBeVisible();
	await expect(participant).toHaveURL(/\?saved=[^#]+#p-/); // back at the paragraph, not the top of the report
	await expect(participant.locator('.my-comment')).toContainText('The country named in this paragraph could identify a speaker.');

	// The organizer sees it under paragraph 12 and marks it addressed.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Paragraph 12 · comments: 1', exact: true })).toBeVisible();
	const theComment = page.locator('li.staff-comment', { hasText: 'The country named in this paragraph could identify a speaker.' });
	await theComment.getByRole('button', { name: 'Mark as addressed' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The comment is marked addressed; the participant is told by email' })).toBeVisible();
	await expect(page.locator('li.staff-comment', { hasText: 'could identify a speaker' })).toContainText('(addressed)');
	// Marked by mistake: taken back, and marked again.
	await page.locator('li.staff-comment', { hasText: 'could identify a speaker' }).getByRole('button', { name: 'Not addressed after all' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The comment is no longer marked addressed.' })).toBeVisible();
	await expect(page.locator('li.staff-comment', { hasText: 'could identify a speaker' })).not.toContainText('(addressed)');
	await page.locator('li.staff-comment', { hasText: 'could identify a speaker' }).getByRole('button', { name: 'Mark as addressed' }).click();
	await expect(page.locator('li.staff-comment', { hasText: 'could identify a speaker' })).toContainText('(addressed)');
	// And replies.
	const toReply = page.locator('li.staff-comment', { hasText: 'could identify a speaker' });
	await toReply.locator('summary', { hasText: 'Reply' }).click();
	await toReply.getByLabel('Reply').fill('Thank you: the next version names the subregion only.');
	await toReply.getByRole('button', { name: 'Send the reply' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Your reply was saved' })).toBeVisible();
	await expect(page.locator('li.staff-comment', { hasText: 'names the subregion only' })).toContainText("Secretariat's reply: Demo organizer: Thank you: the next version names the subregion only.");

	// The participant starts another comment; the period closes before they send it.
	await participant.reload();
	await participant.waitForSelector('body[data-hydrated="true"]');
	const third = participant.locator('details').filter({ has: participant.getByText('Comment on paragraph 3', { exact: true }) });
	await third.getByText('Comment on paragraph 3', { exact: true }).click();
	await third.getByLabel('Your comment on paragraph 3').fill('One more thought.');
	// Closing early is asked first: posted without the tick, nothing closes.
	const versionId = await page.locator('form[action="?/closeComments"] input[name="versionId"]').inputValue();
	const unticked = await page.request.post(`${new URL(page.url()).pathname}?/closeComments`, { form: { versionId }, headers: { origin: new URL(page.url()).origin, accept: 'text/html' } });
	expect(unticked.status()).toBe(400);
	expect(await unticked.text()).toContain('Tick the box to confirm first; nothing was changed.');
	await page.goto(new URL(page.url()).pathname);
	await expect(page.getByRole('button', { name: 'Close the comment period now' })).toBeVisible();
	await page.getByLabel('Yes, close it now for every participant').check();
	await page.getByRole('button', { name: 'Close the comment period now' }).click();
	await expect(page.getByText(/The comment period closed on /)).toBeVisible();
	await third.getByRole('button', { name: 'Send the comment' }).click();
	await expect(participant.getByRole('alert')).toHaveText('The comment period has closed: your comment was not saved.');
	await participant.reload();
	await expect(participant.getByText(/The comment period closed on /)).toBeVisible();
	await expect(participant.getByRole('button', { name: 'Send the comment' })).toHaveCount(0);

	// One email tells the participant of both answers (the daily digest), and the comment page shows them.
	const digest = await awaitedMailTo(admin, email, 'The secretariat answered your comments', 150_000);
	expect(digest).toContain('Para. 12. You wrote: “The country named in this paragraph could identify a speaker.”');
	expect(digest).toContain('The secretariat replied: Thank you: the next version names the subregion only.');
	expect(digest).toContain('The secretariat marked your comment as addressed.');
	const next = decodeURIComponent(/sign-in\?next=(\S+)/.exec(digest)![1]);
	expect(next).toBe(new URL(reportUrl).pathname);
	await participant.setViewportSize({ width: 390, height: 740 });
	await participant.goto(next);
	const mine = participant.locator('.my-comment', { hasText: 'could identify a speaker' });
	await expect(mine).toContainText("Secretariat's reply: Thank you: the next version names the subregion only.");
	await expect(mine).toContainText('The secretariat marked this comment as addressed.');
	expect(await sidewaysOverflow(participant)).toEqual([]);
	await expectNoSeriousA11yViolations(participant);
});
