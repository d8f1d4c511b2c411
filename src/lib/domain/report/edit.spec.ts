import { describe, expect, it } from 'vitest';
import { applyEdits, blocksFromJson, blockFields, diffBlocks, type BlockEdit } from './edit';
import { numberBlocks, type Block } from './model';

const blocks: Block[] = [
	{ kind: 'heading', numeral: 'I', text: 'Background' },
	{ kind: 'paragraph', text: 'First paragraph.', footnotes: ['Source A.'] },
	{ kind: 'paragraph', text: 'Second paragraph.', footnotes: [] },
	{ kind: 'list-item', text: 'A recommendation.', footnotes: [] },
	{ kind: 'annex', isHeader: true, cells: ['Time', 'Session'] }
];
const edits = (overrides: Record<number, Partial<BlockEdit>> = {}): BlockEdit[] =>
	blocks.map((b, i) => ({ ...blockFields(b), order: String(i + 1), isDeleted: false, isMergedWithNext: false, insertAfter: '', ...overrides[i] }));

describe('editing a version', () => {
	it('gives back the same blocks when nothing changes', () => {
		expect(applyEdits(edits())).toEqual({ ok: true, blocks });
	});

	it('edits, deletes, moves, splits, merges and inserts, and the numbering follows', () => {
		const r = applyEdits(
			edits({
				1: { text: 'First part.\n\nSecond part of the first.', footnotes: 'Source A.\nSource B.' }, // split
				2: { isMergedWithNext: true, kind: 'paragraph' }, // merged with the recommendation
				3: { text: 'now merged.' },
				4: { order: '0' }, // moved to the top
				0: { insertAfter: 'A new opening paragraph.' }
			})
		);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.blocks).toEqual([
			{ kind: 'annex', isHeader: true, cells: ['Time', 'Session'] },
			{ kind: 'heading', numeral: 'I', text: 'Background' },
			{ kind: 'paragraph', text: 'A new opening paragraph.', footnotes: [] },
			{ kind: 'paragraph', text: 'First part.', footnotes: [] },
			{ kind: 'paragraph', text: 'Second part of the first.', footnotes: ['Source A.', 'Source B.'] },
			{ kind: 'paragraph', text: 'Second paragraph. now merged.', footnotes: [] }
		]);
		expect(numberBlocks(r.blocks).flatMap((b) => (b.kind === 'paragraph' ? [b.number] : []))).toEqual([1, 2, 3, 4]);
		const deleted = applyEdits(edits({ 2: { isDeleted: true } }));
		expect(deleted.ok && deleted.blocks).toHaveLength(4);
	});

	it('refuses an emptied paragraph, an unknown kind and an order that is not a number, block by block', () => {
		expect(applyEdits(edits({ 1: { text: '  ' }, 2: { kind: 'poem' }, 3: { order: 'first' } }))).toEqual({ ok: false, errors: { 1: 'required', 2: 'kind-invalid', 3: 'order-invalid' } });
	});
});

describe('the diff between versions', () => {
	it('says which paragraphs were kept, added, removed, or changed word by word', () => {
		const after: Block[] = [blocks[0], { kind: 'paragraph', text: 'First paragraph, revised.', footnotes: ['Source A.'] }, blocks[3], { kind: 'paragraph', text: 'A new closing.', footnotes: [] }, blocks[4]];
		const d = diffBlocks(blocks, after);
		expect(d.map((x) => x.op)).toEqual(['same', 'changed', 'removed', 'same', 'added', 'same']);
		const changed = d[1];
		if (changed.op !== 'changed') throw new Error('expected a change');
		expect(changed.words.filter((w) => w.op !== 'same').map((w) => [w.op, w.text])).toEqual([['added', ', revised']]);
		expect(changed.words.map((w) => w.text).join('')).toBe('First paragraph, revised.');
	});
});

describe('blocks sent back by the import form', () => {
	it('accepts the blocks it was given, and refuses anything else whole', () => {
		const blocks = [
			{ kind: 'heading', numeral: 'I', text: 'Background' },
			{ kind: 'paragraph', text: 'A paragraph.', footnotes: ['A note.'] },
			{ kind: 'list-item', text: 'A recommendation.', footnotes: [], isRecommendation: true },
			{ kind: 'annex', cells: ['10:00', 'Opening'], isHeader: false }
		];
		expect(blocksFromJson(JSON.stringify(blocks))).toEqual(blocks);
		for (const bad of [
			'not json',
			'[]',
			JSON.stringify([{ kind: 'script', text: 'x' }]),
			JSON.stringify([{ kind: 'paragraph', text: '   ', footnotes: [] }]),
			JSON.stringify([{ kind: 'paragraph', text: 'x', footnotes: [], isRecommendation: true }]),
			JSON.stringify([{ kind: 'heading', numeral: '<b>', text: 'x' }]),
			JSON.stringify(Array.from({ length: 5001 }, () => ({ kind: 'paragraph', text: 'x', footnotes: [] })))
		])
			expect(blocksFromJson(bad), bad.slice(0, 40)).toBeNull();
	});
});

describe('a diff on a deadline', () => {
	it('compares very different versions within its time budget, losing no block', () => {
		const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed) % 10007}`).join(' ');
		const before: Block[] = Array.from({ length: 3000 }, (_, i) => ({ kind: 'paragraph', text: words(i, 60), footnotes: [] }));
		const after: Block[] = Array.from({ length: 3000 }, (_, i) => ({ kind: 'paragraph', text: words(i + 5000, 60), footnotes: [] }));
		const started = performance.now();
		const diff = diffBlocks(before, after, 200);
		expect(performance.now() - started).toBeLessThan(1500);
		// Every block of both versions is accounted for, in order.
		expect(diff.flatMap((e) => (e.op === 'changed' ? [e.before] : e.op === 'removed' || e.op === 'same' ? [e.block] : []))).toEqual(before);
		expect(diff.flatMap((e) => (e.op === 'changed' ? [e.after] : e.op === 'added' || e.op === 'same' ? [e.block] : []))).toEqual(after);
	});
});
