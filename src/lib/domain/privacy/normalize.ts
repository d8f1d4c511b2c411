// Text compared without case and diacritics, keeping the way back to the original positions:
// "Nguyễn Thị Ánh" and "nguyen thi anh" match, and a finding points at the original characters.
// Invisible characters that could split a name without showing ("Ok\u200Bonjo", a soft hyphen)
// are dropped, so that they cannot hide a name from the scan.

export interface Folded {
	text: string; // folded: lower case, no combining marks, no invisible characters
	origin: Int32Array; // for each folded character (UTF-16 unit), the index of the original character
}

// Characters that show nothing, or only direction, but would split a name: zero-width space,
// (non-)joiners, direction marks and embeddings, word joiner and invisible operators, BOM, soft
// hyphen, Mongolian vowel separator, Arabic letter mark and tatweel, Hangul fillers.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u180E\u061C\u0640\u3164\uFFA0\u115F\u1160]/;
// Letters that Unicode does not decompose into a base letter and a mark, written as people type
// them on a keyboard without them: "Đặng" as "Dang", "Wałęsa" as "Walesa", "Straße" as "Strasse".
const PLAIN: Record<string, string> = { đ: 'd', ð: 'd', ł: 'l', ø: 'o', ß: 'ss', ı: 'i', þ: 'th', æ: 'ae', œ: 'oe', ħ: 'h', ŧ: 't', ŀ: 'l', ĸ: 'k' };
/** Folded form of each non-ASCII character met so far (bounded: a text cannot grow it without end). */
const CACHE = new Map<number, string>();
const CACHE_LIMIT = 200_000;

function foldChar(cp: number, ch: string): string {
	const cached = CACHE.get(cp);
	if (cached !== undefined) return cached;
	// NFKD also maps full-width and other compatibility forms ("Ｏｋｏｎｊｏ") to plain letters.
	const folded = INVISIBLE.test(ch)
		? ''
		: [
				...ch
					.normalize('NFKD')
					.replace(/\p{M}/gu, '')
					.replace(/[’ʼ‘`´＇]/g, "'")
					.toLowerCase()
			]
				.map((c) => PLAIN[c] ?? c)
				.join('');
	if (CACHE.size < CACHE_LIMIT) CACHE.set(cp, folded);
	return folded;
}

/** Linear in the text: runs of ASCII are lowered at once; other characters are looked up one by one. */
export function fold(original: string): Folded {
	const parts: string[] = [];
	let origin = new Int32Array(original.length + 16);
	let n = 0;
	const room = (extra: number) => {
		if (n + extra <= origin.length) return;
		const grown = new Int32Array(Math.max(origin.length * 2, n + extra));
		grown.set(origin);
		origin = grown;
	};
	for (let i = 0; i < original.length; ) {
		let j = i;
		while (j < original.length && original.charCodeAt(j) < 0x80) j++;
		if (j > i) {
			parts.push(original.slice(i, j).toLowerCase());
			room(j - i);
			for (let x = i; x < j; x++) origin[n++] = x;
			i = j;
			continue;
		}
		const cp = original.codePointAt(i)!;
		const ch = String.fromCodePoint(cp);
		const folded = foldChar(cp, ch);
		parts.push(folded);
		room(folded.length);
		for (let x = 0; x < folded.length; x++) origin[n++] = i;
		i += ch.length;
	}
	return { text: parts.join(''), origin: origin.subarray(0, n) };
}

/** The original span of a match in the folded text. */
const MARK = /\p{M}/u;

export function originalSpan(f: Folded, start: number, end: number, original: string): { start: number; end: number } {
	const s = f.origin[start] ?? original.length;
	const last = f.origin[end - 1] ?? s;
	let stop = last + ((original.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
	// Marks that folding dropped after the last letter (Thai and Devanagari vowel signs) belong to the span.
	while (stop < original.length && original.charCodeAt(stop) >= 0x300 && MARK.test(original[stop])) stop++;
	return { start: s, end: stop };
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
