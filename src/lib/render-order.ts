/**
 * The order Astro renders pages in. The search index is fed while Astro
 * renders (scripts/postbuild/search.ts): it can only take each shard's pages
 * in the shard's order, so the pages it holds are rendered first, in the
 * order announced (src/data/search-pages.ts), and the lists, lobby screens
 * and other pages no search finds after them — while they render, the index
 * has every page it needs.
 */

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
