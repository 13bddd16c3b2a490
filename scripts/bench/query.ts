/**
 * What a reader's first search costs: Chromium loads Pagefind from a built
 * site (no page script of ours, so only the search is measured), runs the
 * query the way the search page does, and opens the first results. Every
 * query starts in a fresh browser context, with nothing cached.
 */
import { existsSync } from 'node:fs';
import { planSearch } from '../../src/lib/search-query.ts';

export interface QueryCost {
	/** Bytes of every response from a Pagefind folder (script, WebAssembly, index chunks, fragments). */
	bytes: number;
	requests: number;
	/** Number of results. */
	count: number;
	/** URLs of the first ten results. */
	top: string[];
}

/**
 * The Pagefind searches the search page runs for a query: all characters
 * anywhere, then the exact phrase (src/lib/search-query.ts). `raw` for an
 * index built from unprepared text (a bare Pagefind run).
 */
export function pagefindQueries(query: string, raw = false): string[] {
	if (raw) return [query];
	const plan = planSearch(query);
	if (!plan) return [];
	return plan.strict ? [plan.loose, plan.phrases[0]!] : [plan.loose];
}

/** Runs `queries` against the indexes under `base` of the site in `dir`; first index primary, others merged. */
export async function queryCosts(
	dir: string,
	base: string,
	indexes: string[],
	queries: string[],
	raw = false,
): Promise<Record<string, QueryCost> | undefined> {
	const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(chromium) || indexes.length === 0) return undefined;
	const { serve, launch } = await import('../../tests/e2e/harness.ts');
	const server = await serve(dir, base);
	const browser = await launch();
	const out: Record<string, QueryCost> = {};
	try {
		for (const query of queries) {
			const context = await browser.newContext();
			const page = await context.newPage();
			let bytes = 0;
			let requests = 0;
			const pending: Promise<void>[] = [];
			page.on('response', (response) => {
				if (!/\/pagefind[^/]*\//.test(new URL(response.url()).pathname)) return;
				requests++;
				pending.push(
					response.body().then(
						(b) => void (bytes += b.length),
						() => undefined,
					),
				);
			});
			// An empty page on the site's origin.
			await page.route(`${server.origin}/__bench__`, (route) =>
				route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
			);
			await page.goto(`${server.origin}/__bench__`);
			const result = await page.evaluate(
				async ({ urls, searches }) => {
					const [primary, ...others] = urls;
					const pagefind = await import(`${primary}pagefind.js`);
					await pagefind.options({ excerptLength: 30 });
					for (const other of others) await pagefind.mergeIndex(other);
					type Result = { data(): Promise<{ url: string }> };
					let results: Result[] = [];
					for (const search of searches) {
						const found = (await pagefind.search(search)).results as Result[];
						if (found.length > 0 || results.length === 0) results = found;
					}
					const top = await Promise.all(
						// Merged indexes answer with absolute URLs, the primary with paths.
						results
							.slice(0, 10)
							.map(async (r) => new URL((await r.data()).url, location.href).pathname),
					);
					return { count: results.length, top };
				},
				{
					urls: indexes.map((index) => `${server.origin}${base}${index.replace(/\/?$/, '/')}`),
					searches: pagefindQueries(query, raw),
				},
			);
			await Promise.all(pending);
			out[query] = { bytes, requests, ...result };
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return out;
}
