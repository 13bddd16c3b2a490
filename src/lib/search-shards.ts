/**
 * A large site's search index in shards: several Pagefind indexes, each built
 * on its own (so the indexer's memory follows the largest shard, not the
 * corpus) and merged in the browser with Pagefind's `mergeIndex`.
 *
 * Shards are ranges of the date sort key, newest first, cut on year
 * boundaries: the current year alone (it is what a daily rebuild changes),
 * past years packed together up to the size bound, a year above the bound
 * split into parts in date order, undated pages (units, model workers) on
 * their own. Because shards never overlap in date, results sorted by date
 * across shards are the concatenation of each shard's sorted results — which
 * is what {@link searchShards} does, since Pagefind itself merges indexes by
 * score only. Relevance, filters and facet counts merge in Pagefind.
 *
 * Pure: used by the build (planning) and by the search page (merging).
 */

/** Pagefind filter that names a page's shard (added in the browser with `mergeFilter`). */
export const SHARD_FILTER = 'shard';

/**
 * Largest shard, in indexed pages; a site up to this size keeps a single
 * index. Measured on a 10,000-notice union (12,500 indexed pages, 2 cores):
 * one index takes 98 s at 4.5 GB; shards of ≤ 4,000 pages (5) 72 s at 1.3 GB
 * with a first query 1.1–1.7× one index's bytes; shards of ≤ 2,000 (11) 70 s
 * at 0.9 GB but 1.3–2.7× the bytes, each shard adding its own metadata and
 * index chunks. See docs/operations.md → Scale.
 */
export const DEFAULT_SHARD_PAGES = 4000;

/**
 * The largest shard as `GONGKAI_SEARCH_SHARD_PAGES` (or the index's option)
 * gives it: the default when unset, undefined when it is not a whole number
 * ≥ 1 (the index step then fails with a message; the render order, which
 * only has to match the index when it is valid, takes the default).
 */
export function shardPagesSetting(value: number | string | undefined): number | undefined {
	if (value === undefined || value === '') return DEFAULT_SHARD_PAGES;
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** The manifest the search page reads, inside the first index's folder. */
export const SHARD_MANIFEST = 'shards.json';

/** The folder of the first (primary) index, which also holds Pagefind's script. */
export const PRIMARY_DIR = 'pagefind/';

const UNDATED = 'undated';

/** A page to index: its site path and its date sort key (`YYYY-MM-DD…`), if it has one. */
export interface ShardPage {
	path: string;
	date?: string;
}

/** One shard of the plan. */
export interface Shard {
	/** `all` (a single index), a year (`2025`), a range of years (`2019-2021`), a part (`2026-p2`), `undated`. */
	key: string;
	/** Folder under the site root, with a trailing slash: `pagefind/` or `pagefind-<key>/`. */
	dir: string;
	/** Site paths, in the order they were given. */
	paths: string[];
	/** Oldest and newest date sort key (absent when the shard has only undated pages). */
	from?: string;
	to?: string;
}

/** The year of a date sort key, or `undated` (no key, or the undated key `0000-…`). */
export function shardYear(date: string | undefined): string {
	const year = date?.trim().slice(0, 4);
	return year && /^\d{4}$/.test(year) && year !== '0000' ? year : UNDATED;
}

interface Group {
	key: string;
	pages: ShardPage[];
}

const byDate = (a: ShardPage, b: ShardPage) =>
	(a.date ?? '').localeCompare(b.date ?? '') || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Cuts a group above the bound into parts of `max` pages in date order, oldest part first. */
function split(group: Group, max: number): Group[] {
	if (group.pages.length <= max) return [group];
	const sorted = [...group.pages].sort(byDate);
	const parts: Group[] = [];
	for (let i = 0; i < sorted.length; i += max)
		parts.push({ key: `${group.key}-p${parts.length + 1}`, pages: sorted.slice(i, i + max) });
	return parts;
}

/**
 * Plans the shards of `pages` with at most `maxPages` pages each, newest
 * first (the first one is the primary index). Up to `maxPages` pages in all:
 * one shard, `all`, in `pagefind/`.
 *
 * Stable under a daily rebuild: pages added to the newest year change only
 * the newest shard; past years are packed oldest first (a year above the
 * bound fills the open pack, then whole shards, and its remainder opens the
 * next pack), so a change in one of them moves only the packing from there on.
 */
export function planShards(pages: readonly ShardPage[], maxPages: number): Shard[] {
	const max = Math.max(1, Math.floor(maxPages));
	if (pages.length <= max) return [finish('all', PRIMARY_DIR, pages)];
	const byYear = new Map<string, ShardPage[]>();
	for (const page of pages) {
		const year = shardYear(page.date);
		const list = byYear.get(year) ?? [];
		list.push(page);
		byYear.set(year, list);
	}
	const years = [...byYear.keys()].filter((y) => y !== UNDATED).sort();
	const newest = years.at(-1);
	const groups: Group[] = []; // oldest first
	let pack: { years: string[]; pages: ShardPage[] } | undefined;
	const closePack = () => {
		if (!pack) return;
		const key = pack.years.length === 1 ? pack.years[0]! : `${pack.years[0]}-${pack.years.at(-1)}`;
		groups.push({ key, pages: pack.pages });
		pack = undefined;
	};
	for (const year of years) {
		let list = byYear.get(year)!;
		if (year === newest) {
			closePack();
			groups.push(...split({ key: year, pages: list }, max));
			continue;
		}
		if (list.length > max) {
			// A past year above the bound tops up the open pack with its oldest pages,
			// then fills whole shards; what is left stays open for the next years. A
			// union of 4,500 pages a year gets a shard per 4,000 pages, not two a year.
			list = [...list].sort(byDate);
			const room = pack ? max - pack.pages.length : 0;
			if (pack && room > 0) {
				pack.years.push(year);
				pack.pages.push(...list.slice(0, room));
				list = list.slice(room);
			}
			closePack();
			let part = 0;
			while (list.length > max) {
				groups.push({ key: `${year}-p${++part}`, pages: list.slice(0, max) });
				list = list.slice(max);
			}
			pack = { years: [year], pages: list };
			continue;
		}
		if (pack && pack.pages.length + list.length > max) closePack();
		pack ??= { years: [], pages: [] };
		pack.years.push(year);
		pack.pages.push(...list);
	}
	closePack();
	const undated = byYear.get(UNDATED);
	const order = [
		...groups.reverse(),
		...(undated ? split({ key: UNDATED, pages: undated }, max).reverse() : []),
	];
	// Keys name folders: a pack and a part of the same years must not meet.
	const used = new Set<string>();
	for (const group of order) {
		let key = group.key;
		for (let n = 2; used.has(key); n++) key = `${group.key}-${n}`;
		used.add(key);
		group.key = key;
	}
	// Each shard keeps the pages in the order given (the indexer's order breaks ties in ranking).
	const rank = new Map(pages.map((p, i) => [p, i]));
	return order.map((group, i) =>
		finish(
			group.key,
			i === 0 ? PRIMARY_DIR : `pagefind-${group.key}/`,
			[...group.pages].sort((a, b) => rank.get(a)! - rank.get(b)!),
		),
	);
}

function finish(key: string, dir: string, pages: readonly ShardPage[]): Shard {
	const dates = pages
		.map((p) => p.date?.trim())
		.filter((d): d is string => !!d && shardYear(d) !== UNDATED)
		.sort();
	const shard: Shard = { key, dir, paths: pages.map((p) => p.path) };
	if (dates.length > 0) {
		shard.from = dates[0];
		shard.to = dates.at(-1);
	}
	return shard;
}

/** What the search page needs to know about the shards (`pagefind/shards.json`). */
export interface ShardManifest {
	version: 1;
	/** The synthetic filter that tells shards apart. */
	filter: string;
	/** Newest first; the first is the primary index. */
	shards: Array<{ key: string; dir: string; pages: number; from?: string; to?: string }>;
	/** The query fold table (search-fold.ts), when the site has one. */
	fold?: string;
}

export function shardManifest(shards: readonly Shard[]): ShardManifest {
	return {
		version: 1,
		filter: SHARD_FILTER,
		shards: shards.map(({ key, dir, paths, from, to }) => ({
			key,
			dir,
			pages: paths.length,
			...(from ? { from, to } : {}),
		})),
	};
}

/** A manifest read back from JSON, or `undefined` when it is not one. */
export function parseManifest(value: unknown): ShardManifest | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const { version, filter, shards } = value as Partial<ShardManifest>;
	if (version !== 1 || typeof filter !== 'string' || !Array.isArray(shards)) return undefined;
	if (shards.length === 0 || shards[0]?.dir !== PRIMARY_DIR) return undefined;
	const ok = shards.every(
		(s) =>
			s &&
			typeof s.key === 'string' &&
			typeof s.dir === 'string' &&
			/^pagefind(-[\w.-]+)?\/$/.test(s.dir),
	);
	return ok ? (value as ShardManifest) : undefined;
}

/** A single index, when there is no manifest (an index built before sharding). */
export const SINGLE_INDEX: ShardManifest = {
	version: 1,
	filter: SHARD_FILTER,
	shards: [{ key: 'all', dir: PRIMARY_DIR, pages: 0 }],
};

// ---------------------------------------------------------------- searching

type Filters = Record<string, { any: string[] }>;

/** The search options this module needs to read. */
export interface ShardSearchOptions {
	filters?: Filters;
	sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of a Pagefind response this module needs. */
export interface ShardSearchResponse<R> {
	results: R[];
	/** Counts per filter value over the results. */
	filters: Record<string, Record<string, number>>;
	/** The same over the results before filtering. */
	totalFilters?: Record<string, Record<string, number>>;
}

export type ShardSearch<T> = (
	term: string | null,
	options?: ShardSearchOptions,
) => Promise<T | null>;

/** A shard key no shard has: a filter on it matches nothing (an empty `any` would match everything). */
const NO_SHARD = '\u0000none';

/** The words of a search Pagefind treats as "all of these, anywhere" (not a quoted phrase). */
export function looseWords(term: string | null): string[] {
	if (!term || /^\s*".+"\s*$/.test(term)) return [];
	return [...new Set(term.trim().split(/\s+/).filter(Boolean))];
}

/**
 * Search over merged shards that answers as one index would.
 *
 * - **Words missing from a shard.** Pagefind drops a search word its index
 *   does not have, so a small shard without, say, 杯 would answer 安 康 杯
 *   with every page that has 安 and 康. One index only drops a word the whole
 *   site lacks. So for a search of several words, each word is looked up once
 *   (a search that keeps no result but counts its pages per shard) and the
 *   search is narrowed to the shards that have every word the site has.
 * - **Date order.** Pagefind orders each shard's results but merges them by a
 *   score that is only a position within its shard. Shards are date ranges,
 *   so with a sort the shards that have results are searched one by one
 *   (narrowed by the shard filter) and their results put one after the other —
 *   newest shard first for a descending sort, oldest first for an ascending one.
 *
 * Relevance order, filters and facet counts are Pagefind's merged ones.
 * With a single index, `search` is returned as it is.
 */
export function shardedSearch<R, T extends ShardSearchResponse<R>>(
	search: ShardSearch<T>,
	manifest: ShardManifest,
): ShardSearch<T> {
	if (manifest.shards.length < 2) return search;
	const { filter } = manifest;
	const keys = manifest.shards.map((s) => s.key);
	const nowhere = { [filter]: { any: [NO_SHARD] } };
	// Pages with a word, per shard; what a shard has does not change while the page is open.
	const presence = new Map<string, Promise<Record<string, number> | undefined>>();
	const shardsWith = (word: string) => {
		let found = presence.get(word);
		if (!found) {
			found = search(word, { filters: nowhere }).then((r) => r?.totalFilters?.[filter]);
			presence.set(word, found);
		}
		return found;
	};
	const narrowed = (options: ShardSearchOptions, shards: string[]): ShardSearchOptions => ({
		...options,
		filters: { ...options.filters, [filter]: { any: shards.length > 0 ? shards : [NO_SHARD] } },
	});

	return async (term, options = {}) => {
		const words = looseWords(term);
		if (words.length > 1) {
			const counts = await Promise.all(words.map(shardsWith));
			// Words the site lacks altogether are dropped everywhere, as by one index.
			const known = counts.filter((c) => Object.values(c ?? {}).some((n) => n > 0));
			const complete = keys.filter((key) => known.every((c) => (c?.[key] ?? 0) > 0));
			if (complete.length < keys.length) options = narrowed(options, complete);
		}
		const all = await search(term, options);
		const direction = Object.values(options.sort ?? {})[0];
		if (!all || !direction) return all;
		const counts = all.filters[filter] ?? {};
		const order = direction === 'asc' ? [...keys].reverse() : keys;
		const hit = order.filter((key) => (counts[key] ?? 0) > 0);
		if (hit.length < 2) return all;
		const parts = await Promise.all(hit.map((key) => search(term, narrowed(options, [key]))));
		return { ...all, results: parts.flatMap((part) => part?.results ?? []) };
	};
}
