// Reads a summary report back from a DOCX that staff edited in Word or LibreOffice: headings,
// numbered paragraphs (Word numbering or typed numbers), lettered items, recommendations (their own
// paragraph style), footnotes and the annex table become blocks again, numbered afresh. Tracked
// changes are read as shown (insertions kept, deletions dropped) and listed with where they are;
// Word comments are listed too. The file names the version it was downloaded from (a custom
// document property, which Word and LibreOffice both keep).
//
// Everything is bounded before it is read: the file's size, what the zip really unpacks to, the
// XML's depth and number of elements, the number and length of blocks. A file that is not a DOCX
// (a PDF, an old .doc, a password-protected file, an OpenDocument file) is named for what it is.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SaxesParser } from 'saxes';
import { citations, letterOf, numberBlocks, roman, type Block } from '../../domain/report/model';
import { VERSION_LIMITS } from '../../domain/report/edit';
import { unzipBounded, ZipRefusedError, type ZipLimits, type ZipProblem } from './bounded-zip';

/** The custom document property that carries the id of the version a DOCX was downloaded from. */
export const VERSION_PROPERTY = 'Convene version';
/** The paragraph style of recommendation items, so that Word and LibreOffice keep them apart from other lettered items. */
export const RECOMMENDATION_STYLE = 'Recommendation';

export interface DocxLimits extends ZipLimits {
	bytes: number;
	xmlDepth: number;
	/** Elements in all the parts read, together (each costs memory in the tree). */
	xmlElements: number;
	/** One tag with its attributes, in characters (a tag with millions of attributes stalls any parser). */
	tagLength: number;
	blocks: number;
	/** One block's text, and one footnote's, in characters. */
	blockLength: number;
	/** All the text of the report, footnotes included (what the preview sends back to be saved). */
	totalLength: number;
	footnotesPerBlock: number;
	cellsPerRow: number;
	/** Tracked changes and comments listed (the rest are counted). */
	listed: number;
}

export const DOCX_LIMITS: DocxLimits = {
	bytes: 20 * 1024 * 1024,
	unzippedBytes: 100 * 1024 * 1024,
	partBytes: 32 * 1024 * 1024,
	zipEntries: 1000,
	xmlDepth: 128,
	xmlElements: 400_000,
	tagLength: 64 * 1024,
	...VERSION_LIMITS, // blocks, paragraph length, footnotes and cells as a saved version may hold them
	totalLength: 2_000_000,
	listed: 1000
};

export type DocxRefusal =
	| { reason: 'too-large'; limitMb: number }
	| { reason: 'not-docx'; found: 'pdf' | 'opendocument' | 'spreadsheet' | 'presentation' | 'zip' | 'other' }
	| { reason: 'legacy-doc' }
	| { reason: 'encrypted' }
	| { reason: 'zip'; zip: ZipProblem }
	| { reason: 'malformed'; part: string; detail: string }
	| { reason: 'no-paragraphs' }
	| { reason: 'too-many-blocks'; limit: number }
	| { reason: 'block-too-long'; limit: number; start: string }
	| { reason: 'too-many-footnotes'; limit: number; start: string }
	| { reason: 'too-many-cells'; limit: number }
	| { reason: 'too-much-text'; limit: number };

export class DocxRefusedError extends Error {
	constructor(readonly refusal: DocxRefusal) {
		super(explainDocxRefusal(refusal));
	}
}

/** Where in the report a tracked change or a comment is: a paragraph or item by its citation, a heading by its text. */
export interface Place {
	kind: 'paragraph' | 'heading' | 'annex' | 'title';
	/** "12", "12 (B)", "II. Summary of the discussion"; empty for the annex and the title page. */
	label: string;
	isFootnote: boolean;
}

export interface TrackedChange {
	kind: 'insertion' | 'deletion' | 'formatting';
	author: string;
	date: string | null;
	/** The words inserted or deleted (at most 200 characters); empty for a change of formatting. */
	text: string;
	place: Place;
}

export interface WordComment {
	author: string;
	date: string | null;
	text: string;
	place: Place;
}

/** What the file holds that a report version cannot, left out and counted so that the uploader is told. */
export interface Omitted {
	kind: 'heading-footnotes' | 'table-footnotes' | 'stray-footnotes' | 'text-boxes' | 'endnotes';
	count: number;
}

export interface ReadDocx {
	/** The id of the version the file was downloaded from, or null when the file does not say. */
	versionId: string | null;
	blocks: Block[];
	/** At most `listed` of each; the counts are whole. */
	trackedChanges: TrackedChange[];
	trackedChangeCount: number;
	comments: WordComment[];
	commentCount: number;
	omitted: Omitted[];
}

const FORMATS: Record<string, string> = {
	pdf: 'a PDF',
	opendocument: 'an OpenDocument file',
	spreadsheet: 'a spreadsheet',
	presentation: 'a presentation',
	zip: 'a zip archive',
	other: 'something else'
};

const fmt = (n: number) => n.toLocaleString('en-GB');

/** The refusal in English, for the CLI and the logs; the web page words each reason in the staff member's language. */
export function explainDocxRefusal(r: DocxRefusal): string {
	switch (r.reason) {
		case 'too-large':
			return `The file is larger than ${fmt(r.limitMb)} MB`;
		case 'not-docx':
			return `This is not a Word (.docx) file: it is ${FORMATS[r.found]}. Save it from Word as .docx and upload that`;
		case 'legacy-doc':
			return 'This is a Word 97–2003 (.doc) file: open it in Word, save it as .docx and upload that';
		case 'encrypted':
			return 'The file is protected by a password: remove the password in Word (File › Info › Protect Document), save and upload it again';
		case 'zip': {
			const z = r.zip;
			if (z.problem === 'unzips-too-large') return `The file unpacks to more than ${fmt(z.limitMb)} MB: it cannot be a report`;
			if (z.problem === 'part-too-large') return `A part of the file (${z.part}) unpacks to more than ${fmt(z.limitMb)} MB: it cannot be a report`;
			if (z.problem === 'too-many-parts') return `The file holds more than ${fmt(z.limit)} parts: it cannot be a report`;
			if (z.problem === 'not-a-zip') return 'This is not a Word (.docx) file, or it is damaged';
			return `The file is damaged: ${z.detail}`;
		}
		case 'malformed':
			return `The file is damaged (${r.part}: ${r.detail})`;
		case 'no-paragraphs':
			return 'No numbered paragraph was found in the file: is it the summary report? Paragraphs are numbered with Word numbering or typed numbers ("12. …")';
		case 'too-many-blocks':
			return `The file holds more than ${fmt(r.limit)} paragraphs`;
		case 'block-too-long':
			return `A paragraph is longer than ${fmt(r.limit)} characters ("${r.start}…")`;
		case 'too-many-footnotes':
			return `A paragraph has more than ${fmt(r.limit)} footnotes ("${r.start}…")`;
		case 'too-many-cells':
			return `A table row has more than ${fmt(r.limit)} cells`;
		case 'too-much-text':
			return `The file holds more than ${fmt(r.limit)} characters of text: it cannot be a report`;
	}
}

// ---------------------------------------------------------------------------------------------
// The XML, as a small tree of elements under limits.

interface El {
	name: string;
	attrs: Record<string, string>;
	children: (El | string)[];
}

const NAMESPACES: Record<string, string> = {
	'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
	'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w', // Strict Open XML
	'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': 'cp',
	'http://purl.oclc.org/ooxml/officeDocument/customProperties': 'cp',
	'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes': 'vt',
	'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes': 'vt',
	'http://schemas.openxmlformats.org/package/2006/relationships': 'rel'
};
const qualified = (uri: string, local: string) => `${NAMESPACES[uri] ?? '?'}:${local}`;
/** Elements whose text is content; whitespace between other elements is layout. */
const TEXT_ELEMENTS = new Set(['w:t', 'w:delText', 'vt:lpwstr']);

/**
 * The longest tag of an XML text, found in one pass before parsing: attribute values are skipped
 * whole (a ">" inside quotes does not end a tag), comments, CDATA and processing instructions are
 * not tags.
 */
export function longestTag(text: string): number {
	let longest = 0;
	const skipTo = (from: number, end: string) => {
		const at = text.indexOf(end, from);
		return at === -1 ? text.length : at + end.length;
	};
	let at = text.indexOf('<');
	while (at !== -1 && at < text.length) {
		if (text.startsWith('<!--', at)) at = skipTo(at + 4, '-->');
		else if (text.startsWith('<![CDATA[', at)) at = skipTo(at + 9, ']]>');
		else if (text.startsWith('<?', at)) at = skipTo(at + 2, '?>');
		else {
			let i = at + 1;
			for (;;) {
				const quote = /["'>]/g;
				quote.lastIndex = i;
				const m = quote.exec(text);
				if (!m) {
					i = text.length;
					break;
				}
				if (m[0] === '>') {
					i = m.index + 1;
					break;
				}
				const close = text.indexOf(m[0], m.index + 1);
				i = close === -1 ? text.length : close + 1;
				if (i - at > 1024 * 1024 * 64) break;
			}
			longest = Math.max(longest, i - at);
			at = i;
		}
		at = text.indexOf('<', at);
	}
	return longest;
}

async function parseXml(part: string, data: Buffer, limits: DocxLimits, budget: { elements: number }): Promise<El> {
	const malformed = (detail: string) => new DocxRefusedError({ reason: 'malformed', part, detail });
	const text = new TextDecoder(data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : 'utf-8').decode(data);
	if (longestTag(text) > limits.tagLength) throw malformed(`a tag longer than ${fmt(limits.tagLength)} characters`);
	// Namespaces are resolved here rather than by the parser, whose resolution walks every open
	// element on every tag (a file nested 200,000 deep took seconds before the depth limit stopped it).
	const parser = new SaxesParser({ position: false });
	const root: El = { name: '#root', attrs: {}, children: [] };
	const stack: El[] = [root];
	const scopes: Record<string, string>[] = [{}];
	let failure: Error | null = null;
	parser.on('doctype', () => {
		failure ??= malformed('a DOCTYPE is not allowed in a Word file');
	});
	parser.on('opentag', (tag) => {
		if (failure) return;
		if (++budget.elements > limits.xmlElements) failure = malformed(`more than ${fmt(limits.xmlElements)} elements in the file`);
		else if (stack.length > limits.xmlDepth) failure = malformed(`nested deeper than ${limits.xmlDepth} levels`);
		if (failure) return;
		const raw = tag.attributes as Record<string, string>;
		let scope = scopes[scopes.length - 1];
		for (const [name, value] of Object.entries(raw)) {
			if (name === 'xmlns' || name.startsWith('xmlns:')) {
				if (scope === scopes[scopes.length - 1]) scope = Object.create(scope) as Record<string, string>;
				scope[name === 'xmlns' ? '' : name.slice(6)] = value;
			}
		}
		const resolve = (name: string, isAttribute: boolean) => {
			const colon = name.indexOf(':');
			if (colon === -1) return isAttribute ? name : qualified(scope[''] ?? '', name);
			return qualified(scope[name.slice(0, colon)] ?? '', name.slice(colon + 1));
		};
		const attrs: Record<string, string> = {};
		for (const [name, value] of Object.entries(raw)) if (name !== 'xmlns' && !name.startsWith('xmlns:')) attrs[resolve(name, true)] = value;
		const el: El = { name: resolve(tag.name, false), attrs, children: [] };
		stack[stack.length - 1].children.push(el);
		if (!tag.isSelfClosing) {
			stack.push(el);
			scopes.push(scope);
		}
	});
	parser.on('closetag', (tag) => {
		if (failure || tag.isSelfClosing) return;
		stack.pop();
		scopes.pop();
	});
	parser.on('text', (t) => {
		const top = stack[stack.length - 1];
		if (!failure && TEXT_ELEMENTS.has(top.name)) top.children.push(t);
	});
	parser.on('error', (e) => {
		failure ??= malformed(e.message.split('\n')[0]);
	});
	const CHUNK = 64 * 1024;
	try {
		for (let at = 0; at < text.length && !failure; at += CHUNK) {
			parser.write(text.slice(at, at + CHUNK));
			await yieldToEventLoop(); // a large part does not hold up other requests
		}
		if (!failure) parser.close();
	} catch (error) {
		failure ??= malformed((error as Error).message.split('\n')[0]);
	}
	if (failure) throw failure;
	return root;
}

const childrenOf = (el: El) => el.children.filter((c): c is El => typeof c !== 'string');
const child = (el: El | undefined, name: string) => (el ? childrenOf(el).find((c) => c.name === name) : undefined);
const val = (el: El | undefined) => el?.attrs['w:val'];
/** Every element named `name` under `el`, in document order (the tree is at most `xmlDepth` deep). */
function descendants(el: El, name: string, out: El[] = []): El[] {
	for (const c of childrenOf(el)) {
		if (c.name === name) out.push(c);
		else descendants(c, name, out);
	}
	return out;
}
const isOn = (el: El | undefined) => !!el && !['false', '0', 'off'].includes(val(el) ?? '');
const textOf = (el: El): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

// ---------------------------------------------------------------------------------------------
// Styles and numbering: what kind of paragraph each one is.

interface Style {
	name: string;
	basedOn: string | null;
	/** Its text is hidden (w:vanish in the style's run properties). */
	hidden: boolean;
	numId: string | null;
	ilvl: string | null;
	outline: number | null;
}

function readStyles(root: El | null): Map<string, Style> {
	const styles = new Map<string, Style>();
	if (!root) return styles;
	for (const s of descendants(root, 'w:style')) {
		const type = s.attrs['w:type'];
		if ((type !== 'paragraph' && type !== 'character') || !s.attrs['w:styleId']) continue;
		const pPr = child(s, 'w:pPr');
		const vanish = child(child(s, 'w:rPr'), 'w:vanish');
		const numPr = child(pPr, 'w:numPr');
		const outline = val(child(pPr, 'w:outlineLvl'));
		styles.set(s.attrs['w:styleId'], {
			name: (val(child(s, 'w:name')) ?? s.attrs['w:styleId']).toLowerCase(),
			basedOn: val(child(s, 'w:basedOn')) ?? null,
			hidden: isOn(vanish),
			numId: val(child(numPr, 'w:numId')) ?? null,
			ilvl: val(child(numPr, 'w:ilvl')) ?? null,
			outline: outline === undefined ? null : Number(outline)
		});
	}
	return styles;
}

/** A style and the styles it is based on, nearest first (a loop or a long chain is cut). */
function chainOf(styles: Map<string, Style>, id: string | undefined): Style[] {
	const chain: Style[] = [];
	for (let s = id ? styles.get(id) : undefined; s && chain.length < 16 && !chain.includes(s); s = s.basedOn ? styles.get(s.basedOn) : undefined) chain.push(s);
	return chain;
}

/** numId → level → number format ("decimal", "upperLetter", "bullet", …). */
function readNumbering(root: El | null): (numId: string, ilvl: string) => string | null {
	if (!root) return () => null;
	const levels = (el: El) => new Map(childrenOf(el).filter((l) => l.name === 'w:lvl').map((l) => [l.attrs['w:ilvl'] ?? '0', val(child(l, 'w:numFmt')) ?? 'decimal']));
	const abstract = new Map(descendants(root, 'w:abstractNum').map((a) => [a.attrs['w:abstractNumId'], levels(a)]));
	const nums = new Map(
		descendants(root, 'w:num').map((n) => {
			const overrides = new Map(childrenOf(n).filter((o) => o.name === 'w:lvlOverride').flatMap((o) => [...levels(o)]));
			return [n.attrs['w:numId'], { abstract: abstract.get(val(child(n, 'w:abstractNumId')) ?? ''), overrides }];
		})
	);
	return (numId, ilvl) => {
		const n = nums.get(numId);
		return n?.overrides.get(ilvl) ?? n?.abstract?.get(ilvl) ?? null;
	};
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and their runs, with tracked changes read as shown.

interface PendingChange {
	kind: TrackedChange['kind'];
	author: string;
	date: string | null;
	text: string;
}

interface Collected {
	text: string;
	footnoteIds: string[];
	commentIds: string[];
	changes: PendingChange[];
}

const collected = (): Collected => ({ text: '', footnoteIds: [], commentIds: [], changes: [] });
const INLINE_CONTAINERS = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:dir', 'w:bdo']);

function changeOf(el: El, kind: TrackedChange['kind'], text: string): PendingChange {
	// Cut before tidying: the text of a change can be as long as its paragraph.
	return { kind, author: (el.attrs['w:author'] ?? '').slice(0, 200), date: el.attrs['w:date']?.slice(0, 40) ?? null, text: text.slice(0, 400).replace(/\s+/g, ' ').trim().slice(0, 200) };
}

/**
 * The text of a paragraph as Word shows it with tracked changes accepted (hidden text left out), and
 * what it refers to. Refused as soon as the text passes `max` characters, so that nesting cannot
 * copy a long text over and over.
 */
interface Reading {
	/** The longest text of one paragraph, in characters. */
	max: number;
	styles: Map<string, Style>;
	/** The paragraph's style hides its text. */
	isParagraphHidden?: boolean;
}

/** Word does not show a run hidden on the run itself, by its character style, or by its paragraph's style. */
function isHidden(run: El, reading: Reading): boolean {
	const rPr = child(run, 'w:rPr');
	const own = child(rPr, 'w:vanish');
	if (own) return isOn(own);
	return chainOf(reading.styles, val(child(rPr, 'w:rStyle'))).some((s) => s.hidden) || reading.isParagraphHidden === true;
}

function collectInline(el: El, out: Collected, reading: Reading): void {
	const max = reading.max;
	const tooLong = () => new DocxRefusedError({ reason: 'block-too-long', limit: max, start: out.text.slice(0, 40) });
	for (const c of childrenOf(el)) {
		if (c.name === 'w:r') {
			if (isHidden(c, reading)) continue; // hidden text: Word does not show it
			for (const r of childrenOf(c)) {
				if (r.name === 'w:t') out.text += textOf(r);
				else if (r.name === 'w:tab' || r.name === 'w:br' || r.name === 'w:cr') out.text += ' ';
				else if (r.name === 'w:noBreakHyphen') out.text += '-';
				else if (r.name === 'w:footnoteReference' && r.attrs['w:id']) out.footnoteIds.push(r.attrs['w:id']);
				else if (r.name === 'w:commentReference' && r.attrs['w:id']) out.commentIds.push(r.attrs['w:id']);
				else if (r.name === 'w:rPr' && child(r, 'w:rPrChange')) out.changes.push(changeOf(child(r, 'w:rPrChange')!, 'formatting', ''));
			}
			if (out.text.length > max) throw tooLong();
		} else if (c.name === 'w:ins' || c.name === 'w:moveTo') {
			const inner = collected();
			collectInline(c, inner, reading);
			out.changes.push(changeOf(c, 'insertion', inner.text), ...inner.changes);
			out.text += inner.text;
			out.footnoteIds.push(...inner.footnoteIds);
			out.commentIds.push(...inner.commentIds);
			if (out.text.length > max) throw tooLong();
		} else if (c.name === 'w:del' || c.name === 'w:moveFrom') {
			let deleted = '';
			for (const t of [...descendants(c, 'w:delText'), ...descendants(c, 'w:t')]) {
				deleted += textOf(t);
				if (deleted.length > 400) break;
			}
			out.changes.push(changeOf(c, 'deletion', deleted));
			// A comment on deleted words still belongs to this paragraph.
			for (const mark of [...descendants(c, 'w:commentReference'), ...descendants(c, 'w:commentRangeStart')]) if (mark.attrs['w:id']) out.commentIds.push(mark.attrs['w:id']);
		} else if (c.name === 'w:commentRangeStart' && c.attrs['w:id']) {
			out.commentIds.push(c.attrs['w:id']);
		} else if (INLINE_CONTAINERS.has(c.name)) {
			collectInline(c, out, reading);
		}
	}
}

/** The text of every paragraph inside `el` (a footnote, a table cell, a comment), a space apart. */
function collectParagraphs(el: El, out: Collected, readingOf: (p: El) => Reading): void {
	for (const p of descendants(el, 'w:p')) {
		collectInline(p, out, readingOf(p));
		out.text += ' ';
	}
}

/** What several paragraphs run together (deleted paragraph marks) refer to, as one. */
function merged(sources: readonly Collected[], text: string, footnoteIds: string[]): Collected {
	return sources.length === 1 ? sources[0] : { text, footnoteIds, commentIds: sources.flatMap((x) => x.commentIds), changes: sources.flatMap((x) => x.changes) };
}

/** Footnote (or endnote) id → its text (tracked changes accepted) and the changes inside it. */
function readNotes(root: El | null, name: 'w:footnote' | 'w:endnote', reading: Reading): Map<string, { text: string; changes: PendingChange[]; commentIds: string[] }> {
	const notes = new Map<string, { text: string; changes: PendingChange[]; commentIds: string[] }>();
	if (!root) return notes;
	for (const f of descendants(root, name)) {
		const type = f.attrs['w:type'];
		if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
		const note = collected();
		collectParagraphs(f, note, () => reading);
		notes.set(f.attrs['w:id'] ?? '', { text: note.text.replace(/\s+/g, ' ').trim(), changes: note.changes, commentIds: note.commentIds });
	}
	return notes;
}

// ---------------------------------------------------------------------------------------------
// The body: paragraphs and tables, in order, classified.

type Kind = 'front' | 'heading' | 'paragraph' | 'list-item' | 'recommendation' | 'unnumbered';

interface RawParagraph {
	type: 'p';
	kind: Kind;
	/** Numbered as a paragraph by Word's numbering, its style, or a number typed at the start. */
	isNumberedParagraph: boolean;
	hasNumeral: boolean;
	/** The number or letter is typed at the start of the text (and is taken off it). */
	isTyped: boolean;
	/** A heading guessed from a typed Roman numeral, with no heading style ("C. Education" may be item C). */
	isGuessedHeading?: boolean;
	collected: Collected;
	isMarkDeleted: boolean;
}
interface RawRow {
	type: 'row';
	cells: string[];
	isHeader: boolean;
	collected: Collected;
}

const HEADING_NAME = /^heading [1-9]$/;
// Up to three digits: "2030. The Agenda…" is a year, not a paragraph number.
const TYPED_PARAGRAPH = /^(\d{1,3})[.)]\s+(\S[\s\S]*)$/;
const TYPED_ITEM = /^\(?([A-Z]{1,2})[.)]\s+(\S[\s\S]*)$/;
const TYPED_NUMERAL = /^([IVXLC]{1,8})\.\s+(\S[\s\S]*)$/;

type Classified = Omit<RawParagraph, 'type' | 'collected' | 'isMarkDeleted'>;

function classify(p: El, styles: Map<string, Style>, formatOf: (numId: string, ilvl: string) => string | null, text: string): Classified {
	const pPr = child(p, 'w:pPr');
	const chain = chainOf(styles, val(child(pPr, 'w:pStyle')));
	const numPr = child(pPr, 'w:numPr');
	const numId = val(child(numPr, 'w:numId')) ?? chain.find((s) => s.numId)?.numId ?? null;
	const ilvl = val(child(numPr, 'w:ilvl')) ?? chain.find((s) => s.ilvl)?.ilvl ?? '0';
	const format = numId && numId !== '0' ? formatOf(numId, ilvl) : null;
	const outlineAttr = val(child(pPr, 'w:outlineLvl'));
	const outline = outlineAttr !== undefined ? Number(outlineAttr) : (chain.find((s) => s.outline !== null)?.outline ?? null);
	const plain = { isNumberedParagraph: false, hasNumeral: false, isTyped: false };
	if (chain.some((s) => s.name === 'title' || s.name === 'subtitle')) return { kind: 'front', ...plain };
	if (chain.some((s) => HEADING_NAME.test(s.name)) || (outline !== null && outline >= 0 && outline <= 8)) {
		const typed = TYPED_NUMERAL.test(text);
		return { kind: 'heading', ...plain, hasNumeral: typed || format === 'upperRoman', isTyped: typed };
	}
	if (chain.some((s) => s.name === RECOMMENDATION_STYLE.toLowerCase())) return { kind: 'recommendation', ...plain, isTyped: !format && TYPED_ITEM.test(text) };
	if (format && format !== 'none') return { kind: format.startsWith('decimal') ? 'paragraph' : 'list-item', ...plain, isNumberedParagraph: format.startsWith('decimal') };
	if (TYPED_PARAGRAPH.test(text)) return { kind: 'paragraph', ...plain, isNumberedParagraph: true, isTyped: true };
	// A short line with a Roman numeral and no full stop is a typed heading; otherwise a typed letter is an item.
	if (TYPED_NUMERAL.test(text) && text.length <= 120 && !/[.;:]$/.test(text)) return { kind: 'heading', ...plain, hasNumeral: true, isTyped: true, isGuessedHeading: true };
	if (TYPED_ITEM.test(text)) return { kind: 'list-item', ...plain, isTyped: true };
	return { kind: 'unnumbered', ...plain };
}

function readBody(body: El, styles: Map<string, Style>, formatOf: (numId: string, ilvl: string) => string | null, limits: DocxLimits): { raw: (RawParagraph | RawRow)[]; textBoxes: number } {
	const reading = (p?: El): Reading => ({ max: limits.blockLength, styles, isParagraphHidden: p ? chainOf(styles, val(child(child(p, 'w:pPr'), 'w:pStyle'))).some((s) => s.hidden) : false });
	const raw: (RawParagraph | RawRow)[] = [];
	let textBoxes = 0;
	const visit = (el: El) => {
		for (const c of childrenOf(el)) {
			if (c.name === 'w:p') {
				const text = collected();
				collectInline(c, text, reading(c));
				const markRpr = child(child(c, 'w:pPr'), 'w:rPr');
				const markDeleted = child(markRpr, 'w:del');
				if (markDeleted) text.changes.push(changeOf(markDeleted, 'deletion', '¶'));
				const markInserted = child(markRpr, 'w:ins');
				if (markInserted && !text.changes.some((x) => x.kind === 'insertion')) text.changes.push(changeOf(markInserted, 'insertion', '¶'));
				const pPrChange = child(child(c, 'w:pPr'), 'w:pPrChange');
				if (pPrChange) text.changes.push(changeOf(pPrChange, 'formatting', ''));
				// Word writes a text box twice (for new and old readers): counted once per paragraph.
				if (descendants(c, 'w:txbxContent').some((box) => descendants(box, 'w:t').some((t) => textOf(t).trim()))) textBoxes++;
				raw.push({ type: 'p', ...classify(c, styles, formatOf, text.text.trim()), collected: text, isMarkDeleted: !!markDeleted });
			} else if (c.name === 'w:tbl') {
				for (const tr of childrenOf(c).filter((r) => r.name === 'w:tr')) {
					const row = collected();
					const trPr = child(tr, 'w:trPr');
					const rowDeleted = child(trPr, 'w:del');
					const rowInserted = child(trPr, 'w:ins');
					const tcs = childrenOf(tr).filter((tc) => tc.name === 'w:tc');
					if (tcs.length > limits.cellsPerRow) throw new DocxRefusedError({ reason: 'too-many-cells', limit: limits.cellsPerRow });
					const cells = tcs.map((tc) => {
						const cell = collected();
						collectParagraphs(tc, cell, reading);
						const tcPr = child(tc, 'w:tcPr');
						for (const mark of ['w:cellIns', 'w:cellDel'] as const) {
							const found = child(tcPr, mark);
							if (found) row.changes.push(changeOf(found, mark === 'w:cellIns' ? 'insertion' : 'deletion', cell.text));
						}
						row.commentIds.push(...cell.commentIds);
						row.changes.push(...cell.changes);
						row.footnoteIds.push(...cell.footnoteIds);
						return cell.text.replace(/\s+/g, ' ').trim();
					});
					if (rowDeleted) row.changes.push(changeOf(rowDeleted, 'deletion', cells.join(' | ')));
					else if (rowInserted) row.changes.push(changeOf(rowInserted, 'insertion', cells.join(' | ')));
					// A row deleted as a tracked change is gone once accepted; its change is still listed.
					if (rowDeleted || !cells.some(Boolean)) raw.push({ type: 'row', cells: [], isHeader: false, collected: row });
					else raw.push({ type: 'row', cells, isHeader: isOn(child(trPr, 'w:tblHeader')), collected: row });
				}
			} else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') {
				visit(c);
			}
		}
	};
	visit(body);
	return { raw, textBoxes };
}

// ---------------------------------------------------------------------------------------------
// Which parts hold what: found through the package's relationships (Word for the web names the
// main part document2.xml), with Word's usual names when a relationship is missing.

function sniff(data: Uint8Array): DocxRefusal | null {
	const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 8));
	if (head.subarray(0, 4).toString('latin1') === '%PDF') return { reason: 'not-docx', found: 'pdf' };
	if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
		// An OLE compound file: Word 97–2003, or an encrypted Office file (its package is a stream "EncryptedPackage").
		const whole = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
		return whole.includes(Buffer.from('EncryptedPackage', 'utf16le')) || whole.includes(Buffer.from('EncryptionInfo', 'utf16le')) ? { reason: 'encrypted' } : { reason: 'legacy-doc' };
	}
	if (head.subarray(0, 2).toString('latin1') !== 'PK') return { reason: 'not-docx', found: 'other' };
	return null;
}

function whatZipIsIt(paths: Iterable<string>): DocxRefusal {
	const all = [...paths];
	if (all.includes('mimetype') || all.includes('content.xml')) return { reason: 'not-docx', found: 'opendocument' };
	if (all.some((p) => p.startsWith('xl/'))) return { reason: 'not-docx', found: 'spreadsheet' };
	if (all.some((p) => p.startsWith('ppt/'))) return { reason: 'not-docx', found: 'presentation' };
	return { reason: 'not-docx', found: 'zip' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A relationship's target, as a path in the zip, resolved against the folder of the part it belongs to. */
function resolveTarget(from: string, encoded: string): string {
	let target = encoded;
	try {
		target = decodeURIComponent(encoded);
	} catch {
		// kept as written
	}
	if (target.startsWith('/')) return target.slice(1);
	const parts = from.split('/').slice(0, -1);
	for (const piece of target.split('/')) {
		if (piece === '..') parts.pop();
		else if (piece && piece !== '.') parts.push(piece);
	}
	return parts.join('/');
}

export async function readReportDocx(data: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<ReadDocx> {
	if (data.byteLength > limits.bytes) throw new DocxRefusedError({ reason: 'too-large', limitMb: limits.bytes / 1024 / 1024 });
	const sniffed = sniff(data);
	if (sniffed) throw new DocxRefusedError(sniffed);
	const seen: string[] = [];
	let parts: Map<string, Buffer>;
	try {
		parts = await unzipBounded(data, limits, (path) => {
			if (seen.length < 50) seen.push(path);
			return path.endsWith('.xml') || path.endsWith('.rels');
		});
	} catch (error) {
		if (error instanceof ZipRefusedError) throw new DocxRefusedError({ reason: 'zip', zip: error.refusal });
		throw error;
	}
	const budget = { elements: 0 };
	// Each part parsed once, however many relationships point at it.
	const parsed = new Map<string, Promise<El>>();
	const xml = async (path: string | undefined) => {
		const part = path ? parts.get(path) : undefined;
		if (!part) return null;
		if (!parsed.has(path!)) parsed.set(path!, parseXml(path!, part, limits, budget));
		return parsed.get(path!)!;
	};
	const relationships = async (of: string) => {
		const folder = of.split('/').slice(0, -1).join('/');
		const relsPath = `${folder ? `${folder}/` : ''}_rels/${of.split('/').pop()}.rels`;
		const root = await xml(relsPath);
		const byType = new Map<string, string>();
		for (const r of root ? descendants(root, 'rel:Relationship') : []) {
			const type = (r.attrs['Type'] ?? '').split('/').pop() ?? '';
			if (r.attrs['TargetMode'] !== 'External' && r.attrs['Target'] && !byType.has(type)) byType.set(type, resolveTarget(of, r.attrs['Target']));
		}
		return byType;
	};
	const packageRels = await relationships('');
	const mainPath = [packageRels.get('officeDocument'), 'word/document.xml'].find((p) => p && parts.has(p));
	if (!mainPath) throw new DocxRefusedError(whatZipIsIt(seen));
	const mainRels = await relationships(mainPath);
	const partOf = (type: string, usual: string) => [mainRels.get(type), usual].find((p) => p && parts.has(p));

	const root = (await xml(mainPath))!;
	const body = child(child(root, 'w:document'), 'w:body');
	if (!body) throw new DocxRefusedError({ reason: 'malformed', part: mainPath, detail: 'no document body' });
	const styles = readStyles(await xml(partOf('styles', 'word/styles.xml')));
	const { raw, textBoxes } = readBody(body, styles, readNumbering(await xml(partOf('numbering', 'word/numbering.xml'))), limits);
	const reading: Reading = { max: limits.blockLength, styles };
	const notes = readNotes(await xml(partOf('footnotes', 'word/footnotes.xml')), 'w:footnote', reading);
	const endnotes = readNotes(await xml(partOf('endnotes', 'word/endnotes.xml')), 'w:endnote', reading);

	// Blocks, in order, each checked against the limits as it is made.
	const blocks: Block[] = [];
	// Where each raw item's changes and comments land: a block (-1: the title page), or the annex table.
	const origins: { block: number; collected: Collected; isAnnex?: boolean }[] = [];
	const omitted = { 'heading-footnotes': 0, 'table-footnotes': 0, 'stray-footnotes': 0 };
	let totalLength = 0;
	/** A paragraph's text and footnote marks within a block's limits (also checked as a run-on paragraph grows). */
	const checkParagraph = (text: string, footnotes: number) => {
		if (footnotes > limits.footnotesPerBlock) throw new DocxRefusedError({ reason: 'too-many-footnotes', limit: limits.footnotesPerBlock, start: text.slice(0, 40) });
		if (text.length > limits.blockLength) throw new DocxRefusedError({ reason: 'block-too-long', limit: limits.blockLength, start: text.slice(0, 40) });
	};
	const add = (b: Block, c: Collected) => {
		const text = b.kind === 'annex' ? b.cells.join(' ') : b.text;
		totalLength += text.length + (b.kind === 'paragraph' || b.kind === 'list-item' ? b.footnotes.reduce((n, f) => n + f.length, 0) : 0);
		if (totalLength > limits.totalLength) throw new DocxRefusedError({ reason: 'too-much-text', limit: limits.totalLength });
		if (b.kind !== 'annex') checkParagraph(text, b.kind === 'heading' ? 0 : b.footnotes.length);
		blocks.push(b);
		origins.push({ block: blocks.length - 1, collected: c });
		if (blocks.length > limits.blocks) throw new DocxRefusedError({ reason: 'too-many-blocks', limit: limits.blocks });
	};
	const footnotesOf = (ids: string[]) => ids.map((id) => notes.get(id)?.text ?? '').filter(Boolean);
	let numberedParagraphs = 0;
	let lettersInRun = 0; // lettered items since the last paragraph or heading: the next typed letter expected
	// A paragraph whose mark was deleted (a tracked change) runs on into the next.
	let pending: { text: string; footnoteIds: string[]; collected: Collected[] } | null = null;
	for (const r of raw) {
		if (r.type === 'row') {
			omitted['table-footnotes'] += r.collected.footnoteIds.length;
			if (r.cells.length) add({ kind: 'annex', cells: r.cells, isHeader: r.isHeader }, r.collected);
			else origins.push({ block: -1, collected: r.collected, isAnnex: true });
			continue;
		}
		let text = r.collected.text.replace(/\s+/g, ' ').trim();
		let footnoteIds = r.collected.footnoteIds;
		// Gathered, not copied: a run of thousands of empty paragraphs stays linear.
		let sources = [r.collected];
		if (pending) {
			text = `${pending.text} ${text}`.trim();
			footnoteIds = pending.footnoteIds.length ? [...pending.footnoteIds, ...footnoteIds] : footnoteIds;
			sources = pending.collected;
			sources.push(r.collected);
			pending = null;
		}
		if (r.isMarkDeleted) {
			checkParagraph(text, footnoteIds.length);
			pending = { text, footnoteIds, collected: sources };
			continue;
		}
		const refers = merged(sources, text, footnoteIds);
		const footnotes = footnotesOf(footnoteIds);
		const isFront = r.kind === 'front' || (r.kind === 'unnumbered' && blocks.length === 0);
		if (isFront || !text) {
			// A footnote mark on the title page or on a line with no text has no paragraph to go with.
			omitted['stray-footnotes'] += footnotes.length;
			origins.push({ block: isFront ? -1 : Math.max(blocks.length - 1, -1), collected: refers });
			continue;
		}
		let kind = r.kind;
		// A typed "C. Education" goes on a running lettered list rather than open section C.
		const asItem = TYPED_ITEM.exec(text);
		if (kind === 'heading' && r.isGuessedHeading && lettersInRun > 0 && asItem && asItem[1] === letterOf(lettersInRun)) kind = 'list-item';
		let typed = !r.isTyped ? null : kind === 'paragraph' ? TYPED_PARAGRAPH.exec(text) : kind === 'heading' ? TYPED_NUMERAL.exec(text) : TYPED_ITEM.exec(text);
		// A typed letter counts only where a lettered list goes on: "A." after a paragraph, "B." after "A."
		// ("A. Rahman said…" in a paragraph of its own is a paragraph).
		if (typed && (kind === 'list-item' || kind === 'recommendation') && typed[1] !== letterOf(lettersInRun)) {
			typed = null;
			if (kind === 'list-item') kind = 'unnumbered';
		}
		if (typed) text = typed[2];
		if (kind === 'heading') {
			omitted['heading-footnotes'] += footnoteIds.length;
			add({ kind: 'heading', text, numeral: r.hasNumeral ? 'numbered' : null }, refers); // numbered afresh below
			lettersInRun = 0;
		} else if (kind === 'list-item' || kind === 'recommendation') {
			add({ kind: 'list-item', text, footnotes, ...(kind === 'recommendation' ? { isRecommendation: true } : {}) }, refers);
			lettersInRun++;
		} else {
			if (r.isNumberedParagraph && kind === 'paragraph') numberedParagraphs++;
			add({ kind: 'paragraph', text, footnotes }, refers);
			lettersInRun = 0;
		}
	}
	if (pending?.text) add({ kind: 'paragraph', text: pending.text, footnotes: footnotesOf(pending.footnoteIds) }, merged(pending.collected, pending.text, pending.footnoteIds));
	else if (pending) origins.push({ block: Math.max(blocks.length - 1, -1), collected: { ...merged(pending.collected, '', []), footnoteIds: [] } });
	if (!numberedParagraphs) throw new DocxRefusedError({ reason: 'no-paragraphs' });

	// Numbering afresh: headings that carried a Roman numeral get I., II., … in order.
	let section = 0;
	for (const b of blocks) if (b.kind === 'heading' && b.numeral) b.numeral = roman(++section);

	const cites = citations(numberBlocks(blocks));
	const placeOf = (block: number, isFootnote: boolean): Place => {
		const b = blocks[block];
		if (!b) return { kind: 'title', label: '', isFootnote };
		if (b.kind === 'heading') return { kind: 'heading', label: b.numeral ? `${b.numeral}. ${b.text}` : b.text, isFootnote };
		if (b.kind === 'annex') return { kind: 'annex', label: '', isFootnote };
		return { kind: 'paragraph', label: cites[block], isFootnote };
	};
	const trackedChanges: TrackedChange[] = [];
	let trackedChangeCount = 0;
	const track = (c: PendingChange, place: Place) => {
		if (++trackedChangeCount <= limits.listed) trackedChanges.push({ ...c, place });
	};
	const commentPlaces = new Map<string, Place>();
	for (const { block, collected: c, isAnnex } of origins) {
		const here = isAnnex ? ({ kind: 'annex', label: '', isFootnote: false } as const) : placeOf(block, false);
		for (const change of c.changes) track(change, here);
		for (const id of c.commentIds) if (!commentPlaces.has(id)) commentPlaces.set(id, here);
		for (const id of c.footnoteIds) {
			const note = notes.get(id);
			for (const change of note?.changes ?? []) track(change, placeOf(block, true));
			for (const cid of note?.commentIds ?? []) if (!commentPlaces.has(cid)) commentPlaces.set(cid, placeOf(block, true));
		}
	}
	const commentsRoot = await xml(partOf('comments', 'word/comments.xml'));
	const allComments = commentsRoot ? descendants(commentsRoot, 'w:comment') : [];
	const comments: WordComment[] = allComments.slice(0, limits.listed).map((c) => {
		const text = collected();
		try {
			collectParagraphs(c, text, () => reading);
		} catch (error) {
			if (!(error instanceof DocxRefusedError)) throw error; // a very long comment is cut, not a reason to refuse the file
		}
		return {
			author: (c.attrs['w:author'] ?? '').slice(0, 200),
			date: c.attrs['w:date']?.slice(0, 40) ?? null,
			text: text.text.replace(/\s+/g, ' ').trim().slice(0, 2000),
			place: commentPlaces.get(c.attrs['w:id'] ?? '') ?? { kind: 'title', label: '', isFootnote: false }
		};
	});

	const customPath = [packageRels.get('custom-properties'), 'docProps/custom.xml'].find((p) => p && parts.has(p));
	const custom = await xml(customPath);
	const property = custom ? descendants(custom, 'cp:property').find((p) => p.attrs['name'] === VERSION_PROPERTY) : undefined;
	const versionId = property ? textOf(property).trim() : '';
	const counted: Omitted[] = [
		{ kind: 'heading-footnotes' as const, count: omitted['heading-footnotes'] },
		{ kind: 'table-footnotes' as const, count: omitted['table-footnotes'] },
		{ kind: 'stray-footnotes' as const, count: omitted['stray-footnotes'] },
		{ kind: 'text-boxes' as const, count: textBoxes },
		{ kind: 'endnotes' as const, count: endnotes.size }
	].filter((o) => o.count > 0);
	return { versionId: UUID.test(versionId) ? versionId.toLowerCase() : null, blocks, trackedChanges, trackedChangeCount, comments, commentCount: allComments.length, omitted: counted };
}
