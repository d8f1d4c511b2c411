// The one privacy gate: every text that becomes public passes here, checked against the one
// definition of who is protected (queries/protected.ts). What it lets through comes back as
// `PublicText`, a string type only this module can make: the public text columns are typed with
// it (`$type<PublicText>()`), and publishing a moderated item or a report version needs a
// `Clearance`, so a writer that skips the gate does not compile.
//
// A blocking finding refuses the action and says why. An administrator may go past it with a
// written reason, which the audit log keeps with the findings and which the next reviewer sees.
// Findings are stored per (text, protected set), so pages that list them do not scan again.
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { auditLog, privacyCheck, type StoredFinding } from '../db/schema';
import { protectionOf, type Protection, type ProtectionScope } from '../queries/protected';
import { writeAudit } from '../queries/audit';
import { checkText, explainFinding, type PrivacyFinding } from '../../domain/privacy/check';
import { policy, type Actor } from '../../domain/policy';
import { findingText } from './finding-text';

declare const CLEARED: unique symbol;
/** A text the privacy gate let through (or an administrator let through with a reason). */
export type PublicText = string & { readonly [CLEARED]: true };

declare const CLEARANCE: unique symbol;
/** Proof that the gate passed the current text of one subject: what a publishing write requires. */
export interface Clearance {
	readonly [CLEARANCE]: true;
	readonly subjectType: string;
	readonly subjectId: string;
}

export interface Subject {
	type: 'report-version' | 'practice' | 'written-input' | 'pledge' | 'follow-up' | 'consultation' | 'document' | 'country-commitments';
	id: string | null;
}

export type { StoredFinding };

export interface TextCheck {
	findings: StoredFinding[];
	isBlocked: boolean;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The version of the scan rules, part of a stored check's key: when the rules change, every text
 * is checked again instead of trusting a "nothing found" from the old rules. Bump on any change to
 * domain/privacy, and when a stored finding keeps other facts (2026-12-01: whose, the descriptor
 * and the counts, for pages to word in each language).
 */
export const CHECK_RULES_VERSION = 'privacy-rules-2026-12-01';

/** Character references a page or a Markdown viewer would show as letters ("Ok&#111;njo"). */
function decodeEntities(text: string): string {
	const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '' };
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
		if (ref[0] !== '#') return named[ref.toLowerCase()] ?? whole;
		const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/** A finding as it is stored: its English explanation and the facts pages word in each language. */
export function storedFinding(f: PrivacyFinding): StoredFinding {
	return {
		kind: f.kind,
		severity: f.severity,
		start: f.start,
		end: f.end,
		text: f.text,
		explanation: explainFinding(f),
		...(f.kind === 'anonymity' ? { descriptor: f.descriptor, matching: f.matching, k: f.k } : { subject: f.subject })
	};
}

/** The findings of one text against one protected set: read back when stored, else computed once and kept. */
export async function findingsOf(db: Executor, protection: Protection, text: string): Promise<TextCheck> {
	const textHash = hashOf(`${CHECK_RULES_VERSION}\n${text}`);
	const [stored] = await db
		.select({ findings: privacyCheck.findings, isBlocked: privacyCheck.isBlocked })
		.from(privacyCheck)
		.where(and(eq(privacyCheck.textHash, textHash), eq(privacyCheck.protection, protection.fingerprint)));
	if (stored) return stored;
	// A text with character references is also checked as it will show.
	const decoded = text.includes('&') ? decodeEntities(text) : text;
	const report = checkText(decoded === text ? text : `${text}\n\n${decoded}`, protection.people, protection.k, protection.room);
	const findings = report.findings.map(storedFinding);
	await db.insert(privacyCheck).values({ textHash, protection: protection.fingerprint, findings, isBlocked: report.isBlocked }).onConflictDoNothing();
	return { findings, isBlocked: report.isBlocked };
}

/** The parts of a public text checked as one (a pledge's pledger and commitment describe one speaker). */
export function joinParts(parts: readonly (string | null | undefined)[]): string {
	return parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');
}

export type GateOutcome<K extends string> =
	| { ok: true; texts: { [P in K]: PublicText }; clearance: Clearance; warnings: StoredFinding[]; overridden: boolean }
	| { ok: false; reason: 'blocked'; findings: StoredFinding[]; canOverride: boolean };

export interface GateOptions {
	/** An administrator's written reason to publish despite a blocking finding. */
	overrideReason?: string | null;
	/** The protected set when the caller has it already (one load for a whole sheet). */
	protection?: Protection;
	/** The audit action of an override (reports keep their own names). */
	overrideAction?: string;
}

/**
 * Checks texts that are about to become public. Empty parts pass as they are. On success the
 * texts come back as `PublicText`, with a clearance for the subject.
 */
export async function passGate<K extends string>(db: Executor, actor: Actor, scope: ProtectionScope, subject: Subject, texts: { [P in K]: string }, options: GateOptions = {}): Promise<GateOutcome<K>> {
	const protection = options.protection ?? (await protectionOf(db, scope));
	const check = await findingsOf(db, protection, joinParts(Object.values(texts) as string[]));
	const blocking = check.findings.filter((f) => f.severity === 'block');
	const reason = options.overrideReason?.trim() ?? '';
	const canOverride = policy.canOverridePrivacy(actor);
	if (check.isBlocked && !(reason && canOverride)) return { ok: false, reason: 'blocked', findings: blocking, canOverride };
	if (check.isBlocked) {
		await writeAudit(db, actor, {
			action: options.overrideAction ?? 'privacy.override',
			subjectType: subject.type,
			subjectId: subject.id,
			// The facts of each finding too, so that the history can be read in each staff member's language.
			details: { reason, findings: blocking.map(({ kind, text, explanation, subject, descriptor, matching, k }) => ({ kind, text, explanation, subject, descriptor, matching, k })) }
		});
	}
	return {
		ok: true,
		texts: texts as { [P in K]: PublicText },
		clearance: { subjectType: subject.type, subjectId: subject.id ?? '' } as unknown as Clearance,
		warnings: check.findings.filter((f) => f.severity === 'warn'),
		overridden: check.isBlocked
	};
}

/** A clearance is for one subject: a publishing write checks it names the row it changes. */
export function assertCleared(clearance: Clearance, type: Subject['type'], id: string): void {
	if (clearance.subjectType !== type || clearance.subjectId !== id) throw new Error(`privacy gate: a clearance for ${clearance.subjectType} ${clearance.subjectId} cannot publish ${type} ${id}`);
}

export interface OverrideNote {
	at: Date;
	reason: string;
	findings: string[];
}

const OVERRIDE_ACTIONS = ['privacy.override', 'report.publish-override', 'report.circulate-override'];

/** The overrides written for subjects, newest first: the next reviewer sees who went past the gate and why. */
export async function overridesOf(db: Executor, subjectType: Subject['type'], subjectIds: readonly string[]): Promise<Map<string, OverrideNote[]>> {
	const out = new Map<string, OverrideNote[]>();
	if (!subjectIds.length) return out;
	const rows = await db
		.select({ at: auditLog.at, subjectId: auditLog.subjectId, details: auditLog.details })
		.from(auditLog)
		.where(and(inArray(auditLog.action, OVERRIDE_ACTIONS), eq(auditLog.subjectType, subjectType), inArray(auditLog.subjectId, [...subjectIds])))
		.orderBy(desc(auditLog.id));
	for (const r of rows) {
		const d = r.details as { reason?: string; findings?: (Partial<StoredFinding> & { text: string })[] };
		const list = out.get(r.subjectId!) ?? [];
		// An override logged before the facts were kept shows the English it was logged with.
		const words = (f: Partial<StoredFinding> & { text: string }) =>
			f.kind && f.explanation && ('subject' in f || 'descriptor' in f) ? findingText({ severity: 'block', start: 0, end: 0, ...f, kind: f.kind, explanation: f.explanation }) : (f.explanation ?? f.text);
		list.push({ at: r.at, reason: d.reason ?? '', findings: (d.findings ?? []).map(words) });
		out.set(r.subjectId!, list);
	}
	return out;
}

/** The overrides of several kinds of subject at once, newest first (a consultation's texts and its documents). */
export async function overridesOfAll(db: Executor, subjects: readonly [Subject['type'], readonly string[]][]): Promise<OverrideNote[]> {
	const all: OverrideNote[] = [];
	for (const [type, ids] of subjects) for (const notes of (await overridesOf(db, type, ids)).values()) all.push(...notes);
	return all.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** The fields whose own text holds a blocking finding: where a form shows the refusal. */
export function fieldsWithFindings<K extends string>(texts: { [P in K]: string }, findings: readonly StoredFinding[]): K[] {
	const keys = (Object.keys(texts) as K[]).filter((key) => findings.some((f) => texts[key].includes(f.text) || decodeEntities(texts[key]).includes(f.text)));
	return keys.length ? keys : (Object.keys(texts).slice(0, 1) as K[]);
}

/** A list of texts as fields of the gate ("questions.0", "questions.1"), so that each comes back cleared. */
export function listFields(name: string, items: readonly string[]): Record<string, string> {
	return Object.fromEntries(items.map((text, i) => [`${name}.${i}`, text]));
}

/** The cleared texts of a list given to the gate with listFields. */
export function clearedList(texts: Record<string, PublicText>, name: string, count: number): PublicText[] {
	return Array.from({ length: count }, (_, i) => texts[`${name}.${i}`]);
}

/** The form fields with a finding, a list's items counted as the list ("questions.2" → "questions"), as error keys. */
export function fieldErrors(texts: Record<string, string>, findings: readonly StoredFinding[]): Record<string, 'privacy'> {
	return Object.fromEntries(fieldsWithFindings(texts, findings).map((key) => [key.split('.')[0], 'privacy' as const]));
}
