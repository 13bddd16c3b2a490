/** A yearly archive: items by year and month, newest first, keeping each month's items in their given order. */
import { groupBy } from './filters.ts';

export interface ArchiveYear<T> {
	year: number;
	count: number;
	months: Array<{ month: string; items: Array<{ date: string; item: T }> }>;
}

/** Groups dated items (`YYYY-MM-DD…`) by year, then month (`YYYY-MM`), both newest first. */
export function archiveTree<T>(items: ReadonlyArray<{ date: string; item: T }>): ArchiveYear<T>[] {
	const sorted = [...items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
	return [...groupBy(sorted, (i) => Number(i.date.slice(0, 4)))].map(([year, list]) => ({
		year,
		count: list.length,
		months: [...groupBy(list, (i) => i.date.slice(0, 7))].map(([month, monthItems]) => ({
			month,
			items: monthItems,
		})),
	}));
}
