// Editing a report version as staff do in one form: each block's kind, text and footnotes (one per
// line), its order, "delete", "merge with the next", a new paragraph after it, and splitting by a
// blank line inside a text. The result is a new list of blocks, or the errors per block; a diff
// between two versions says what changed, paragraph by paragraph and word by word.

import { diffArrays, diffWords } from 'diff';
import { z } from 'zod';
import type { Block } from './model';

export interface BlockEdit {
	kind: string;
	text: string;
	footnotes: string;
	order: string;
	isDeleted: boolean;
	isMergedWithNext: boolean;
	insertAfter: string;
}

// 'recommendation' is a lettered item that the recommendations tracker picks up on publication.
const KINDS = ['heading', 'paragraph', 'list-item', 'recommendation', 'annex'] as const;

/** The form's fields for one block. */
export function blockFields(b: Block): Pick<BlockEdit, 'kind' | 'text' | 'footnotes'> {
	if (b.kind === 'annex') return { kind: b.isHeader ? 'annex-header' : 'annex', text: b.cells.join(' | '), footnotes: '' };
	if (b.kind === 'heading') return { kind: 'heading', text: b.numeral ? `${b.numeral}. ${b.text}` : b.text, footnotes: '' };
	const kind = b.kind === 'list-item' && b.isRecommendation ? 'recommendation' : b.kind;
	return { kind, text: b.text, footnotes: b.footnotes.join('\n') };
}

function toBlock(kind: string, text: string, footnotes: string[]): Block {
	if (kind === 'heading') {
		const m = /^([IVXLC]+)\.\s+(.*)$/.exec(text);
		return m ? { kind: 'heading', numeral: m[1], text: m[2] } : { kind: 'heading', numeral: null, text };
	}
	if (kind === 'annex' || kind === 'annex-header') return { kind: 'annex', isHeader: kind === 'annex-header', cells: text.split('|').map((c) => c.trim()) };
	if (kind === 'recommendation') return { kind: 'list-item', text, footnotes, isRecommendation: true };
	return { kind: kind as 'paragraph' | 'list-item', text, footnotes };
}

export type ApplyResult = { ok: true; blocks: Block[] } | { ok: false; errors: Record<number, string> };

export function applyEdits(edits: readonly BlockEdit[]): ApplyResult {
	const errors: Record<number, string> = {};
	const ordered = edits
		.map((e, i) => ({ e, i, order: e.order.trim() === '' ? i + 1 : Number(e.order) }))
		.map((x) => {
			if (!Number.isFinite(x.order)) errors[x.i] = 'order-invalid';
			return x;
		})
		.sort((a, b) => a.order - b.order || a.i - b.i);
	const blocks: Block[] = [];
	let pendingMerge: { text: string; footnotes: string[]; kind: string } | null = null;
	for (const { e, i } of ordered) {
		if (!(KINDS as readonly string[]).includes(e.kind) && e.kind !== 'annex-header') errors[i] = 'kind-invalid';
		const text = e.text.replace(/\r\n/g, '\n').trim();
		const footnotes = e.footnotes.replace(/\r\n/g, '\n').split('\n').map((f) => f.trim()).filter(Boolean);
		if (e.isDeleted) continue;
		if (!text) errors[i] = 'required';
		let parts = e.kind === 'annex' || e.kind === 'annex-header' ? [text] : text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
		if (!parts.length) parts = [text];
		let kind = e.kind;
		if (pendingMerge) {
			parts[0] = `${pendingMerge.text} ${parts[0]}`;
			footnotes.unshift(...pendingMerge.footnotes);
			kind = pendingMerge.kind;
			pendingMerge = null;
		}
		if (e.isMergedWithNext) {
			pendingMerge = { text: parts.join(' '), footnotes, kind };
		} else {
			// A blank line splits a paragraph in two; the footnotes stay with the last part.
			parts.forEach((p, j) => blocks.push(toBlock(kind, p, j === parts.length - 1 ? footnotes : [])));
		}
		const inserted = e.insertAfter.replace(/\r\n/g, '\n').trim();
		if (inserted && !pendingMerge) blocks.push(toBlock('paragraph', inserted.replace(/\s*\n\s*/g, ' '), []));
	}
	if (pendingMerge) blocks.push(toBlock(pendingMerge.kind, pendingMerge.text, pendingMerge.footnotes));
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, blocks };
}

const line = (b: Block) => {
	const f = blockFields(b);
	return `${f.kind}\u0000${f.text}\u0000${f.footnotes}`;
};

export type DiffEntry =
	| { op: 'same'; block: Block }
	| { op: 'added'; block: Block }
	| { op: 'removed'; block: Block }
	| { op: 'changed'; before: Block; after: Block; words: { op: 'same' | 'added' | 'removed'; text: string }[] };

/**
 * What changed from one version to the next: blocks kept, added, removed, or changed word by word.
 * Bounded in time (a diff runs on the server's one thread): past `budgetMs` in all, the blocks are
 * compared whole, and a changed block whose words cannot be paired in time shows as replaced.
 */
export function diffBlocks(before: readonly Block[], after: readonly Block[], budgetMs = 1500): DiffEntry[] {
	const deadline = Date.now() + budgetMs;
	const left = () => Math.max(1, deadline - Date.now());
	const parts = diffArrays(before.map(line), after.map(line), { timeout: left() }) ?? [
		{ value: before.map(line), count: before.length, removed: true, added: false },
		{ value: after.map(line), count: after.length, added: true, removed: false }
	];
	const out: DiffEntry[] = [];
	let bi = 0;
	let ai = 0;
	for (let p = 0; p < parts.length; p++) {
		const part = parts[p];
		const n = part.count ?? part.value.length;
		if (!part.added && !part.removed) {
			for (let k = 0; k < n; k++) out.push({ op: 'same', block: after[ai + k] });
			bi += n;
			ai += n;
		} else if (part.removed && parts[p + 1]?.added) {
			// A removal followed by an addition: pair them up as changes, word by word.
			const next = parts[p + 1];
			const m = next.count ?? next.value.length;
			for (let k = 0; k < Math.max(n, m); k++) {
				if (k < n && k < m) {
					const b = before[bi + k];
					const a = after[ai + k];
					const [was, is] = [blockFields(b).text, blockFields(a).text];
					const pieces = Date.now() < deadline ? diffWords(was, is, { timeout: left() }) : undefined;
					const words = pieces
						? pieces.map((w) => ({ op: w.added ? ('added' as const) : w.removed ? ('removed' as const) : ('same' as const), text: w.value }))
						: [
								{ op: 'removed' as const, text: was },
								{ op: 'added' as const, text: is }
							];
					out.push({ op: 'changed', before: b, after: a, words });
				} else if (k < n) out.push({ op: 'removed', block: before[bi + k] });
				else out.push({ op: 'added', block: after[ai + k] });
			}
			bi += n;
			ai += m;
			p++;
		} else if (part.removed) {
			for (let k = 0; k < n; k++) out.push({ op: 'removed', block: before[bi + k] });
			bi += n;
		} else {
			for (let k = 0; k < n; k++) out.push({ op: 'added', block: after[ai + k] });
			ai += n;
		}
	}
	return out;
}

/** What one saved version may hold: the save check below and the Word import read by the same limits. */
export const VERSION_LIMITS = { blocks: 5000, blockLength: 20_000, footnotesPerBlock: 50, cellsPerRow: 50 } as const;

const line20k = z.string().trim().min(1).max(VERSION_LIMITS.blockLength);
const footnotes = z.array(line20k).max(VERSION_LIMITS.footnotesPerBlock);
const BLOCKS = z
	.array(
		z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('heading'), text: line20k, numeral: z.string().regex(/^[IVXLCDM]{1,16}$/).nullable() }).strict(),
			z.object({ kind: z.literal('paragraph'), text: line20k, footnotes }).strict(),
			z.object({ kind: z.literal('list-item'), text: line20k, footnotes, isRecommendation: z.literal(true).optional() }).strict(),
			z.object({ kind: z.literal('annex'), cells: z.array(z.string().max(VERSION_LIMITS.blockLength)).min(1).max(VERSION_LIMITS.cellsPerRow), isHeader: z.boolean() }).strict()
		])
	)
	.min(1)
	.max(VERSION_LIMITS.blocks);

/** Blocks sent back by a form (the import's preview, confirmed), checked whole: null when anything is off. */
export function blocksFromJson(text: string): Block[] | null {
	if (text.length > 12 * 1024 * 1024) return null;
	try {
		const parsed = BLOCKS.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export type ShownChange = { op: 'added' | 'removed' | 'changed'; words: { op: 'same' | 'added' | 'removed'; text: string }[] };

/** The changes of a diff as pages show them: each added, removed or changed block, word by word. */
export function shownChanges(entries: readonly DiffEntry[]): ShownChange[] {
	return entries.flatMap((e): ShownChange[] => {
		if (e.op === 'same') return [];
		if (e.op === 'changed') return [{ op: e.op, words: e.words }];
		return [{ op: e.op, words: [{ op: e.op, text: blockFields(e.block).text }] }];
	});
}
