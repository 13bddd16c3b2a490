/**
 * Static pagination: a list cut into pages of `perPage` (20 by default), each
 * page at a stable URL under the list's own path (`notices/`, `notices/page/2/`,
 * `notices/category/gongshi/page/3/`), and the window of page links to show.
 */

/** Items per list page. */
export const PER_PAGE = 20;

/** One page of a list. */
export interface ListPage<T> {
	items: T[];
	/** 1-based page number. */
	number: number;
	/** Number of pages in the list (at least 1). */
	pages: number;
	/** Number of items in the whole list. */
	total: number;
	/** Position of the first item on this page (1-based; 0 for an empty list). */
	first: number;
	/** Position of the last item on this page. */
	last: number;
}

/** Cuts `items` into pages; an empty list still has one (empty) page, so the list URL always exists. */
export function paginate<T>(items: readonly T[], perPage: number = PER_PAGE): ListPage<T>[] {
	if (!Number.isInteger(perPage) || perPage < 1)
		throw new RangeError(`perPage must be a positive integer: ${perPage}`);
	const pages = Math.max(1, Math.ceil(items.length / perPage));
	return Array.from({ length: pages }, (_, i) => {
		const slice = items.slice(i * perPage, (i + 1) * perPage);
		return {
			items: slice,
			number: i + 1,
			pages,
			total: items.length,
			first: slice.length ? i * perPage + 1 : 0,
			last: i * perPage + slice.length,
		};
	});
}

/** The path of page `n` of a list whose first page is at `listPath` (which ends with `/`). */
export function pagePath(listPath: string, n: number): string {
	return n <= 1 ? listPath : `${listPath}page/${n}/`;
}

/** The page number from a `[...page]` route param: `undefined` → 1, `page/3` → 3; `undefined` result for anything else. */
export function pageFromParam(param: string | undefined): number | undefined {
	if (param === undefined || param === '') return 1;
	const m = /^page\/([1-9][0-9]*)$/.exec(param);
	const n = m ? Number(m[1]) : undefined;
	return n !== undefined && n >= 2 ? n : undefined;
}

/** The `[...page]` route param of page `n`: `undefined` for the first page, `page/n` otherwise. */
export function pageParam(n: number): string | undefined {
	return n <= 1 ? undefined : `page/${n}`;
}

/**
 * Page numbers to link to around `current`: the first, the last, and `span`
 * on either side, with `'gap'` where numbers are skipped (1 … 4 5 6 7 8 … 20).
 * A gap of one page is shown as that page instead of an ellipsis.
 */
export function pageWindow(current: number, pages: number, span = 2): Array<number | 'gap'> {
	const wanted = new Set<number>([1, pages]);
	for (let n = current - span; n <= current + span; n++) if (n >= 1 && n <= pages) wanted.add(n);
	const sorted = [...wanted].sort((a, b) => a - b);
	const out: Array<number | 'gap'> = [];
	let previous = 0;
	for (const n of sorted) {
		if (n - previous === 2) out.push(n - 1);
		else if (n - previous > 2) out.push('gap');
		out.push(n);
		previous = n;
	}
	return out;
}
