/**
 * What the search index knows about a page besides its text: the filters a
 * reader can narrow by (type, unit with its ancestors, year, category,
 * status), the metadata a result card shows, and the date sort key. Pages
 * emit these through <SearchMeta>; the search page reads them back.
 */

/** The kinds of indexed page, in the order the type filter lists them. */
export const SEARCH_TYPES = ['notice', 'policy', 'competition', 'model-worker', 'unit'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Filters in the order the search page shows them. */
export const SEARCH_FILTERS = ['type', 'unit', 'year', 'category', 'status'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/**
 * The sort key of a page without a date (units). Every indexed page needs a
 * key or Pagefind drops it from sorted results; this one sorts after every
 * real date in "newest first".
 */
export const UNDATED_SORT_KEY = '0000-00-00';

/** What a detail page tells the index about itself. */
export interface SearchMetaInput {
	type: SearchType;
	/** Civil date (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`): publication, issue or start date. */
	date?: string;
	/** Unit id of the publisher / organiser / person. */
	unit?: string;
	/** Notice category, policy category or competition kind. */
	category?: string;
	/** A status that does not change with the reader's day (policy status). */
	status?: string;
}

/** The unit as the index sees it: id, display name and the ids above it (root first). */
export interface SearchUnit {
	id: string;
	name: string;
	ancestorIds: string[];
}

/** Filters, card metadata and sort keys of one page, as Pagefind records them. */
export interface SearchRecord {
	filters: Record<string, string[]>;
	meta: Record<string, string>;
	sort: Record<string, string>;
}

/**
 * The index record of a page. The unit filter holds the unit and all its
 * ancestors, so narrowing to a unit also finds what its sub-units published.
 */
export function searchRecord(input: SearchMetaInput, unit?: SearchUnit): SearchRecord {
	const filters: Record<string, string[]> = { type: [input.type] };
	const meta: Record<string, string> = { type: input.type };
	if (unit) {
		filters.unit = [...unit.ancestorIds, unit.id];
		meta.unit = unit.name;
		meta.unitId = unit.id;
	}
	const date = input.date?.trim();
	if (date) {
		filters.year = [date.slice(0, 4)];
		meta.date = date;
	}
	const category = input.category?.trim();
	if (category) {
		filters.category = [category];
		meta.category = category;
	}
	const status = input.status?.trim();
	if (status) {
		filters.status = [status];
		meta.status = status;
	}
	return { filters, meta, sort: { date: date || UNDATED_SORT_KEY } };
}

/** Whether a string names one of the indexed page types. */
export function isSearchType(value: string): value is SearchType {
	return (SEARCH_TYPES as readonly string[]).includes(value);
}
