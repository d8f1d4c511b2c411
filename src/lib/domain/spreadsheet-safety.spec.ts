import { describe, expect, it } from 'vitest';
import { neutralizeCell } from './spreadsheet-safety';

describe('neutralizeCell', () => {
	it.each([
		['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
		['+1+1', "'+1+1"],
		['-2+3', "'-2+3"],
		['@SUM(A1:A2)', "'@SUM(A1:A2)"],
		['\t=1', "'\t=1"],
		['\r=1', "'\r=1"]
	])('neutralizes %j', (input, expected) => {
		expect(neutralizeCell(input)).toBe(expected);
	});
	it.each([['Siriporn Saetang'], ['a=b'], ['+'.slice(1)], ['Ministry of Labour (MoL)'], ['']])('leaves %j as it is', (input) => {
		expect(neutralizeCell(input)).toBe(input);
	});
	it('turns null into an empty cell', () => {
		expect(neutralizeCell(null)).toBe('');
	});
});
