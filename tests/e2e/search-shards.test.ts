/**
 * The search index in shards finds what one index finds. The demo build's
 * pages are indexed again with a bound of 20 pages a shard (as
 * GONGKAI_SEARCH_SHARD_PAGES=20 would: five shards, merged in the browser
 * from pagefind/shards.json) and the real search page is run against both
 * sites side by side: recall@5 over the quality set, result counts, facets,
 * a unit with its sub-units, sorting by date both ways, a filter-only list.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite, siteIndexOptions, type IndexStats } from '../../scripts/postbuild/search.ts';
import { translator } from '../../src/i18n/index.ts';
import { parseManifest } from '../../src/lib/search-shards.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { BASE, DIST, launch, serve, type StaticServer } from './harness.ts';
import {
	openSearch,
	resultPaths,
	search,
	TIMING_SCRIPT,
	waitForResults,
} from './search-harness.ts';
import { recallAt, SEARCH_QUERIES } from './search-queries.ts';

const root = join(import.meta.dirname, '../..');
let shardedDir: string;
let stats: IndexStats;
let single: StaticServer;
let sharded: StaticServer;
let browser: Browser;

beforeAll(async () => {
	shardedDir = mkdtempSync(join(tmpdir(), 'gk-shards-'));
	cpSync(DIST, shardedDir, {
		recursive: true,
		filter: (src) => !/[\\/]pagefind[^\\/]*$/.test(src.slice(DIST.length)),
	});
	const validation = await validateContent(join(root, 'content'));
	stats = await indexSite({
		dir: shardedDir,
		t: translator('zh-CN'),
		shardPages: 20,
		cacheDir: false,
		...siteIndexOptions(validation),
	});
	single = await serve(DIST);
	sharded = await serve(shardedDir);
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	await single?.close();
	await sharded?.close();
	if (shardedDir) rmSync(shardedDir, { recursive: true, force: true });
});

const open = (server: StaticServer, query = '') => openSearch(browser, server.url, query);

/** Every result of the page (clicking "more" until all are shown): path and date. */
async function allResults(page: Page): Promise<Array<{ path: string; date: string }>> {
	while (await page.locator('[data-more]').isVisible()) {
		const before = await page.locator('[data-results] > li').count();
		await page.locator('[data-more]').click();
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-results] > li').length > n,
			before,
		);
	}
	const dates = await page
		.locator('[data-results] > li')
		.evaluateAll((items) =>
			items.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? ''),
		);
	const paths = await resultPaths(page, BASE);
	return paths.map((path, i) => ({ path, date: dates[i]! }));
}

/** The status line and every facet option with its count, as the reader sees them. */
async function summary(page: Page): Promise<{ status: string; facets: string[] }> {
	const status = (await page.locator('[data-status]').textContent()) ?? '';
	const facets = await page
		.locator('[data-facets] label')
		.evaluateAll((labels) => labels.map((l) => l.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
	return { status, facets };
}

/** Opens the same search on both sites. */
async function both(query: string): Promise<[Page, Page]> {
	return [await open(single, query), await open(sharded, query)];
}

async function closeAll(...pages: Page[]): Promise<void> {
	for (const page of pages) await page.context().close();
}

describe('search over a sharded index', () => {
	it('is split into date-range shards, each loaded from its own folder', async () => {
		expect(stats.shards.length).toBeGreaterThanOrEqual(4);
		expect(stats.shards.every((s) => s.pages <= 20)).toBe(true);
		const manifest = parseManifest(
			JSON.parse(readFileSync(join(shardedDir, 'pagefind/shards.json'), 'utf8')),
		)!;
		expect(manifest.shards.map((s) => s.dir)).toEqual(stats.shards.map((s) => s.dir));
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript(TIMING_SCRIPT);
		const folders = new Set<string>();
		const errors: string[] = [];
		page.on('request', (r) => {
			const folder = /\/(pagefind[^/]*)\//.exec(new URL(r.url()).pathname)?.[1];
			if (folder) folders.add(`${folder}/`);
		});
		// Console errors include Content-Security-Policy violations.
		page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${sharded.url}search/?q=${encodeURIComponent('安康杯')}`);
		await waitForResults(page);
		expect([...folders].sort()).toEqual(manifest.shards.map((s) => s.dir).sort());
		expect(await page.locator('[data-results] > li').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('finds the same pages as one index: recall@5 over the quality set and every count', async () => {
		const [a, b] = [await open(single), await open(sharded)];
		const recalls = { single: [] as number[], sharded: [] as number[] };
		const differences: string[] = [];
		for (const { query, expect: expected } of SEARCH_QUERIES) {
			const one = await search(a, query, BASE);
			const many = await search(b, query, BASE);
			recalls.single.push(recallAt(5, expected, one.paths));
			recalls.sharded.push(recallAt(5, expected, many.paths));
			const [s1, s2] = [await summary(a), await summary(b)];
			if (s1.status !== s2.status) differences.push(`${query}: ${s1.status} | ${s2.status}`);
		}
		await closeAll(a, b);
		const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
		expect(differences).toEqual([]);
		expect(recalls.sharded).toEqual(recalls.single);
		expect(mean(recalls.sharded)).toBeGreaterThanOrEqual(0.95);
	});

	it('counts facets across shards as one index does', async () => {
		const [a, b] = await both('?q=%E5%B7%A5%E4%BC%9A&type=notice');
		const [s1, s2] = [await summary(a), await summary(b)];
		expect(s1.facets.length).toBeGreaterThan(5);
		expect(s2).toEqual(s1);
		await closeAll(a, b);
	});

	it('narrows to a unit and everything under it', async () => {
		const [a, b] = await both(`?q=${encodeURIComponent('工作室')}&unit=tech-center`);
		const [one, many] = [await allResults(a), await allResults(b)];
		const paths = many.map((r) => r.path);
		expect(paths).toEqual(
			expect.arrayContaining(['model-workers/li-xiuying/', 'model-workers/chen-jing/']),
		);
		expect(paths).not.toContain('model-workers/zhang-wei/');
		expect([...paths].sort()).toEqual(one.map((r) => r.path).sort());
		expect((await summary(b)).facets).toEqual((await summary(a)).facets);
		await closeAll(a, b);
	});

	it.each([
		['newest first', `?q=${encodeURIComponent('工会')}&sort=newest`],
		['oldest first', `?q=${encodeURIComponent('工会')}&sort=oldest`],
		['filters only (newest first)', '?type=notice&type=policy'],
	])('sorts by date across shards: %s', async (_, query) => {
		const [a, b] = await both(query);
		const [one, many] = [await allResults(a), await allResults(b)];
		expect(many.length).toBeGreaterThan(20);
		// Several shards contribute, in date order, undated pages where one index puts them.
		expect(many.map((r) => r.date)).toEqual(one.map((r) => r.date));
		expect([...many.map((r) => r.path)].sort()).toEqual([...one.map((r) => r.path)].sort());
		const dated = many.map((r) => r.date).filter(Boolean);
		const sorted = [...dated].sort();
		expect(dated).toEqual(query.includes('oldest') ? sorted : sorted.reverse());
		await closeAll(a, b);
	});
});
