/**
 * The order Astro renders pages in. The search index is fed while Astro
 * renders (scripts/postbuild/search.ts): it can only take each shard's pages
 * in the shard's order, so the pages it holds are rendered first, shard by
 * shard ({@link shardByShard}), and the lists, lobby screens and other pages
 * no search finds after them — while they render, the index has every page
 * it needs.
 */
import {
	DEFAULT_SHARD_PAGES,
	planShards,
	shardPagesSetting,
	type Shard,
	type ShardPage,
} from './search-shards.ts';

/** A page Astro is about to render: its path without the base, `/notices/2025/a/`. */
export interface PathToRender {
	pathname: string;
}

/** `/notices/2025/a/` → `notices/2025/a/`: a site path, as the announcement has it. */
function sitePathOf(pathname: string): string {
	const path = pathname.replace(/^\/+/, '');
	return path === '' || path.endsWith('/') ? path : `${path}/`;
}

/**
 * `paths` with the announced ones first, in the order of `announced`
 * (site paths), then the others in their own order. Nothing is dropped or
 * added; a path announced but not rendered is ignored.
 */
export function announcedFirst<T extends PathToRender>(
	paths: readonly T[],
	announced: readonly string[],
): T[] {
	const rank = new Map(announced.map((path, i) => [path, i]));
	const first: Array<[number, T]> = [];
	const rest: T[] = [];
	for (const path of paths) {
		const at = rank.get(sitePathOf(path.pathname));
		if (at === undefined) rest.push(path);
		else first.push([at, path]);
	}
	first.sort((a, b) => a[0] - b[0]);
	return [...first.map(([, path]) => path), ...rest];
}

/**
 * The pages the index will hold (as announced, src/data/search-pages.ts) in
 * the order to render them: shard by shard of the plan the index makes of
 * them, the largest shard first, each shard's pages in its own order. Each
 * shard is then complete while the next ones render, and its index files
 * are written meanwhile (ShardStream.writeAhead); the last to be complete is
 * a small one, written while Astro renders the lists.
 */
export function shardByShard(pages: readonly ShardPage[], maxPages: number): string[] {
	return inRenderOrder(planShards(pages, maxPages));
}

/** The pages of a shard plan in the order {@link shardByShard} renders them: the largest shard first. */
export function inRenderOrder(plan: readonly Shard[]): string[] {
	return plan
		.map((shard, i) => ({ shard, i }))
		.sort((a, b) => b.shard.paths.length - a.shard.paths.length || a.i - b.i)
		.flatMap(({ shard }) => shard.paths);
}

/** `GONGKAI_SEARCH_SHARD_PAGES` as the index reads it (an invalid value fails the index step, with its message). */
export function shardPagesFromEnv(value: string | undefined): number {
	return shardPagesSetting(value) ?? DEFAULT_SHARD_PAGES;
}
