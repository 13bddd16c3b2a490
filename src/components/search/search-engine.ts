/**
 * Talking to Pagefind: loading it from the site's own /pagefind/ folder (and
 * merging the other shards of a large site's index, listed in
 * pagefind/shards.json) and turning one search state into the searches
 * src/lib/search-query.ts plans — the exact phrase (falling back to all the
 * characters), the relevance order, and facet counts where each filter is
 * counted without its own selection.
 */
import { SEARCH_FILTERS, type SearchFilter } from '../../lib/search.ts';
import { foldText, parseFoldTable } from '../../lib/search-fold.ts';
import {
	parseManifest,
	shardedSearch,
	SHARD_MANIFEST,
	SINGLE_INDEX,
	type ShardManifest,
} from '../../lib/search-shards.ts';
import {
	intersectIds,
	pagefindFilters,
	pagefindSort,
	planSearch,
	relevanceOrder,
	type SearchState,
} from '../../lib/search-query.ts';
import type { ResultData } from './search-render.ts';

export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<ResultData>;
}
interface PagefindResponse {
	results: PagefindResult[];
	filters: Record<string, Record<string, number>>;
	totalFilters?: Record<string, Record<string, number>>;
}
interface SearchOptions {
	filters?: Record<string, { any: string[] }>;
	sort?: Record<string, 'asc' | 'desc'>;
}
export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(term: string | null, options?: SearchOptions): Promise<PagefindResponse | null>;
	mergeIndex?(url: string, options?: Record<string, unknown>): Promise<void>;
	destroy?(): Promise<void>;
}

/** Characters per excerpt: the index has one word per Han character. */
const EXCERPT_WORDS = 64;

/** The shards of the site's index; a site indexed before sharding has none listed. */
async function loadManifest(base: string): Promise<ShardManifest> {
	try {
		// Revalidated, like pagefind-entry.json: it changes with every build that moves a shard.
		const response = await fetch(`${base}pagefind/${SHARD_MANIFEST}`, { cache: 'no-cache' });
		if (!response.ok) return SINGLE_INDEX;
		return parseManifest(await response.json()) ?? SINGLE_INDEX;
	} catch {
		return SINGLE_INDEX;
	}
}

/**
 * Imports and starts Pagefind from `<base>pagefind/` and merges the other
 * shards, if any. Searches on the returned object keep a date sort across
 * shards (see src/lib/search-shards.ts).
 */
export async function loadPagefind(base: string): Promise<Pagefind> {
	const url = `${base}pagefind/pagefind.js`;
	const [pagefind, manifest] = await Promise.all([
		import(/* @vite-ignore */ url) as Promise<Pagefind>,
		loadManifest(base),
	]);
	const [primary, ...others] = manifest.shards;
	const sharded = others.length > 0;
	// A load tried again after a failure starts over: indexes merged twice would answer twice.
	await pagefind.destroy?.();
	// On the main thread: the index is small, and the worker would be another 43 KB to fetch.
	await pagefind.options({
		excerptLength: EXCERPT_WORDS,
		noWorker: true,
		// Each shard's pages carry its key as a filter, so a search can be narrowed to one shard.
		...(sharded ? { mergeFilter: { [manifest.filter]: [primary!.key] } } : {}),
	});
	await pagefind.init();
	if (sharded) {
		if (!pagefind.mergeIndex) throw new Error('This Pagefind cannot merge indexes');
		await Promise.all(
			others.map((shard) =>
				pagefind.mergeIndex!(`${base}${shard.dir}`, {
					excerptLength: EXCERPT_WORDS,
					mergeFilter: { [manifest.filter]: [shard.key] },
				}),
			),
		);
	}
	// Loads every filter index once, so that each search can count its facets.
	await pagefind.filters();
	// Queries in either script meet the index in the site's own (src/lib/search-fold.ts).
	const table = parseFoldTable(manifest.fold);
	const search: Pagefind['search'] = (term, options) =>
		pagefind.search(term === null ? null : foldText(term, table), options);
	return { ...pagefind, search: sharded ? shardedSearch(search, manifest) : search };
}

/** What the page shows for one state. */
export interface Outcome {
	/** Result ids in display order. */
	ids: string[];
	results: Map<string, PagefindResult>;
	/** Facet counts per filter and value. */
	counts: Record<string, Record<string, number>>;
	/** The phrase matched nowhere; the results contain all its characters instead. */
	relaxed: boolean;
}

interface ResultSet {
	set: PagefindResponse | null;
	loose: PagefindResponse | null;
	relaxed: boolean;
}

/** The search whose results are the result set of `state`, optionally ignoring one filter. */
async function resultSet(
	pagefind: Pagefind,
	state: SearchState,
	without?: SearchFilter,
): Promise<ResultSet> {
	const plan = planSearch(state.q);
	const options: SearchOptions = { filters: pagefindFilters(state.filters, without) };
	// Filters alone list pages newest first.
	const sort = pagefindSort(state.sort) ?? (plan ? undefined : { date: 'desc' as const });
	if (sort) options.sort = sort;
	if (!plan) return { set: await pagefind.search(null, options), loose: null, relaxed: false };
	const loose = await pagefind.search(plan.loose, { filters: options.filters });
	const looseSet = async () => (sort ? pagefind.search(plan.loose, options) : loose);
	if (!plan.strict) return { set: await looseSet(), loose, relaxed: false };
	const phrase = plan.phrases[0]!;
	const exact = await pagefind.search(phrase, options);
	if (exact && exact.results.length > 0) return { set: exact, loose, relaxed: false };
	// The phrase exists, just not under these filters: an empty result, not scattered characters.
	const filtered = Object.keys(options.filters ?? {}).length > 0;
	const anywhere = filtered ? await pagefind.search(phrase) : exact;
	if (anywhere && anywhere.results.length > 0) return { set: exact, loose, relaxed: false };
	return { set: await looseSet(), loose, relaxed: true };
}

/** Runs every search one state needs. */
export async function runSearch(pagefind: Pagefind, state: SearchState): Promise<Outcome> {
	const { set, loose, relaxed } = await resultSet(pagefind, state);
	const results = set?.results ?? [];
	let ids = results.map((r) => r.id);
	const plan = planSearch(state.q);
	if (plan && state.sort === 'relevance' && loose) {
		// Several typed words: pages where each one appears as a phrase come first.
		let preferred: Set<string> | undefined;
		if (!plan.strict && plan.phrases.length > 0) {
			const filters = pagefindFilters(state.filters);
			const exact = await Promise.all(plan.phrases.map((p) => pagefind.search(p, { filters })));
			preferred = intersectIds(exact.map((r) => r?.results.map((x) => x.id) ?? []));
		}
		ids = relevanceOrder(
			ids,
			loose.results.map((r) => r.id),
			preferred,
		);
	}
	const counts: Record<string, Record<string, number>> = { ...set?.filters };
	for (const name of SEARCH_FILTERS) {
		if (!state.filters[name]?.length) continue;
		const other = await resultSet(pagefind, state, name);
		counts[name] = other.set?.filters[name] ?? {};
	}
	return { ids, results: new Map(results.map((r) => [r.id, r])), counts, relaxed };
}
