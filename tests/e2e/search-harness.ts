/**
 * Driving the search page in Chromium, shared by the e2e test and
 * `npm run bench:search`: type a query like a reader, wait until its
 * results are on the page, read them back.
 */
import type { Browser, Page } from 'playwright-core';

/** Records when each search run finishes (before any page script runs). */
export const TIMING_SCRIPT = `
	window.__gkDone = [];
	new MutationObserver((records) => {
		for (const r of records) {
			const el = r.target;
			if (r.attributeName === 'data-state' && el.dataset.state === 'done') window.__gkDone.push(performance.now());
		}
	}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
`;

/** A fresh page on the search page at `url` (with an optional query string), results awaited when there is a query. */
export async function openSearch(browser: Browser, url: string, query = ''): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.addInitScript(TIMING_SCRIPT);
	await page.goto(`${url}search/${query}`);
	if (query) await waitForResults(page);
	return page;
}

/** Resolves when the search element has finished a run after `after` runs were seen. */
export async function waitForResults(page: Page, after = 0): Promise<number> {
	await page.waitForFunction(
		(n) => {
			const el = document.querySelector('gk-search') as HTMLElement | null;
			const done = (window as unknown as { __gkDone?: number[] }).__gkDone ?? [];
			return el?.dataset.state === 'done' && done.length > n;
		},
		after,
		{ timeout: 20_000 },
	);
	return page.evaluate(() => (window as unknown as { __gkDone: number[] }).__gkDone.at(-1)!);
}

/** Result links in order, as site paths without the base (`notices/2025/a/`). */
export async function resultPaths(page: Page, base: string): Promise<string[]> {
	const hrefs = await page
		.locator('[data-results] > li h3 a')
		.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
	return hrefs.map((href) => (href.startsWith(base) ? href.slice(base.length) : href));
}

/** Types `query` into the page's search field and submits it; returns the result paths and the milliseconds it took. */
export async function search(
	page: Page,
	query: string,
	base: string,
): Promise<{ paths: string[]; ms: number }> {
	const runs = await page.evaluate(
		() => (window as unknown as { __gkDone: number[] }).__gkDone.length,
	);
	const input = page.locator('#gk-search-page-q');
	await input.fill(query);
	const started = await page.evaluate(() => performance.now());
	await input.press('Enter');
	const finished = await waitForResults(page, runs);
	return { paths: await resultPaths(page, base), ms: finished - started };
}
