import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSite, readSiteInWorker } from '../../scripts/postbuild/site-pass.ts';
import { writeVersion } from '../../scripts/postbuild/version.ts';
import type { PostBuildContext } from '../../scripts/postbuild/index.ts';
import { VERSION_PLACEHOLDER } from '../../src/lib/display-version.ts';
import { temporaryFolders } from './temp-folders.ts';

const { site } = temporaryFolders('gk-pass-');

const pages = {
	'index.html': '<p>首页</p>',
	'display/index.html': `<meta name="gk-version" content="${VERSION_PLACEHOLDER}"><img src="/_astro/照片.jpg">`,
	'notices/a/index.html': '<img src="/_astro/%E7%85%A7%E7%89%87.jpg"><a href="/_astro/w1.jpg">',
	'_astro/site.css': 'body { background: url(/_astro/w1.jpg) }',
	'pagefind/pagefind-entry.json': '{"w1.jpg": 1}',
};

describe('readSite', () => {
	it('hashes the HTML only: a change to a page changes the version, one to a style or the index does not', () => {
		const { version } = readSite(site(pages));
		expect(version).toMatch(/^[0-9a-f]{16}$/);
		expect(readSite(site(pages)).version).toBe(version);
		expect(readSite(site({ ...pages, '_astro/site.css': 'p {}' })).version).toBe(version);
		expect(readSite(site({ ...pages, 'pagefind/x.json': '{}' })).version).toBe(version);
		expect(readSite(site({ ...pages, 'index.html': '<p>首页。</p>' })).version).not.toBe(version);
	});

	it('lists the pages that poll, and up to three files naming each name, as written or percent-encoded, never the index', () => {
		const read = readSite(site(pages), ['照片.jpg', 'w1.jpg', 'w2.jpg']);
		expect(read.polling).toEqual(['display/index.html']);
		expect(read.named.get('照片.jpg')).toEqual(['display/index.html', 'notices/a/index.html']);
		expect(read.named.get('w1.jpg')).toEqual(['_astro/site.css', 'notices/a/index.html']);
		expect(read.named.has('w2.jpg')).toBe(false);
		const many = Object.fromEntries(
			Array.from({ length: 5 }, (_, i) => [`p${i}/index.html`, '<img src="w1.jpg">']),
		);
		expect(readSite(site(many), ['w1.jpg']).named.get('w1.jpg')).toHaveLength(3);
	});

	it('gives the same in a worker thread', async () => {
		const dir = site(pages);
		const here = readSite(dir, ['w1.jpg']);
		await expect(readSiteInWorker(dir, ['w1.jpg'])).resolves.toEqual(here);
	});
});

describe('writeVersion', () => {
	it('writes the id into the pages that poll, in place of the placeholder, and into version.json', () => {
		const dir = site(pages);
		const read = readSite(dir);
		writeVersion({ outDir: dir } as PostBuildContext, read);
		expect(readFileSync(join(dir, 'display/index.html'), 'utf8')).toContain(read.version);
		const json = JSON.parse(readFileSync(join(dir, 'version.json'), 'utf8')) as { version: string };
		expect(json.version).toBe(read.version);
		expect(readSite(dir).polling).toEqual([]);
	});
});
