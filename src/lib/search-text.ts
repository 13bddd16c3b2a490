/**
 * How page text is prepared for the Pagefind indexer (the served HTML is
 * never changed). Chinese has no spaces, and Pagefind's indexer and the
 * browser segment words with different dictionaries, so a word split one way
 * at build and another way in the reader's browser is never found. We index
 * every Han character as its own word instead and search for phrases
 * (consecutive characters): any substring of the text is found, whatever a
 * dictionary thinks the words are. Document numbers (文号) lose their
 * brackets, which would be words of their own, so `总工发〔2006〕41号` and
 * `总工发[2006]41号` meet the same consecutive words. Text in the other script
 * than the site's (Traditional on a Simplified site) gets a converted copy
 * appended for the indexer; queries are folded into the site's script in the
 * browser (search-fold.ts).
 */

import { escapeHtml } from './html.ts';

/** Zero-width space: Pagefind's own word separator for Chinese; invisible in excerpts. */
export const ZWSP = '\u200b';

const HAN_PAIR = /(\p{Script=Han})(?=\p{Script=Han})/gu;

/** Puts a zero-width space between adjacent Han characters, so each one is an index word. */
export function separateHan(text: string): string {
	return text.replace(HAN_PAIR, `$1${ZWSP}`);
}

/**
 * A 文号 in running text: issuing-body abbreviation, year in any kind of
 * bracket, serial number, 号. The brackets would be index words of their own
 * and break the phrase, so they become separators.
 */
const DOC_NUMBER =
	/(\p{Script=Han})[ \t\u00a0]*[〔［[【（(｛{〖][ \t\u00a0]*((?:19|20)\d{2})[ \t\u00a0]*[〕］\]】）)｝}〗][ \t\u00a0]*第?[ \t\u00a0]*(\d{1,5})[ \t\u00a0]*([号號])/gu;

/**
 * Rewrites `总工发〔2006〕41号` as `总工发 2006 41号` for the indexer. Spaces,
 * not zero-width ones: Pagefind drops those from excerpts, and the year and
 * serial must stay apart for the page to put the brackets back.
 */
export function normaliseDocNumbers(text: string): string {
	return text.replace(DOC_NUMBER, '$1 $2 $3$4');
}

/** The text the indexer sees for one run of page text. */
export function indexText(text: string): string {
	return separateHan(normaliseDocNumbers(text));
}

const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr',
]);
/** Elements whose content is not markup, each with a search for its end tag in any case. */
const RAW_TEXT_END = new Map(
	['script', 'style', 'textarea', 'title', 'template'].map((name) => [
		name,
		new RegExp(`</${name}`, 'gi'),
	]),
);
// Comments, doctype, tags (attribute values may contain `>` inside quotes).
const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const BODY_ATTR = /\sdata-pagefind-body(?=[\s=/>]|$)/;
const DATA_ATTR = /\sdata-pagefind-(?:filter|meta|sort|ignore)(?=[\s=/>]|$)/;

const RECORD_ATTR = /\sdata-pagefind-(?:filter|meta|sort)(?=[\s=/>]|$)/;

interface OpenElement {
	name: string;
	/** This element starts a `data-pagefind-body` region (outermost only). */
	body: boolean;
	/** Text inside is metadata or ignored: leave it alone. */
	keep: boolean;
	/** Outside every body region, and carries a filter, metadata or sort key (outermost only). */
	record: boolean;
	/** Offset of the start tag. */
	start: number;
	/** Offset just after the start tag. */
	innerStart: number;
}

interface Walk {
	/** Inner ranges of the outermost data-pagefind-body elements. */
	regions: Array<[number, number]>;
	/** The same elements, start and end tags included. */
	outer: Array<[number, number]>;
	/** Elements outside the regions that carry filters, metadata or sort keys (Pagefind reads those anywhere). */
	records: Array<[number, number]>;
	/** Text runs inside body regions that the indexer reads as page text. */
	texts: Array<[number, number]>;
}

// The last walk: a page's text is mapped several times over (one copy per script).
let lastHtml: string | undefined;
let lastWalk: Walk | undefined;

/** One pass over the HTML: body regions and the text runs inside them. */
function walk(html: string): Walk {
	if (html !== lastHtml || !lastWalk) {
		lastWalk = walkOnce(html);
		lastHtml = html;
	}
	return lastWalk;
}

function walkOnce(html: string): Walk {
	const regions: Array<[number, number]> = [];
	const outer: Array<[number, number]> = [];
	const records: Array<[number, number]> = [];
	const texts: Array<[number, number]> = [];
	const stack: OpenElement[] = [];
	let bodyDepth = 0;
	let keepDepth = 0;
	let recordDepth = 0;
	let last = 0;
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		if (bodyDepth > 0 && keepDepth === 0 && match.index > last) texts.push([last, match.index]);
		last = TOKEN.lastIndex;
		const rawName = match[2];
		if (!rawName) continue;
		const name = rawName.toLowerCase();
		if (match[1]) {
			let at = stack.length - 1;
			while (at >= 0 && stack[at]!.name !== name) at--;
			if (at < 0) continue;
			// The element and any left open inside it end here.
			while (stack.length > at) {
				const el = stack.pop()!;
				if (el.body) {
					bodyDepth--;
					regions.push([el.innerStart, match.index]);
					outer.push([el.start, last]);
				}
				if (el.keep) keepDepth--;
				if (el.record) {
					recordDepth--;
					records.push([el.start, last]);
				}
			}
			continue;
		}
		const rawEnd = RAW_TEXT_END.get(name);
		if (rawEnd) {
			// Skip to the end tag: nothing in a script or style is page text.
			rawEnd.lastIndex = last;
			const close = rawEnd.exec(html)?.index ?? -1;
			last = TOKEN.lastIndex = close < 0 ? html.length : close;
			continue;
		}
		// Most tags carry no data-pagefind attribute: one search spares them three.
		const attrs = match[3];
		const marked = attrs !== undefined && attrs.includes('data-pagefind-');
		const body = marked && bodyDepth === 0 && BODY_ATTR.test(attrs);
		const record =
			marked && bodyDepth === 0 && recordDepth === 0 && !body && RECORD_ATTR.test(attrs);
		if (VOID.has(name) || match[0].endsWith('/>')) {
			if (record) records.push([match.index, last]);
			continue;
		}
		const keep = marked && DATA_ATTR.test(attrs);
		stack.push({ name, body, keep, record, start: match.index, innerStart: last });
		if (body) bodyDepth++;
		if (keep) keepDepth++;
		if (record) recordDepth++;
	}
	if (bodyDepth > 0 && keepDepth === 0 && html.length > last) texts.push([last, html.length]);
	regions.sort((a, b) => a[0] - b[0]);
	outer.sort((a, b) => a[0] - b[0]);
	records.sort((a, b) => a[0] - b[0]);
	return { regions, outer, records, texts };
}

/** The inner HTML of each outermost `data-pagefind-body` element, in document order. */
export function bodyRegions(html: string): string[] {
	return walk(html).regions.map(([start, end]) => html.slice(start, end));
}

/** Applies `fn` to the page text inside body regions (not tags, scripts, metadata or ignored parts). */
export function mapBodyText(html: string, fn: (text: string) => string): string {
	let out = '';
	let at = 0;
	for (const [start, end] of walk(html).texts) {
		out += html.slice(at, start) + fn(html.slice(start, end));
		at = end;
	}
	return out + html.slice(at);
}

/** Applies `fn` to every text run of an HTML fragment (tags, scripts and styles untouched). */
export function mapText(fragment: string, fn: (text: string) => string): string {
	return mapBodyText(`<div data-pagefind-body>${fragment}</div>`, fn).slice(
		'<div data-pagefind-body>'.length,
		-'</div>'.length,
	);
}

const INDEX_ATTRS = /(\s)data-pagefind-(body|filter|meta|sort)(?=[\s=/>])/g;
// Ids in a copy would duplicate the page's anchors.
const ID_ATTR = /\sid=(?:"[^"]*"|'[^']*'|[^\s>]+)/g;

export interface IndexableOptions {
	/** Script converters (into the site's script; see search-chinese.ts siteScript); a copy is added when one changes the text. */
	converters?: ReadonlyArray<(text: string) => string>;
	/** Extra metadata for result cards (e.g. the 文号 from the content), added invisibly. */
	meta?: Record<string, string>;
	/**
	 * Collects the page's Han characters: `all` as written, `normal` once the
	 * text is in the script of the first converter (see search-fold.ts).
	 */
	chars?: { all: Set<string>; normal: Set<string> };
}

/** Share of changed Han characters above which the whole text is copied. */
const FULL_COPY_RATIO = 0.02;

const HAN_CHAR = /\p{Script=Han}/u;
const HAN_CHARS = /\p{Script=Han}/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The text of `inner` in the other script, or `undefined` if conversion
 * changes nothing. Text mostly in the other script is copied whole (phrases
 * stay intact); text with a few variant characters only gets the runs that
 * change, so a Simplified page does not pay twice for its Simplified copy.
 */
export function convertedCopy(
	inner: string,
	convert: (text: string) => string,
): string | undefined {
	return scriptCopy(inner, convert).copy;
}

/**
 * {@link convertedCopy}, with the text fully converted as well (`normal`:
 * the whole of `inner` in the target script, the same as `inner` when
 * nothing changed).
 */
export function scriptCopy(
	inner: string,
	convert: (text: string) => string,
): { copy: string | undefined; normal: string } {
	let changed = 0;
	const runs: boolean[] = [];
	/** The text runs; their Han characters are counted only if some changed. */
	const texts: string[] = [];
	const hanIn = (text: string) => text.match(HAN_CHARS)?.length ?? 0;
	const full = mapText(inner, (text) => {
		const converted = convert(text);
		runs.push(converted !== text);
		texts.push(text);
		if (converted === text) return converted;
		if (converted.length === text.length && !SURROGATE.test(text) && !SURROGATE.test(converted)) {
			// One code unit per character: compare in place.
			for (let i = 0; i < text.length; i++)
				if (text.charCodeAt(i) !== converted.charCodeAt(i) && HAN_CHAR.test(text[i]!)) changed++;
			return converted;
		}
		const chars = [...text];
		const out = [...converted];
		// Characters shifted: count every Han character as changed.
		if (chars.length !== out.length) changed += hanIn(text);
		else
			for (let i = 0; i < chars.length; i++)
				if (out[i] !== chars[i] && HAN_CHAR.test(chars[i]!)) changed++;
		return converted;
	});
	if (changed === 0) return { copy: undefined, normal: full };
	const han = texts.reduce((sum, text) => sum + hanIn(text), 0);
	if (changed >= han * FULL_COPY_RATIO) return { copy: full, normal: full };
	// The same runs again, in the same order: keep only those conversion changed.
	let run = 0;
	return { copy: mapText(inner, (text) => (runs[run++] ? convert(text) : '')), normal: full };
}

/** The BMP characters each set has been given already (the sets are only ever added to): a page repeats most of its characters. */
const added = new WeakMap<Set<string>, Uint8Array>();

/** Adds the Han characters of `text` to `set` (the CJK ideograph blocks; a quick scan, not a regular expression). */
function addHan(text: string, set: Set<string>): void {
	let seen = added.get(set);
	if (!seen) added.set(set, (seen = new Uint8Array(0x10000)));
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x3400 && (code <= 0x9fff || (code >= 0xf900 && code <= 0xfaff))) {
			if (seen[code] === 0) {
				seen[code] = 1;
				set.add(text[i]!);
			}
		} else if (code >= 0xd840 && code <= 0xd87f) {
			// A surrogate pair in the supplementary ideographic planes (U+20000–U+3FFFF).
			set.add(text.slice(i, i + 2));
			i++;
		}
	}
}

/**
 * The HTML Pagefind indexes for a built page, or `undefined` when the page
 * has no `data-pagefind-body` region (it is not searchable). Adds the
 * converted copies and card metadata before `</body>`, then separates Han
 * characters and normalises 文号 in the page text.
 */
export function indexableHtml(html: string, options: IndexableOptions = {}): string | undefined {
	const regions = bodyRegions(html);
	if (regions.length === 0) return undefined;
	const inner = regions.join('\n');
	// The page's text, mapped with the walk just made (the conversions below walk other strings).
	const mapped = mapBodyText(html, indexText);
	const copies = new Set<string>();
	for (const [i, convert] of (options.converters ?? []).entries()) {
		const { copy, normal } = scriptCopy(inner, convert);
		if (i === 0 && options.chars) {
			addHan(normal, options.chars.normal);
			// Without a copy the page is in the site's script already: its characters are `normal`.
			if (copy) addHan(inner, options.chars.all);
		}
		if (copy)
			copies.add(
				copy.replace(/<[a-zA-Z][^>]*>/g, (tag) =>
					tag.replace(INDEX_ATTRS, '$1data-gk-pagefind-$2').replace(ID_ATTR, ''),
				),
			);
	}
	// The copies are body text too, mapped on their own; the metadata is not text the indexer reads.
	let extra = '';
	if (copies.size > 0)
		extra += mapBodyText(
			`<div hidden data-pagefind-body>${[...copies].join('\n')}</div>`,
			indexText,
		);
	const meta = Object.entries(options.meta ?? {});
	if (meta.length > 0) {
		extra += `<div hidden data-pagefind-ignore>${meta
			.map(
				([key, value]) =>
					`<span data-pagefind-meta="${escapeHtml(key)}">${escapeHtml(value)}</span>`,
			)
			.join('')}</div>`;
	}
	if (!extra) return mapped;
	// Outside every region, so the same in both.
	const end = mapped.lastIndexOf('</body>');
	return end < 0 ? mapped + extra : mapped.slice(0, end) + extra + mapped.slice(end);
}

/**
 * The part of a built page the indexer reads, as a small document of its
 * own: the `<html lang>`, every `data-pagefind-body` region and any element
 * outside them that carries a filter, metadata or sort key — nothing of the
 * page's head, navigation or asset links. Pagefind indexes it exactly as the
 * whole page, and it changes only when what search knows about the page
 * changes (the search index cache keys on it). `undefined` for a page
 * without a body region.
 */
export function sourceDocument(html: string): string | undefined {
	const { outer, records } = walk(html);
	if (outer.length === 0) return undefined;
	const ranges = [...outer, ...records].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	const pieces: string[] = [];
	let end = -1;
	for (const [start, stop] of ranges) {
		if (stop <= end) continue; // inside the previous piece
		pieces.push(html.slice(start, stop));
		end = stop;
	}
	const lang = htmlLang(html);
	return `<!doctype html><html${lang ? ` lang="${escapeHtml(lang)}"` : ''}><head><meta charset="utf-8"></head><body>${pieces.join('\n')}</body></html>`;
}

/**
 * The value of sort key `name` in a page (`<span data-pagefind-sort="date">2025-10-08</span>`
 * or `data-pagefind-sort="date:2025-10-08"`), if it has one.
 */
export function sortKey(html: string, name: string): string | undefined {
	const at = new RegExp(
		`<[a-zA-Z][^>]*?\\sdata-pagefind-sort=(["'])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::([^"']*))?\\1[^>]*>([^<]*)`,
	).exec(html);
	if (!at) return undefined;
	const value = (at[2] ?? at[3] ?? '').trim();
	return value || undefined;
}

/** The `lang` of the `<html>` element, if any. */
export function htmlLang(html: string): string | undefined {
	return /<html\b[^>]*?\slang=["']?([^"'\s>]+)/i.exec(html)?.[1];
}
