// Text compared without case and diacritics, keeping the way back to the original positions:
// "Nguyễn Thị Ánh" and "nguyen thi anh" match, and a finding points at the original characters.
// Invisible characters that could split a name without showing ("Ok\u200Bonjo", a soft hyphen)
// are dropped, so that they cannot hide a name from the scan.

export interface Folded {
	text: string; // folded: lower case, no combining marks, no invisible characters
	origin: number[]; // for each folded character (UTF-16 unit), the index of the original character
}

// Zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen, Mongolian vowel separator.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/;

/** Linear in the text: ASCII takes a fast path; other characters are decomposed one by one. */
export function fold(original: string): Folded {
	const parts: string[] = [];
	const origin: number[] = [];
	for (let i = 0; i < original.length; ) {
		const code = original.charCodeAt(i);
		if (code < 0x80) {
			parts.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : original[i]);
			origin.push(i);
			i++;
			continue;
		}
		const cp = original.codePointAt(i)!;
		const ch = String.fromCodePoint(cp);
		if (!INVISIBLE.test(ch)) {
			const folded = ch
				.normalize('NFD')
				.replace(/\p{M}/gu, '')
				.replace(/[’ʼ‘`´]/g, "'")
				.toLowerCase();
			for (let j = 0; j < folded.length; j++) {
				parts.push(folded[j]);
				origin.push(i);
			}
		}
		i += ch.length;
	}
	return { text: parts.join(''), origin };
}

/** The original span of a match in the folded text. */
export function originalSpan(f: Folded, start: number, end: number, original: string): { start: number; end: number } {
	const s = f.origin[start] ?? original.length;
	const last = f.origin[end - 1] ?? s;
	const lastChar = String.fromCodePoint(original.codePointAt(last) ?? 0);
	return { start: s, end: last + lastChar.length };
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
