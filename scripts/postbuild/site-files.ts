/**
 * The files of a built site (or of a content folder), for the post-build
 * steps. Hidden folders are skipped: they are never published pages (Astro's
 * `.prerender/`, a content repository's `.git/`). A folder removed while it
 * is being listed — Astro deletes `.prerender/` as it finishes, while the
 * search index is already reading pages — is skipped, not an error.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir` that `keep` accepts, relative and `/`-separated, in
 * code-unit order. `enter` decides whether to list a folder (relative path).
 */
export function siteFiles(
	dir: string,
	keep: (file: string) => boolean = () => true,
	enter: (folder: string) => boolean = () => true,
): string[] {
	const out: string[] = [];
	const walk = (prefix: string) => {
		let items: Dirent[];
		try {
			items = readdirSync(prefix ? join(dir, prefix) : dir, { withFileTypes: true });
		} catch {
			return; // Not there (yet, or any more).
		}
		for (const item of items) {
			if (item.name.startsWith('.')) continue;
			const name = prefix ? `${prefix}/${item.name}` : item.name;
			if (item.isDirectory()) {
				if (enter(name)) walk(name);
			} else if (item.isFile() && keep(name)) out.push(name);
		}
	};
	walk('');
	return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
