/** `/rss.xml`: notices (not withdrawn) and policies, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSiteModel } from '../data/index.ts';
import { entryPath, summaryOf } from '../data/entries.ts';
import { getViews } from '../data/views.ts';
import { feedItems, type FeedSource } from '../lib/feeds.ts';
import { NOTICE_CATEGORY_SLUGS, POLICY_CATEGORY_SLUGS } from '../lib/filters.ts';

export const GET: APIRoute = async (context) => {
	const { site, t, policies } = await getSiteModel();
	const { listedNotices } = await getViews();
	const sources: FeedSource[] = [
		...listedNotices.map((n) => ({
			title: n.data.title,
			path: entryPath('notices', n.id),
			date: n.data.date,
			description: summaryOf(n),
			categories: [t(`notice.category.${NOTICE_CATEGORY_SLUGS[n.data.category]}`), ...n.data.tags],
		})),
		...policies.map((p) => ({
			title: p.data.title,
			path: entryPath('policies', p.id),
			date: p.data.issued,
			description: summaryOf(p),
			categories: [
				t('nav.policies'),
				t(`policy.category.${POLICY_CATEGORY_SLUGS[p.data.category]}`),
			],
		})),
	];
	// The channel links to the site's home, base path included; item links are absolute paths under it.
	const home = new URL(import.meta.env.BASE_URL, context.site ?? site.url ?? 'http://localhost/');
	return rss({
		title: t('feed.title', { site: site.shortName }),
		description: site.description ?? site.name,
		site: home,
		items: feedItems(sources, import.meta.env.BASE_URL, site.timezone, 50),
		customData: `<language>${site.locale}</language>`,
		trailingSlash: true,
	});
};
