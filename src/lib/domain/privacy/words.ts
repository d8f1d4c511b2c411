// The words of a folded text, read once and shared by the leak scan and the speaker descriptors:
// maximal runs of letters and digits, in typed arrays (no object per word), with their text.

export interface WordSpans {
	starts: Int32Array;
	ends: Int32Array;
	texts: string[];
	count: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether text[i] is a letter or a digit: ASCII by code, the rest by character class. */
export function isWordCharAt(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	return c < 0x80 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) : WORD_CHAR.test(text[i]) || (c >= 0xd800 && c <= 0xdbff && WORD_CHAR.test(text.slice(i, i + 2)));
}

/** Linear in the text. */
export function wordSpans(folded: string): WordSpans {
	const starts = new Int32Array((folded.length + 1) >> 1 || 1);
	const ends = new Int32Array(starts.length);
	const texts: string[] = [];
	const length = folded.length;
	let i = 0;
	let n = 0;
	while (i < length) {
		while (i < length && !isWordCharAt(folded, i)) i++;
		if (i >= length) break;
		const s = i;
		while (i < length && isWordCharAt(folded, i)) i++;
		starts[n] = s;
		ends[n] = i;
		texts.push(folded.slice(s, i));
		n++;
	}
	return { starts, ends, texts, count: n };
}

/**
 * The first index in [0, count) whose key is at least `at`, keys rising with the index (count when
 * none is): the one binary search of the privacy core.
 */
export function lowerBound(count: number, at: number, keyAt: (i: number) => number): number {
	let lo = 0;
	let hi = count;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (keyAt(mid) < at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * lowerBound over rising numbers held in a typed array: the same search without a function call
 * per step (the speaker descriptors make several per speaker phrase).
 */
export function firstAtLeast(values: Int32Array, count: number, at: number): number {
	let lo = 0;
	let hi = count;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (values[mid] < at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The index of the first word starting at or after `at`. */
export const firstWordFrom = (w: WordSpans, at: number): number => firstAtLeast(w.starts, w.count, at);
