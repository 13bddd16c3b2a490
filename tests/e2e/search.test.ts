/**
 * Search in Chromium against the built demo: the quality set (recall@5),
 * the header box, filtering by a unit with its sub-units, sorting, keyboard-
 * only use, what the first query costs, and an axe scan of the search page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, launch, serve, type StaticServer } from './harness.ts';
import {
	openSearch,
	resultPaths,
	search,
	TIMING_SCRIPT,
	waitForResults,
} from './search-harness.ts';
import { recallAt, SEARCH_QUERIES } from './search-queries.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	server = await serve();
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** A fresh page on the search page (optionally with a query string), results awaited when there is a query. */
const open = (query = '') => openSearch(browser, server.url, query);

/** Presses Tab until `predicate` holds for the focused element (at most `max` times). */
async function tabTo(page: Page, predicate: string, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (
			await page.evaluate(
				`(() => { const el = document.activeElement; return Boolean(el && (${predicate})); })()`,
			)
		)
			return;
	}
	throw new Error(`Tab never reached ${predicate}`);
}

describe('search', () => {
	it('finds at least 95 % of the expected pages in the first five results', async () => {
		const page = await open();
		const recalls: number[] = [];
		const misses: string[] = [];
		for (const { query, expect: expected } of SEARCH_QUERIES) {
			const { paths } = await search(page, query, BASE);
			const recall = recallAt(5, expected, paths);
			recalls.push(recall);
			if (recall < 1) misses.push(`${query} → ${paths.slice(0, 5).join(' ')}`);
		}
		await page.context().close();
		const mean = recalls.reduce((a, b) => a + b, 0) / recalls.length;
		expect(mean, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
	});

	it('opens from the header box, costs under 200 KB and asks no other host', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript(TIMING_SCRIPT);
		let pagefindBytes = 0;
		const bodies: Array<Promise<void>> = [];
		const hosts = new Set<string>();
		page.on('request', (r) => hosts.add(new URL(r.url()).origin));
		page.on('response', (r) => {
			// Every index folder: pagefind/ and, on a sharded site, pagefind-<key>/.
			if (new URL(r.url()).pathname.startsWith(`${BASE}pagefind`))
				bodies.push(r.body().then((b) => void (pagefindBytes += b.length)));
		});
		await page.goto(server.url);
		await page.getByRole('search').first().getByRole('searchbox').fill('李秀英');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/search\/\?q=/);
		await waitForResults(page);
		await Promise.all(bodies);
		expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=李秀英');
		expect(await page.locator('#gk-search-page-q').inputValue()).toBe('李秀英');
		expect((await resultPaths(page, BASE))[0]).toBe('model-workers/li-xiuying/');
		await expect(page.locator('[data-results] mark').first().textContent()).resolves.toBe('李秀英');
		expect(pagefindBytes).toBeGreaterThan(50_000);
		expect(pagefindBytes).toBeLessThanOrEqual(200 * 1024);
		expect([...hosts]).toEqual([server.origin]);
		await context.close();
	});

	it('leaves withdrawn notices out', async () => {
		const page = await open('?q=登山');
		expect(await resultPaths(page, BASE)).not.toContain('notices/2026/qiuji-dengshan-huodong/');
		await page.context().close();
	});

	it('narrows to a unit and everything under it', async () => {
		const page = await open('?q=工作室');
		const all = await resultPaths(page, BASE);
		expect(all).toEqual(
			expect.arrayContaining([
				'model-workers/li-xiuying/',
				'model-workers/chen-jing/',
				'model-workers/zhang-wei/',
			]),
		);
		await page.locator('details[data-facet="unit"] > summary').click();
		const runs = await page.evaluate(
			() => (window as unknown as { __gkDone: number[] }).__gkDone.length,
		);
		await page.getByRole('checkbox', { name: /^技术中心/ }).check();
		await waitForResults(page, runs);
		const narrowed = await resultPaths(page, BASE);
		// 陈静 works at 技术中心 itself, 李秀英 at its 质量检测站; 张伟 (数控班组) is elsewhere.
		expect(narrowed).toEqual(
			expect.arrayContaining(['model-workers/li-xiuying/', 'model-workers/chen-jing/']),
		);
		expect(narrowed).not.toContain('model-workers/zhang-wei/');
		expect(narrowed.length).toBeLessThan(all.length);
		expect(new URL(page.url()).searchParams.getAll('unit')).toEqual(['tech-center']);
		await expect(page.locator('[data-status]').textContent()).resolves.toContain(
			String(narrowed.length),
		);
		await page.context().close();
	});

	it('sorts by date both ways, undated pages last when newest come first', async () => {
		const dates = async (page: Page) =>
			page
				.locator('[data-results] > li')
				.evaluateAll((items) =>
					items.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? ''),
				);
		const newest = await open('?q=工会&sort=newest');
		while (await newest.locator('[data-more]').isVisible()) {
			const before = await newest.locator('[data-results] > li').count();
			await newest.locator('[data-more]').click();
			await newest.waitForFunction(
				(n) => document.querySelectorAll('[data-results] > li').length > n,
				before,
			);
		}
		const down = await dates(newest);
		expect(down.length).toBeGreaterThan(10);
		expect(down.filter(Boolean)).toEqual([...down.filter(Boolean)].sort().reverse());
		// Unit pages have no date: they close the list instead of dropping out of it.
		const firstUndated = down.indexOf('');
		expect(firstUndated).toBeGreaterThan(0);
		expect(down.slice(firstUndated).every((d) => d === '')).toBe(true);
		await newest.context().close();

		const oldest = await open('?q=%E5%B7%A5%E4%BC%9A&sort=oldest&type=notice');
		const up = (await dates(oldest)).filter(Boolean);
		expect(up).toEqual([...up].sort());
		expect(await oldest.locator('[data-sort]').inputValue()).toBe('oldest');
		await oldest.context().close();
	});

	it('works with the keyboard alone', async () => {
		const page = await open();
		await tabTo(page, "el.id === 'gk-search-page-q'");
		await page.keyboard.type('创新工作室');
		await page.keyboard.press('Enter');
		await waitForResults(page);
		const runs = await page.evaluate(
			() => (window as unknown as { __gkDone: number[] }).__gkDone.length,
		);
		// Into the type filter, tick 劳模风采 with the space bar.
		await tabTo(page, "el.matches('input[type=checkbox]') && el.value === 'model-worker'");
		await page.keyboard.press('Space');
		await waitForResults(page, runs);
		expect(new URL(page.url()).searchParams.get('type')).toBe('model-worker');
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
			'model-worker',
		);
		const paths = await resultPaths(page, BASE);
		expect(paths.length).toBeGreaterThan(0);
		expect(paths.every((p) => p.startsWith('model-workers/'))).toBe(true);
		// On to the first result, and open it.
		await tabTo(page, "el.matches('[data-results] a')");
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === `${BASE}${paths[0]}`);
		await page.context().close();
	});

	it('has no axe violations with results and filters on screen', async () => {
		const page = await open('?q=安康杯');
		await page.locator('details[data-facet="unit"] > summary').click();
		const results = await new AxeBuilder({ page }).analyze();
		await page.context().close();
		expect(
			results.violations.map(
				(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
			),
		).toEqual([]);
	});
});
