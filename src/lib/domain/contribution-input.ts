// What the public may send in: a good practice for the repository, and a written input to an open
// call (with attachments). Field by field limits and messages, as for registrations; nothing is
// stored when one field is wrong.
import { z } from 'zod';
import { isValidEmail } from './people-import';
import { optional, text } from './registration-input';
import { UUID_PATTERN } from './ids';
import { parseWith, type FieldErrors } from './form-errors';

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.-]*$/u;
const ID = /^[a-z0-9-]+$/;

const email = text(254, { isRequired: true })
	.refine((v) => !v || isValidEmail(v.toLowerCase()), 'email-invalid')
	.transform((v) => v.toLowerCase());
const ids = (max: number) => z.array(z.string().regex(ID, 'invalid')).max(max, 'too-many').default([]);
const year = optional(z.coerce.number({ error: 'year-invalid' }).int('year-invalid').min(1990, 'year-invalid').max(2100, 'year-invalid'));
// The key the form carries so that a resent form (a double click, a retry on a bad connection) is stored once.
const submissionKey = z.string().regex(UUID_PATTERN, 'invalid');

function isWebAddress(line: string): boolean {
	if (line.length > 500) return false;
	try {
		return ['http:', 'https:'].includes(new URL(line).protocol);
	} catch {
		return false;
	}
}

/** One web address per line; at most five. */
const links = z
	.string()
	.default('')
	.transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
	.superRefine((lines, ctx) => {
		if (lines.length > 5) ctx.addIssue({ code: 'custom', message: 'too-many' });
		if (!lines.every(isWebAddress)) ctx.addIssue({ code: 'custom', message: 'link-invalid' });
	});

export const ZPracticeInput = z.object({
		title: text(200, { isRequired: true }),
		summary: text(5000, { isRequired: true }),
		objectiveIds: ids(30),
		principleIds: ids(20),
		countryCode: optional(z.string().regex(/^[A-Z]{2}$/, 'invalid')),
		subregionId: optional(z.string().regex(ID, 'invalid')),
		categoryId: optional(z.string().regex(ID, 'invalid')),
		since: year,
		until: year,
		links,
		submitterName: text(200, { isRequired: true, pattern: NAME, patternMessage: 'name-characters' }),
		submitterEmail: email,
		consentToProcessing: z.literal(true, { error: 'consent-required' }),
		submissionKey
	});
export type TPracticeInput = z.output<typeof ZPracticeInput>;

/**
 * A practice with every error at once: the period is checked even when another field is wrong
 * (a refinement of the whole object would wait until every field is right).
 */
export function parsePractice(raw: Record<string, unknown>): { ok: true; data: TPracticeInput } | { ok: false; errors: FieldErrors } {
	const parsed = parseWith(ZPracticeInput, raw);
	const since = Number(raw.since);
	const until = Number(raw.until);
	const isBackwards = raw.since && raw.until && Number.isInteger(since) && Number.isInteger(until) && until < since;
	if (!isBackwards) return parsed;
	return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), until: 'end-before-start' } };
}

export const ZWrittenInput = z.object({
	authorName: text(200, { isRequired: true, pattern: NAME, patternMessage: 'name-characters' }),
	organizationName: optional(text(300)),
	email,
	title: optional(text(200)),
	text: text(20_000, { isRequired: true }),
	objectiveIds: ids(30),
	isAttributionConsented: z.boolean().default(false),
	consentToProcessing: z.literal(true, { error: 'consent-required' }),
	submissionKey
});
export type TWrittenInput = z.output<typeof ZWrittenInput>;

export { parseWith, type FieldErrors };

// ---------------------------------------------------------------------------------------------
// Attachments of a written input
// ---------------------------------------------------------------------------------------------

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** All the attachments of one submission together: a submission is kept in the database. */
export const MAX_ATTACHMENTS_TOTAL_BYTES = 15 * 1024 * 1024;

/** The error key for a submission's attachments as a whole (how many, how large together), or null. */
export function checkAttachmentSet(sizes: readonly number[]): 'attachments-too-many' | 'attachments-total' | null {
	if (sizes.length > MAX_ATTACHMENTS) return 'attachments-too-many';
	if (sizes.reduce((sum, n) => sum + n, 0) > MAX_ATTACHMENTS_TOTAL_BYTES) return 'attachments-total';
	return null;
}

const KINDS: { extension: string; mediaType: string; isMagic: (b: Uint8Array) => boolean }[] = [
	{ extension: '.pdf', mediaType: 'application/pdf', isMagic: (b) => String.fromCharCode(...b.subarray(0, 5)) === '%PDF-' },
	{ extension: '.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', isMagic: isZip },
	{ extension: '.odt', mediaType: 'application/vnd.oasis.opendocument.text', isMagic: isZip },
	{ extension: '.txt', mediaType: 'text/plain; charset=utf-8', isMagic: isUtf8Text }
];

function isZip(b: Uint8Array): boolean {
	return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
function isUtf8Text(b: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(b);
		return !b.includes(0);
	} catch {
		return false;
	}
}

export interface AttachmentCheck {
	fileName: string;
	mediaType: string;
}

/** A file is accepted by its name and its first bytes both: PDF, Word (.docx), OpenDocument text or plain text. */
export function checkAttachment(fileName: string, bytes: Uint8Array): { ok: true; value: AttachmentCheck } | { ok: false; message: 'attachment-type' | 'attachment-size' | 'attachment-empty' } {
	if (bytes.byteLength === 0) return { ok: false, message: 'attachment-empty' };
	if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, message: 'attachment-size' };
	const lower = fileName.toLowerCase();
	const kind = KINDS.find((k) => lower.endsWith(k.extension));
	if (!kind || !kind.isMagic(bytes)) return { ok: false, message: 'attachment-type' };
	const safeName = fileName.replace(/[^\p{L}\p{N}._ ()-]+/gu, '_').slice(-120) || `attachment${kind.extension}`;
	return { ok: true, value: { fileName: safeName, mediaType: kind.mediaType } };
}
