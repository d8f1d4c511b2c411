// Text compared without case and diacritics, keeping the way back to the original positions:
// "Nguyễn Thị Ánh" and "nguyen thi anh" match, and a finding points at the original characters.

export interface Folded {
	text: string; // folded: lower case, no combining marks
	origin: number[]; // for each folded character, the index of the original character
}

export function fold(original: string): Folded {
	let text = '';
	const origin: number[] = [];
	for (let i = 0; i < original.length; ) {
		const cp = original.codePointAt(i)!;
		const ch = String.fromCodePoint(cp);
		const folded = ch
			.normalize('NFD')
			.replace(/\p{M}/gu, '')
			.replace(/[’ʼ]/g, "'")
			.toLowerCase();
		for (const f of folded) {
			text += f;
			origin.push(i);
		}
		i += ch.length;
	}
	return { text, origin };
}

/** The original span of a match in the folded text. */
export function originalSpan(f: Folded, start: number, end: number, original: string): { start: number; end: number } {
	const s = f.origin[start] ?? original.length;
	const last = f.origin[end - 1] ?? s;
	const lastChar = String.fromCodePoint(original.codePointAt(last) ?? 0);
	return { start: s, end: last + lastChar.length };
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
