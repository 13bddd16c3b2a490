/**
 * `npm run bench:search`: search quality and cost, in Chromium, through the
 * real search page of a built site.
 *
 *   recall@5     over the query set of tests/e2e/search-queries.ts (names,
 *                short words, phrases, 文号, Traditional queries, names in
 *                result tables), overall and per kind
 *   first query  a fresh browser opening /search/?q=…: time until results are
 *                on the page, bytes fetched (Pagefind files, and the page)
 *   later query  median time from Enter to results
 *   index size   the site's index data, and what meeting both scripts costs
 *                (copies of pages in the other script, the query fold table;
 *                the same site indexed without them)
 *
 * Options: --dist <dir> (a site built with BASE=/gongkai/; default: build the
 * demo into .gongkai/bench-search/dist when missing), --rebuild,
 * --no-quality (skip the query set), --shards[=<pages>] (also index the demo
 * in shards of at most <pages> pages, default 20, and measure it the same way:
 * sharding must not change what readers find), --large[=<notices>] (also
 * build the synthetic union of scripts/bench/synth.ts,
 * default 1,000 notices, and measure its index and first query).
 * Results are written to .gongkai/bench/search.json as well.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { translator } from '../../src/i18n/index.ts';
import { indexSite, siteIndexOptions } from '../postbuild/search.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { launch, serve } from '../../tests/e2e/harness.ts';
import { SEARCH_QUERIES, recallAt, type QueryKind } from '../../tests/e2e/search-queries.ts';
import { search, TIMING_SCRIPT, waitForResults } from '../../tests/e2e/search-harness.ts';

const root = resolve(import.meta.dirname, '../..');
const BASE = '/gongkai/';
const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const option = (name: string) => {
	const at = args.indexOf(`--${name}`);
	return at >= 0 ? args[at + 1] : undefined;
};

function build(outDir: string, contentDir?: string): void {
	const started = performance.now();
	execFileSync(process.execPath, ['scripts/build.ts'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			OUT_DIR: outDir,
			BASE,
			...(contentDir ? { CONTENT_DIR: contentDir } : {}),
		},
	});
	console.log(`built ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface FirstQuery {
	query: string;
	results: number;
	/** Navigation start → first results on the page. */
	ms: number;
	pagefindBytes: number;
	pagefindRequests: number;
	pageBytes: number;
}

/** A reader's first search: a fresh browser context opening the search page with `?q=`. */
async function firstQuery(origin: string, query: string): Promise<FirstQuery> {
	const browser = await launch();
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript(TIMING_SCRIPT);
		let pagefindBytes = 0;
		let pagefindRequests = 0;
		let pageBytes = 0;
		const pending: Array<Promise<void>> = [];
		const offHost: string[] = [];
		page.on('request', (request) => {
			if (new URL(request.url()).origin !== origin) offHost.push(request.url());
		});
		page.on('response', (response) => {
			const url = new URL(response.url());
			pending.push(
				response.body().then(
					(body) => {
						// Every index folder: pagefind/ and, on a sharded site, pagefind-<key>/.
						if (url.pathname.startsWith(`${BASE}pagefind`)) {
							pagefindBytes += body.length;
							pagefindRequests++;
						} else pageBytes += body.length;
					},
					() => undefined,
				),
			);
		});
		await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent(query)}`);
		const ms = await waitForResults(page);
		await Promise.all(pending);
		if (offHost.length > 0)
			throw new Error(`The search page requested other hosts: ${offHost.join(', ')}`);
		const results = await page.locator('[data-results] > li').count();
		return { query, results, ms, pagefindBytes, pagefindRequests, pageBytes };
	} finally {
		await browser.close();
	}
}

interface QualityRun {
	recall: number;
	/** Mean reciprocal rank of the first expected page within the first five. */
	mrr: number;
	/** Median number of results a query returns (what the reader has to look through). */
	medianResults: number;
	byKind: Record<string, number>;
	misses: Array<{ query: string; expect: string[]; got: string[] }>;
	medianMs: number;
	p95Ms: number;
}

/** The number of results the page announces (all of them, not just the ones shown). */
function resultCount(page: Page): Promise<number> {
	return page.evaluate(() => {
		if (document.querySelectorAll('[data-results] > li').length === 0) return 0;
		const text = document.querySelector('[data-status]')?.textContent ?? '';
		return Number(/\d+/.exec(text.replace(/,/g, ''))?.[0] ?? 0);
	});
}

/** Every query of the set in one page, typed like a reader. */
async function quality(origin: string): Promise<QualityRun> {
	const browser = await launch();
	try {
		const page = await browser.newPage();
		await page.addInitScript(TIMING_SCRIPT);
		await page.goto(`${origin}${BASE}search/`);
		const perKind = new Map<QueryKind, number[]>();
		const misses: QualityRun['misses'] = [];
		const times: number[] = [];
		const recalls: number[] = [];
		const ranks: number[] = [];
		const counts: number[] = [];
		for (const { query, kind, expect } of SEARCH_QUERIES) {
			const { paths, ms } = await search(page, query, BASE);
			const recall = recallAt(5, expect, paths);
			recalls.push(recall);
			const first = paths.slice(0, 5).findIndex((p) => expect.includes(p));
			ranks.push(first < 0 ? 0 : 1 / (first + 1));
			counts.push(await resultCount(page));
			times.push(ms);
			perKind.set(kind, [...(perKind.get(kind) ?? []), recall]);
			if (recall < 1) misses.push({ query, expect, got: paths.slice(0, 5) });
		}
		const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
		times.sort((a, b) => a - b);
		counts.sort((a, b) => a - b);
		return {
			recall: mean(recalls),
			mrr: mean(ranks),
			medianResults: counts[Math.floor(counts.length / 2)]!,
			byKind: Object.fromEntries([...perKind].map(([kind, rs]) => [kind, mean(rs)])),
			misses,
			medianMs: times[Math.floor(times.length / 2)]!,
			p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!,
		};
	} finally {
		await browser.close();
	}
}

/** A copy of a built site without its index folders. */
function copyWithoutIndex(dir: string, to: string): void {
	rmSync(to, { recursive: true, force: true });
	cpSync(dir, to, {
		recursive: true,
		filter: (src) => !/^[\\/]pagefind[^\\/]*$/.test(src.slice(dir.length)),
	});
}

/** Index data with and without meeting both scripts (re-indexed in a scratch copy): the copies of pages in the other script, and the fold table. */
async function indexCost(dir: string, shardPages?: number) {
	const t = translator('zh-CN');
	const scratch = join(root, '.gongkai/bench-search/scratch');
	copyWithoutIndex(dir, scratch);
	const options = { dir: scratch, t, shardPages, cacheDir: false as const };
	const exclude = (p: string) => p.startsWith('display/');
	const without = await indexSite({ ...options, convert: false, exclude });
	const withCopy = await indexSite({ ...options, exclude });
	rmSync(scratch, { recursive: true, force: true });
	return {
		pages: withCopy.pages,
		shards: withCopy.shards.length,
		withCopy: withCopy.indexBytes,
		without: without.indexBytes,
		total: withCopy.totalBytes,
		foldPairs: withCopy.foldPairs,
	};
}

async function measure(
	label: string,
	dir: string,
	firstQueries: string[],
	withQuality: boolean,
	shardPages?: number,
) {
	console.log(`\n== ${label}: ${dir}`);
	const server = await serve(dir, BASE);
	try {
		const cost = await indexCost(dir, shardPages);
		console.log(
			`index: ${cost.pages} pages${cost.shards > 1 ? ` in ${cost.shards} shards` : ''}, ${kb(cost.withCopy)} index data (${kb(cost.without)} without copies of pages in the other script: +${(
				((cost.withCopy - cost.without) / cost.without) *
				100
			).toFixed(
				0,
			)} %; query fold table ${cost.foldPairs} characters, ${kb(cost.foldPairs * 6)}), ${kb(cost.total)} with pagefind.js and WebAssembly`,
		);
		const first: FirstQuery[] = [];
		for (const query of firstQueries) {
			const run = await firstQuery(server.origin, query);
			first.push(run);
			console.log(
				`first query 「${query}」: ${run.results} shown, ${run.ms.toFixed(0)} ms from navigation to results, ` +
					`${kb(run.pagefindBytes)} from pagefind/ in ${run.pagefindRequests} requests (+ ${kb(run.pageBytes)} page, CSS and scripts)`,
			);
		}
		let q: QualityRun | undefined;
		if (withQuality) {
			q = await quality(server.origin);
			console.log(
				`recall@5: ${(q.recall * 100).toFixed(1)} % over ${SEARCH_QUERIES.length} queries; ` +
					`MRR@5 ${q.mrr.toFixed(3)}; median ${q.medianResults} results per query`,
			);
			for (const [kind, r] of Object.entries(q.byKind))
				console.log(`  ${kind.padEnd(12)} ${(r * 100).toFixed(1)} %`);
			console.log(
				`later queries: median ${q.medianMs.toFixed(0)} ms, p95 ${q.p95Ms.toFixed(0)} ms (Enter → results on the page)`,
			);
			for (const miss of q.misses)
				console.log(
					`  miss 「${miss.query}」 expected ${miss.expect.join(' ')} got ${miss.got.join(' ') || '—'}`,
				);
		}
		return { cost, first, quality: q };
	} finally {
		await server.close();
	}
}

const demoDist = resolve(root, option('dist') ?? '.gongkai/bench-search/dist');
if (!option('dist') && (flag('rebuild') || !existsSync(join(demoDist, 'pagefind'))))
	build(demoDist);
const report: Record<string, unknown> = { date: new Date().toISOString() };
report.demo = await measure(
	'demo union',
	demoDist,
	['安康杯', '李秀英', '总工发〔2006〕41号'],
	!flag('no-quality'),
);

const shards = flag('shards');
if (shards) {
	const pages = Number(shards.split('=')[1] ?? 20);
	const sharded = join(root, '.gongkai/bench-search/sharded');
	copyWithoutIndex(demoDist, sharded);
	const validation = await validateContent(join(root, 'content'));
	const built = await indexSite({
		dir: sharded,
		t: translator('zh-CN'),
		shardPages: pages,
		cacheDir: false,
		...siteIndexOptions(validation),
	});
	report.demoSharded = {
		shardPages: pages,
		shards: built.shards.map(({ key, pages }) => ({ key, pages })),
		...(await measure(
			`demo union in ${built.shards.length} shards of at most ${pages} pages`,
			sharded,
			['安康杯', '李秀英', '总工发〔2006〕41号'],
			!flag('no-quality'),
			pages,
		)),
	};
}

const large = flag('large');
if (large) {
	const notices = Number(large.split('=')[1] ?? 1000);
	const work = join(root, `.gongkai/bench-search/large-${notices}`);
	const content = join(work, 'content');
	if (!existsSync(join(work, 'dist', 'pagefind'))) {
		rmSync(work, { recursive: true, force: true });
		execFileSync(process.execPath, ['scripts/bench/synth.ts', content, String(notices)], {
			cwd: root,
			stdio: 'inherit',
		});
		build(join(work, 'dist'), content);
	}
	report.large = {
		notices,
		...(await measure(
			`synthetic union, ${notices} notices`,
			join(work, 'dist'),
			['安康杯', '工会', '疗休养'],
			false,
		)),
	};
}

mkdirSync(join(root, '.gongkai/bench'), { recursive: true });
writeFileSync(join(root, '.gongkai/bench/search.json'), JSON.stringify(report, null, '\t') + '\n');
