/**
 * What the sitemap leaves out beyond the display pages: withdrawn notices
 * (their pages stay, but search engines should drop them) and drafts. Read
 * straight from the notices' front matter, so the sitemap integration of
 * astro.config.mjs can use it without Astro's collections.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseYaml, splitFrontMatter } from './validate/read.ts';

/** Ids of notices that are withdrawn or drafts. */
export function unlistedNoticeIds(contentDir: string): string[] {
	const dir = join(contentDir, 'notices');
	if (!existsSync(dir)) return [];
	const ids: string[] = [];
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]) {
		const m = /^(.*)\.mdx?$/i.exec(name);
		if (!m || name.split(sep).some((part) => part.startsWith('.'))) continue;
		const text = readFileSync(join(dir, name), 'utf8');
		// Most notices are neither: only those naming either field are parsed.
		if (!text.includes('withdrawn') && !text.includes('draft')) continue;
		const { yaml } = splitFrontMatter(text);
		if (yaml === undefined) continue;
		const { data } = parseYaml(yaml, name);
		if (data && (data.withdrawn || data.draft === true)) ids.push(m[1]!.split(sep).join('/'));
	}
	return ids.sort();
}

/**
 * A sitemap filter: false for display pages and for the notices in `unlisted`
 * (ids), under any base path. Given a function, it asks for the ids when the
 * first page is filtered: once the pages are built, not while Astro starts.
 */
export function sitemapFilter(
	unlisted: readonly string[] | (() => readonly string[]),
): (page: string) => boolean {
	let hidden: Set<string> | undefined;
	return (page) => {
		hidden ??= new Set(
			(typeof unlisted === 'function' ? unlisted() : unlisted).map((id) => `/notices/${id}/`),
		);
		const path = new URL(page).pathname;
		if (path.includes('/display/')) return false;
		const at = path.indexOf('/notices/');
		return at < 0 || !hidden.has(path.slice(at));
	};
}
