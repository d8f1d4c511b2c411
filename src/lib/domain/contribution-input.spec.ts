import { describe, expect, it } from 'vitest';
import { checkAttachment, checkAttachmentSet, MAX_ATTACHMENT_BYTES, parsePractice, parseWith, ZWrittenInput } from './contribution-input';

const KEY = '3f2a8c1e-5b7d-4e9f-a1c3-0d2e4f6a8b9c';
const practice = (over: Record<string, unknown> = {}) => ({
	title: 'Recruitment fee cap',
	summary: 'A law capped recruitment fees.',
	objectiveIds: ['gcm-6'],
	principleIds: [],
	links: 'https://example.org/a\n\nhttps://example.org/b',
	submitterName: 'Ana Lima',
	submitterEmail: 'Ana@Example.org',
	consentToProcessing: true,
	submissionKey: KEY,
	...over
});

describe('a good practice as the public sends it', () => {
	it('reads links one per line, the years, and lower-cases the email', () => {
		const parsed = parsePractice(practice({ since: '2019', until: '' }));
		expect(parsed).toMatchObject({ ok: true, data: { links: ['https://example.org/a', 'https://example.org/b'], since: 2019, until: null, submitterEmail: 'ana@example.org' } });
	});

	it.each([
		[{ title: '' }, 'title', 'required'],
		[{ summary: '<script>alert(1)</script>' }, 'summary', 'markup'],
		[{ links: 'javascript:alert(1)' }, 'links', 'link-invalid'],
		[{ links: Array.from({ length: 6 }, (_, i) => `https://example.org/${i}`).join('\n') }, 'links', 'too-many'],
		[{ since: '2020', until: '2018' }, 'until', 'end-before-start'],
		[{ since: '20x0' }, 'since', 'year-invalid'],
		[{ consentToProcessing: false }, 'consentToProcessing', 'consent-required'],
		[{ submissionKey: 'not-a-key' }, 'submissionKey', 'invalid'],
		[{ submitterEmail: 'ana@' }, 'submitterEmail', 'email-invalid']
	])('refuses %j in %s (%s)', (over, field, message) => {
		expect(parsePractice(practice(over))).toEqual({ ok: false, errors: expect.objectContaining({ [field]: message }) });
	});

	it('reports a backwards period together with the other errors, not after them', () => {
		expect(parsePractice(practice({ since: '2020', until: '2018', consentToProcessing: false }))).toEqual({ ok: false, errors: { until: 'end-before-start', consentToProcessing: 'consent-required' } });
	});

	it('needs the text of a written input and the consent to keep the author’s details', () => {
		const parsed = parseWith(ZWrittenInput, { authorName: 'Ana Lima', email: 'ana@example.org', text: '  ', submissionKey: KEY });
		expect(parsed).toEqual({ ok: false, errors: { text: 'required', consentToProcessing: 'consent-required' } });
	});
});

describe('attachments', () => {
	const bytes = (s: string) => new TextEncoder().encode(s);
	const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
	it('accepts a file whose name and first bytes agree', () => {
		expect(checkAttachment('Input (final).pdf', bytes('%PDF-1.7 ...'))).toEqual({ ok: true, value: { fileName: 'Input (final).pdf', mediaType: 'application/pdf' } });
		expect(checkAttachment('input.DOCX', zip)).toMatchObject({ ok: true, value: { mediaType: expect.stringContaining('wordprocessingml') } });
		expect(checkAttachment('notes.txt', bytes('Plain text, ภาษาไทย'))).toMatchObject({ ok: true });
	});
	it.each([
		['a program renamed to .pdf', 'input.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0])],
		['a zip named .pdf', 'input.pdf', zip],
		['an unknown kind', 'input.exe', bytes('%PDF-')],
		['binary text', 'notes.txt', new Uint8Array([0x41, 0, 0x42])]
	])('refuses %s', (_, name, data) => {
		expect(checkAttachment(name, data)).toEqual({ ok: false, message: 'attachment-type' });
	});
	it('refuses an empty file and one over 10 MB', () => {
		expect(checkAttachment('a.txt', new Uint8Array())).toEqual({ ok: false, message: 'attachment-empty' });
		expect(checkAttachment('a.txt', new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(65))).toEqual({ ok: false, message: 'attachment-size' });
	});

	it('bounds the attachments of one submission together: three files, 15 MB in all', () => {
		const mb = 1024 * 1024;
		expect(checkAttachmentSet([5 * mb, 5 * mb, 5 * mb])).toBeNull();
		expect(checkAttachmentSet([10 * mb, 6 * mb])).toBe('attachments-total');
		expect(checkAttachmentSet([1, 1, 1, 1])).toBe('attachments-too-many');
	});
});
