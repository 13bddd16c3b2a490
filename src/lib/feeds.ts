/**
 * The site feed (`/rss.xml`): notices and policies in one list, newest
 * first. Withdrawn notices and drafts never reach it (the caller passes only
 * what is published); dates become instants in the site time zone.
 */
import { civilToInstant, type CivilDate } from './dates.ts';

/** One published item, whatever its collection. */
export interface FeedSource {
	title: string;
	/** Path under the site base, e.g. `notices/2026/x/`. */
	path: string;
	/** Publication date. */
	date: CivilDate;
	description: string;
	categories: string[];
}

/** An item as @astrojs/rss takes it. */
export interface FeedItem {
	title: string;
	link: string;
	pubDate: Date;
	description: string;
	categories: string[];
}

/** Items newest first (ties by title), at most `limit`, links prefixed with `base` (the site's base path). */
export function feedItems(
	sources: readonly FeedSource[],
	base: string,
	timeZone: string,
	limit = 50,
): FeedItem[] {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return sources
		.map((s) => ({ s, at: civilToInstant(s.date, timeZone) }))
		.sort((a, b) => b.at - a.at || a.s.title.localeCompare(b.s.title, 'zh-CN'))
		.slice(0, limit)
		.map(({ s, at }) => ({
			title: s.title,
			link: prefix + s.path,
			pubDate: new Date(at),
			description: s.description,
			categories: s.categories,
		}));
}
