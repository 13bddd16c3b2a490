import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { siteFiles } from '../../scripts/postbuild/site-files.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'gk-files-'));
	dirs.push(dir);
	for (const file of files) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		writeFileSync(join(dir, file), '');
	}
	return dir;
}

describe('siteFiles', () => {
	it('lists files relative and sorted, without hidden folders, as filtered', () => {
		const dir = folder([
			'notices/b/index.html',
			'notices/a-b/index.html',
			'notices/a/index.html',
			'index.html',
			'_astro/site.css',
			'.prerender/chunks/page.html',
			'pagefind-2025/fragment.html',
		]);
		expect(siteFiles(dir)).toEqual([
			'_astro/site.css',
			'index.html',
			'notices/a-b/index.html',
			'notices/a/index.html',
			'notices/b/index.html',
			'pagefind-2025/fragment.html',
		]);
		expect(
			siteFiles(
				dir,
				(file) => file.endsWith('.html'),
				(name) => !name.startsWith('pagefind'),
			),
		).toEqual([
			'index.html',
			'notices/a-b/index.html',
			'notices/a/index.html',
			'notices/b/index.html',
		]);
	});

	it('skips a folder removed while the site is listed (Astro clears its own as it finishes)', () => {
		const dir = folder(['index.html', 'gone/index.html', 'kept/index.html']);
		const files = siteFiles(dir, undefined, (name) => {
			if (name === 'gone') rmSync(join(dir, 'gone'), { recursive: true });
			return true;
		});
		expect(files).toEqual(['index.html', 'kept/index.html']);
		expect(siteFiles(join(dir, 'missing'))).toEqual([]);
	});
});
