/**
 * The browser side of Chinese search, as pure functions: turning what a
 * reader typed into Pagefind queries that meet the index's one-word-per-Han-
 * character text (see search-text.ts), ordering results, cleaning excerpts,
 * and the search state kept in the page URL.
 */
import { SEARCH_FILTERS, SEARCH_TYPES, type SearchFilter } from './search.ts';
import { normaliseDocNumbers, ZWSP } from './search-text.ts';

const HAN = /\p{Script=Han}/u;
// Han characters one by one; other letters and digits in runs, keeping `.-_/:` between two of them (41.6, ISO-9001).
const TOKEN =
	/\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])(?:[.\-_/:]?(?:(?!\p{Script=Han})[\p{L}\p{N}]))*/gu;

/** The index words of one query word: each Han character, each run of other letters or digits. */
export function queryTokens(word: string): string[] {
	return [...normaliseDocNumbers(word).replaceAll(ZWSP, ' ').matchAll(TOKEN)].map((m) =>
		m[0].toLocaleLowerCase(),
	);
}

/** What to ask Pagefind for one query. */
export interface SearchPlan {
	/** Every token, all required, anywhere in the page. */
	loose: string;
	/**
	 * Exact-phrase queries, one per typed word of two or more tokens. With a
	 * single typed word its phrase defines the results (when it finds any);
	 * with several, pages matching every phrase rank first.
	 */
	phrases: string[];
	/** The query is a single word: its phrase, if it matches, is the result set. */
	strict: boolean;
}

/** Plans the Pagefind searches for what the reader typed; `undefined` when nothing searchable is left. */
export function planSearch(query: string): SearchPlan | undefined {
	const words = query
		.trim()
		.split(/\s+/u)
		.map(queryTokens)
		.filter((tokens) => tokens.length > 0);
	if (words.length === 0) return undefined;
	const phrases = words
		.filter((tokens) => tokens.length > 1)
		.map((tokens) => `"${tokens.join(' ')}"`);
	return {
		loose: words.flat().join(' '),
		phrases,
		strict: words.length === 1 && phrases.length === 1,
	};
}

/**
 * Relevance order: the ids of `set` in the order Pagefind ranked the loose
 * search, `preferred` ones first; ids the loose search lacks keep their place after.
 */
export function relevanceOrder(
	set: readonly string[],
	looseRanked: readonly string[],
	preferred?: ReadonlySet<string>,
): string[] {
	const rank = new Map(looseRanked.map((id, i) => [id, i]));
	const inSet = new Set(set);
	const score = (id: string) =>
		(rank.get(id) ?? looseRanked.length + set.indexOf(id)) - (preferred?.has(id) ? 1e9 : 0);
	return [...inSet].sort((a, b) => score(a) - score(b));
}

/** Ids present in every list (in the order of the first). */
export function intersectIds(lists: ReadonlyArray<readonly string[]>): Set<string> {
	const [first = [], ...rest] = lists;
	const sets = rest.map((list) => new Set(list));
	return new Set(first.filter((id) => sets.every((set) => set.has(id))));
}

/** A run of excerpt text, highlighted or not. */
export interface Segment {
	text: string;
	mark: boolean;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X'
					? parseInt(name.slice(2), 16)
					: parseInt(name.slice(1), 10);
			return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
				? String.fromCodePoint(code)
				: whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

// A 文号 the indexer normalised (see normaliseDocNumbers): Han, space, year, space, serial, 号.
const NORMALISED_DOC = /(\p{Script=Han})[ \u200b]+(\d{4})[ \u200b]+(\d{1,5})\u200b*([号號])/gu;

/**
 * Pagefind's excerpt (HTML with `<mark>`) as plain segments: entities
 * decoded, the zero-width spaces of the index removed, 文号 brackets put
 * back, and neighbouring highlights merged (one mark per phrase, not per character).
 */
export function excerptSegments(excerpt: string): Segment[] {
	let text = '';
	const marks: boolean[] = [];
	let mark = false;
	for (const part of excerpt.split(/(<\/?mark>)/i)) {
		if (/^<mark>$/i.test(part)) mark = true;
		else if (/^<\/mark>$/i.test(part)) mark = false;
		else {
			const decoded = decodeEntities(part.replace(/<[^>]*>/g, ''));
			text += decoded;
			for (let i = 0; i < decoded.length; i++) marks.push(mark);
		}
	}
	// Put the brackets back, marking them when the year is marked.
	let restored = '';
	const restoredMarks: boolean[] = [];
	let at = 0;
	for (const m of text.matchAll(NORMALISED_DOC)) {
		const start = m.index;
		restored += text.slice(at, start);
		restoredMarks.push(...marks.slice(at, start));
		const [, head = '', year = '', serial = '', hao = ''] = m;
		const yearAt = text.indexOf(year, start + head.length);
		const serialAt = text.indexOf(serial, yearAt + year.length);
		const yearMark = marks[yearAt] ?? false;
		const pieces: Array<[string, number | boolean]> = [
			[head, start],
			['〔', yearMark],
			[year, yearAt],
			['〕', yearMark],
			[serial, serialAt],
			[hao, start + m[0].length - hao.length],
		];
		for (const [piece, source] of pieces) {
			restored += piece;
			for (let i = 0; i < piece.length; i++)
				restoredMarks.push(typeof source === 'boolean' ? source : (marks[source + i] ?? false));
		}
		at = start + m[0].length;
	}
	restored += text.slice(at);
	restoredMarks.push(...marks.slice(at));
	// Drop zero-width spaces; a space between two highlights joins them.
	const segments: Segment[] = [];
	for (let i = 0; i < restored.length; i++) {
		const ch = restored[i]!;
		if (ch === ZWSP) continue;
		let isMarked = restoredMarks[i] ?? false;
		if (!isMarked && /\s/u.test(ch))
			isMarked =
				nextMark(restored, restoredMarks, i, -1) && nextMark(restored, restoredMarks, i, 1);
		const last = segments.at(-1);
		if (last && last.mark === isMarked) last.text += ch;
		else segments.push({ text: ch, mark: isMarked });
	}
	return segments;
}

// Whether the nearest visible character in `direction` is highlighted.
function nextMark(text: string, marks: boolean[], from: number, direction: 1 | -1): boolean {
	for (let i = from + direction; i >= 0 && i < text.length; i += direction) {
		if (text[i] === ZWSP) continue;
		return marks[i] ?? false;
	}
	return false;
}

/** A title or metadata value from the index, without its zero-width spaces and with 文号 brackets restored. */
export function plainText(value: string): string {
	return excerptSegments(value.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
		.map((s) => s.text)
		.join('');
}

/** Result order. */
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

/** What the search page shows, as kept in its URL (`?q=…&unit=…&sort=…`). */
export interface SearchState {
	q: string;
	filters: Partial<Record<SearchFilter, string[]>>;
	sort: Sort;
}

/** Reads the search state from a query string; unknown parameters are ignored. */
export function parseState(params: URLSearchParams): SearchState {
	const filters: Partial<Record<SearchFilter, string[]>> = {};
	for (const name of SEARCH_FILTERS) {
		const values = [...new Set(params.getAll(name).filter((v) => v.trim() !== ''))];
		if (values.length > 0) filters[name] = values;
	}
	const sort = params.get('sort');
	return {
		q: params.get('q')?.trim() ?? '',
		filters,
		sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance',
	};
}

/** Writes the search state as a query string (defaults left out). */
export function stateToParams(state: SearchState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const name of SEARCH_FILTERS)
		for (const value of state.filters[name] ?? []) params.append(name, value);
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	return params;
}

/** Pagefind's filter argument: any selected value within a filter, every filter. */
export function pagefindFilters(
	filters: SearchState['filters'],
	without?: SearchFilter,
): Record<string, { any: string[] }> {
	const out: Record<string, { any: string[] }> = {};
	for (const name of SEARCH_FILTERS) {
		const values = filters[name];
		if (name !== without && values && values.length > 0) out[name] = { any: values };
	}
	return out;
}

/** Pagefind's sort argument. */
export function pagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> | undefined {
	if (sort === 'newest') return { date: 'desc' };
	if (sort === 'oldest') return { date: 'asc' };
	return undefined;
}

/** Whether text contains Han characters (used to pick Chinese-specific hints). */
export function hasHan(text: string): boolean {
	return HAN.test(text);
}

/** One checkbox of a facet. */
export interface FacetOption {
	value: string;
	label: string;
	/** Indentation: a unit's depth in the tree. */
	depth: number;
	count: number;
	checked: boolean;
}

/** What facet labels need from the page. */
export interface FacetContext {
	/** Every unit in tree order, with its short name and depth. */
	units: ReadonlyArray<{ id: string; name: string; depth: number }>;
	/** The label of a page type. */
	typeLabel: (type: string) => string;
	locale: string;
}

/**
 * The checkboxes of one facet, in reading order: types in their fixed order,
 * units as a tree, years newest first, other values by count. Values without
 * results are left out unless selected, so a reader can always untick them.
 */
export function facetOptions(
	name: SearchFilter,
	counts: Readonly<Record<string, number>>,
	selected: readonly string[],
	context: FacetContext,
): FacetOption[] {
	const chosen = new Set(selected);
	const make = (value: string, label: string, depth = 0): FacetOption => ({
		value,
		label,
		depth,
		count: counts[value] ?? 0,
		checked: chosen.has(value),
	});
	let options: FacetOption[];
	if (name === 'type') options = SEARCH_TYPES.map((type) => make(type, context.typeLabel(type)));
	else if (name === 'unit') options = context.units.map((u) => make(u.id, u.name, u.depth));
	else {
		const values = [...new Set([...Object.keys(counts), ...chosen])];
		if (name === 'year') values.sort((a, b) => b.localeCompare(a));
		else
			values.sort(
				(a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, context.locale),
			);
		options = values.map((value) => make(value, value));
	}
	return options.filter((o) => o.count > 0 || o.checked);
}
