/**
 * The detail pages the search index will hold, as the Astro build announces
 * them before it renders any (scripts/postbuild/search.ts gives each shard of
 * the index to Pagefind while the pages are still being written, and checks
 * the result against the pages actually built — an announcement that turns
 * out wrong costs time, never a wrong index).
 *
 * The build renders them first, shard by shard, in the order the index takes
 * them (src/lib/render-order.ts, from this announcement).
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { ShardPage } from '../lib/search-shards.ts';
import { UNDATED_SORT_KEY } from '../lib/search.ts';
import { entryPath } from './entries.ts';
import type { Competition, Notice, Policy, SiteModel } from './index.ts';

/** Code-unit order of strings, as a sorted file listing has it (not the locale's). */
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The date a detail page is sorted and sharded by in the search index (SearchMeta's `date`). */
export const searchDate = {
	notice: (entry: Notice) => entry.data.date.slice(0, 10),
	policy: (entry: Policy) => entry.data.issued.slice(0, 10),
	competition: (entry: Competition) => entry.data.period.start.slice(0, 10),
};

/** Every page the index will hold, by site path, with its date sort key. */
export function expectedSearchPages(model: SiteModel): ShardPage[] {
	const pages: ShardPage[] = [
		...model.competitions.map((c) => ({
			path: entryPath('competitions', c.id),
			date: searchDate.competition(c),
		})),
		...model.modelWorkers.map((w) => ({
			path: entryPath('model-workers', w.id),
			date: UNDATED_SORT_KEY,
		})),
		// A withdrawn notice keeps its page but leaves the index.
		...model.notices
			.filter((n) => !n.data.withdrawn)
			.map((n) => ({ path: entryPath('notices', n.id), date: searchDate.notice(n) })),
		...model.policies.map((p) => ({
			path: entryPath('policies', p.id),
			date: searchDate.policy(p),
		})),
		...model.units.all().map((u) => ({ path: entryPath('units', u.id), date: UNDATED_SORT_KEY })),
	];
	return pages.sort((a, b) => codeUnitOrder(a.path, b.path));
}

/** Writes {@link expectedSearchPages} where the build asked (`GONGKAI_SEARCH_PAGES_FILE`), whole or not at all. */
export function announceSearchPages(model: SiteModel): void {
	const file = process.env.GONGKAI_SEARCH_PAGES_FILE;
	if (!file) return;
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, JSON.stringify(expectedSearchPages(model)));
	renameSync(temporary, file);
}
