import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { scanForLeaks, type Attendee } from '../../src/lib/domain/privacy/leak-scan';
import { signInAsStaff } from './sign-in';
import { latestMailTo, signInLinkIn } from './outbox';

// Every public page and export, crawled as nobody and as a stakeholder, must name no
// non-attributable attendee of the demo consultations, nor give their email or organization.

type Room = { slug: string; organizingTeam: string[]; attendees: (Attendee & { attribution: 'on-record' | 'non-attributable' })[] };

function demoRooms(): Room[] {
	const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/demo-room.ts'], { encoding: 'utf8', timeout: 120_000 });
	if (run.status !== 0) throw new Error(`demo-room failed: ${run.stderr}`);
	return JSON.parse(run.stdout);
}

/**
 * The people to look for: the non-attributable, wherever they were, with the on-record speakers
 * (whom the scan may name, and whose name parts are not distinctive). Organizations named publicly
 * as organizers, or to which an on-record speaker belongs, are not looked for; nor, when a
 * stakeholder is signed in, their own organization.
 */
function roomForScan(rooms: Room[], except: string | null = null): Attendee[] {
	const everyone = rooms.flatMap((r) => r.attendees);
	const onRecord = everyone.filter((a) => a.attribution === 'on-record');
	const onRecordNames = new Set(onRecord.map((a) => a.name));
	// The signed-in stakeholder's own organization is on their own pages (/me, their data export):
	// that it is also a colleague's says nothing about who said what.
	const ownOrganization = except ? (everyone.find((a) => a.name === except)?.organization ?? null) : null;
	const publicOrganizations = new Set([...onRecord.map((a) => a.organization), ...rooms.flatMap((r) => r.organizingTeam), ...(ownOrganization ? [ownOrganization] : [])]);
	const seen = new Set<string>();
	const protectedOnes = everyone
		.filter((a) => a.attribution === 'non-attributable' && !onRecordNames.has(a.name) && a.name !== except && !seen.has(a.name) && seen.add(a.name))
		.map((a) => (publicOrganizations.has(a.organization) ? { ...a, organization: null, organizationAliases: [] } : a));
	// The signed-in stakeholder sees their own name and email: for the scan they are on the record.
	const self = everyone.filter((a) => a.name === except).map((a) => ({ ...a, attribution: 'on-record' as const }));
	return [...protectedOnes, ...onRecord, ...self.slice(0, 1)];
}

const SKIP = /^\/(staff|api\/auth|sign-out)|\/handover\/|\/unsubscribe\//;

/** Visible text of a page without form pickers (the register form lists the network's organizations to choose from). */
async function pageText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const copy = document.body.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('select, datalist, script, style').forEach((e) => e.remove());
		document.body.appendChild(copy);
		copy.style.position = 'absolute';
		const text = copy.innerText;
		copy.remove();
		return `${document.title}\n${text}`;
	});
}

async function crawl(page: Page, request: APIRequestContext, start: string[], people: Attendee[]) {
	const queue = [...start];
	const visited = new Set<string>();
	const leaks: string[] = [];
	let exports = 0;
	while (queue.length && visited.size < 400) {
		const url = queue.shift()!;
		if (visited.has(url)) continue;
		visited.add(url);
		const response = await request.get(url);
		const type = response.headers()['content-type'] ?? '';
		if (!type.includes('text/html')) {
			exports++;
			let text =
				type.includes('wordprocessingml')
					? (await mammoth.extractRawText({ buffer: Buffer.from(await response.body()) })).value // a DOCX is a zip: read its text
					: type.includes('pdf')
						? (await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true })).text
						: type.includes('json') || type.includes('xml') || type.startsWith('text/')
						? await response.text()
						: (await response.body()).toString('latin1');
			if (type.includes('calendar')) text = text.replace(/\r?\n[ \t]/g, ''); // unfold RFC 5545 lines, or a folded name escapes the scan
			for (const f of scanForLeaks(text, people)) leaks.push(`${url}: ${f.kind} "${f.text}"`);
			continue;
		}
		await page.goto(url);
		for (const f of scanForLeaks(await pageText(page), people)) leaks.push(`${url}: ${f.kind} "${f.text}"`);
		const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
		for (const href of hrefs) {
			const u = new URL(href);
			if (u.origin !== new URL(page.url()).origin || SKIP.test(u.pathname)) continue;
			const path = u.pathname + u.search;
			if (!visited.has(path)) queue.push(path);
		}
	}
	return { leaks, pages: visited.size - exports, exports, visited: [...visited] };
}

test.describe.configure({ timeout: 300_000 });

test('no public page or export reveals a non-attributable attendee, to nobody and to a signed-in stakeholder', async ({ browser }) => {
	const rooms = demoRooms();
	const statistics = rooms.map((r) => `/api/v1/consultations/${r.slug}/statistics`);
	const openData = ['/api/v1/consultations', '/api/v1/reports', '/api/v1/practices', ...rooms.map((r) => `/api/v1/consultations/${r.slug}`), '/api/v1/processes/asia-pacific-regional-review/recommendations', '/api/v1/reports/local-and-regional-authorities'];
	const start = ['/', '/fr', '/reports', '/reports/feed.xml', '/processes/asia-pacific-regional-review', ...rooms.map((r) => `/consultations/${r.slug}`), ...statistics, ...openData];

	// A published report, so that its page, its DOCX and Markdown and the feed are crawled too.
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInAsStaff(admin);
	await admin.goto('/staff/consultations/parliamentarians/report');
	await admin.getByRole('button', { name: 'Generate a new draft' }).click();
	await admin.getByLabel('I have read the comments and the findings, and want to publish this version').check();
	await admin.getByRole('button', { name: /^Publish version \d+$/ }).click();
	await expect(admin.getByRole('status')).toContainText('is published');

	// Injection attempts before the crawl: a visitor sends a good practice (no process) naming a
	// protected participant, with their email and their surname opening a sentence; the moderator's
	// attempt to publish it is refused with the reason, and a correction note naming them is refused too.
	const protectedOne = roomForScan(rooms).find((a) => a.attribution === 'non-attributable' && a.email)!;
	const surname = protectedOne.name.split(/\s+/).pop()!;
	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto('/practices/new');
	await visitor.getByLabel('Title of the practice *').fill('Peer support for returnees');
	await visitor.getByLabel('What was done, by whom, and what changed *').fill(`${surname} started it. ${protectedOne.name} (${protectedOne.email}) now runs peer support groups for returnees.`);
	await visitor.getByRole('checkbox', { name: /^6\. / }).check();
	await visitor.getByLabel('Your name *').fill('Demo Visitor');
	await visitor.getByLabel('Your email *').fill('visitor@example.org');
	await visitor.getByLabel(/I agree that the secretariat keeps my name/).check();
	await visitor.getByRole('button', { name: 'Send the practice' }).click();
	await expect(visitor.getByRole('status')).toContainText('The secretariat will review your practice');
	await admin.goto('/staff/moderation');
	const card = admin.locator('section', { hasText: 'Peer support for returnees' });
	await expect(card.locator('.findings')).toContainText('who spoke under the Chatham House Rule');
	await card.getByRole('button', { name: 'Publish: Peer support for returnees' }).click();
	await expect(admin.getByRole('alert').first()).toContainText(protectedOne.name);
	await admin.goto('/staff/consultations/parliamentarians/report');
	await admin.getByRole('button', { name: 'Generate a new draft' }).click();
	await admin.getByLabel(/^Note shown with the published version/).fill(`Corrected the remark by ${protectedOne.name} (${protectedOne.email})`);
	await admin.getByLabel('I have read the comments and the findings, and want to publish this version').check();
	await admin.getByRole('button', { name: /^Publish version \d+$/ }).click();
	await expect(admin.getByRole('alert').first()).toContainText(protectedOne.email!); // refused: any email in a note blocks

	const nobody = await browser.newContext();
	const anonymous = await crawl(await nobody.newPage(), nobody.request, start, roomForScan(rooms));
	expect(anonymous.leaks).toEqual([]);
	expect(anonymous.pages).toBeGreaterThanOrEqual(10);
	expect(anonymous.exports).toBeGreaterThanOrEqual(rooms.length + 6); // statistics, calendars, documents, the feed, a report's DOCX and Markdown
	expect(anonymous.visited.some((u) => u.endsWith('/download/docx'))).toBe(true);

	// A participant of the parliamentarians consultation signs in by link and crawls again, /me included.
	const protectedNames = new Set(roomForScan(rooms).filter((a) => a.attribution === 'non-attributable').map((a) => a.name));
	const participant = rooms.find((r) => r.slug === 'parliamentarians')!.attendees.find((a) => protectedNames.has(a.name))!;
	const stakeholder = await browser.newContext();
	const me = await stakeholder.newPage();
	await me.goto('/sign-in');
	await me.waitForSelector('body[data-hydrated="true"]');
	await me.getByLabel('Email').fill(participant.email!);
	await me.getByRole('button', { name: 'Send me a link' }).click();
	await expect(me.getByRole('status')).toBeVisible();
	await me.goto(signInLinkIn(await latestMailTo(admin, participant.email!, 'Your sign-in link for Convene')));
	await expect(me).toHaveURL(/\/me$/);
	const signedIn = await crawl(me, stakeholder.request, ['/me', ...start], roomForScan(rooms, participant.name));
	expect(signedIn.leaks).toEqual([]);
	expect(signedIn.pages).toBeGreaterThan(anonymous.pages - 1);
	console.log(`privacy crawl: as nobody ${anonymous.pages} pages and ${anonymous.exports} exports, as a stakeholder ${signedIn.pages} pages and ${signedIn.exports} exports`);
});
