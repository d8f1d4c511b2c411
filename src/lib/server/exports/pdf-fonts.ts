// The fonts a report PDF writes with: DejaVu Serif for Latin (with Vietnamese and the other
// diacritics), Greek and Cyrillic, and Noto Sans for the scripts it lacks — Chinese and Japanese
// (Noto Sans Hans, which carries kana), Korean, Thai and Devanagari. A text is cut into runs, each in
// the first font that has its characters; pdfkit embeds only the glyphs a report uses (a subset), so
// a name in Chinese adds kilobytes, not the font's megabytes. A fallback font is read from disk only
// by a report that needs it.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);
const DEJAVU = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const inPackage = (entry: string, ...file: string[]) => path.join(path.dirname(require.resolve(entry)), ...file);

export type Role = 'body' | 'bold' | 'italic';

/** The document's own fonts, by role. */
export const ROLE_FONTS: Record<Role, string> = {
	body: path.join(DEJAVU, 'DejaVuSerif.ttf'),
	bold: path.join(DEJAVU, 'DejaVuSerif-Bold.ttf'),
	italic: path.join(DEJAVU, 'DejaVuSerif-Italic.ttf')
};

/**
 * The fallbacks, in the order they are tried: the small fonts first (a Thai name does not open the
 * 8 MB Chinese font), then Chinese glyph forms before Korean ones for Han characters.
 */
export const SCRIPT_FONTS = [
	{ name: 'noto-thai', file: inPackage('@expo-google-fonts/noto-sans-thai/package.json', '400Regular', 'NotoSansThai_400Regular.ttf') },
	{ name: 'noto-devanagari', file: inPackage('@expo-google-fonts/noto-sans-devanagari/package.json', '400Regular', 'NotoSansDevanagari_400Regular.ttf') },
	{ name: 'noto-hans', file: inPackage('@embedpdf/fonts-sc', '..', 'fonts', 'NotoSansHans-Regular.otf') },
	{ name: 'noto-kr', file: inPackage('@embedpdf/fonts-kr', '..', 'fonts', 'NotoSansKR-Regular.otf') }
] as const;

type Coverage = { hasGlyphForCodePoint(codePoint: number): boolean };
const opened = new Map<string, Coverage>();
function coverage(file: string): Coverage {
	let font = opened.get(file);
	if (!font) {
		const f = fontkit.openSync(file);
		font = 'fonts' in f ? (f.fonts[0] as Coverage) : (f as Coverage);
		opened.set(file, font);
	}
	return font;
}

export interface Run {
	/** A role's font, or the name of a fallback in SCRIPT_FONTS. */
	font: string;
	text: string;
}

// Spaces, joiners and marks go with the run they are in: a run never breaks between words of one script.
const NEUTRAL = /[\s\u200b-\u200d\u2060\p{M}]/u;

/** `text` cut into runs, each in the first font (the role's, then the fallbacks) that has its characters. */
export function runsOf(text: string, role: Role): Run[] {
	const own = coverage(ROLE_FONTS[role]);
	const runs: Run[] = [];
	for (const char of text) {
		const last = runs[runs.length - 1];
		let font: string = role;
		const code = char.codePointAt(0)!;
		if (last && NEUTRAL.test(char)) font = last.font;
		else if (!own.hasGlyphForCodePoint(code)) font = SCRIPT_FONTS.find((f) => coverage(f.file).hasGlyphForCodePoint(code))?.name ?? role;
		if (last?.font === font) last.text += char;
		else runs.push({ font, text: char });
	}
	return runs;
}
