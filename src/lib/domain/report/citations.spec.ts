import { describe, expect, it } from 'vitest';
import { citations, numberBlocks, type Block } from './model';

const p = (text: string): Block => ({ kind: 'paragraph', text, footnotes: [] });
const item = (text: string): Block => ({ kind: 'list-item', text, footnotes: [] });

describe('citations', () => {
	it('cites a lettered item by its paragraph and letter, so that two B items are told apart', () => {
		const blocks: Block[] = [
			{ kind: 'heading', text: 'Background', numeral: 'I' },
			p('one'),
			item('a'),
			item('b'),
			p('two'),
			item('a'),
			item('b'),
			{ kind: 'annex', cells: ['Agenda'], isHeader: true }
		];
		expect(citations(numberBlocks(blocks))).toEqual(['', '1', '1 (A)', '1 (B)', '2', '2 (A)', '2 (B)', '']);
	});

	it('cites an item under a heading with no paragraph before it by its letter alone', () => {
		const blocks: Block[] = [p('one'), { kind: 'heading', text: 'Recommendations', numeral: 'II' }, item('a')];
		expect(citations(numberBlocks(blocks))).toEqual(['1', '', 'A']);
	});
});
