/**
 * Search-index sharding experiment over a built site (the first measurement
 * behind the shards scripts/postbuild/search.ts now builds; see
 * docs/operations.md → Scale): one Pagefind index against one index per
 * shard — notices by year, everything else in one — built one after the
 * other, each in a fresh Pagefind process, and merged in the browser with
 * Pagefind's `mergeIndex`. It measures time and peak memory of both, the
 * bytes of a first query, and whether the top results stay the same.
 *
 *   node scripts/bench/shards.ts <built-site> [base=/gongkai/]
 *
 * The page text goes through the same preparation as the real index
 * (src/lib/search-text.ts). Nothing in the site folder is changed: the
 * indexes are written to a temporary copy of its HTML.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { scriptConverters } from '../../src/lib/search-chinese.ts';
import { htmlLang, indexableHtml } from '../../src/lib/search-text.ts';
import { queryCosts, type QueryCost } from './query.ts';
import { folderSize, measure } from './scale.ts';

/** The shard of a site path: `notices-<year>` for notices, `other` for the rest. */
export function shardOf(path: string): string {
	const year = /^notices\/(\d{4})\//.exec(path)?.[1];
	return year ? `notices-${year}` : 'other';
}

function sitePaths(dir: string): string[] {
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter(
			(f) => f.endsWith('.html') && !f.startsWith(`pagefind`) && !f.startsWith(`display${sep}`),
		)
		.map((f) => f.split(sep).join('/'))
		.sort();
}

/** Child process: writes the index (or shards) for `mode` into `out`. */
async function indexChild(site: string, mode: 'single' | 'sharded', out: string): Promise<void> {
	const groups = new Map<string, string[]>();
	for (const file of sitePaths(site)) {
		const path = file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
		const key = mode === 'single' ? 'all' : shardOf(path);
		groups.set(key, [...(groups.get(key) ?? []), file]);
	}
	for (const [shard, files] of [...groups].sort()) {
		const { index } = await pagefind.createIndex({});
		if (!index) throw new Error('no Pagefind index');
		let pages = 0;
		for (const file of files) {
			const html = readFileSync(join(site, file), 'utf8');
			const content = indexableHtml(html, { converters: scriptConverters });
			if (content === undefined || !htmlLang(html)) continue;
			const path = file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
			await index.addHTMLFile({ url: `/${path}`, content });
			pages++;
		}
		await index.writeFiles({
			outputPath: join(out, mode === 'single' ? 'pagefind' : `pagefind-${shard}`),
		});
		// Each shard in a fresh Pagefind process: memory is given back between shards.
		await pagefind.close();
		console.log(`${shard}: ${pages} pages`);
	}
}

async function main(): Promise<void> {
	const [site, base = '/gongkai/'] = process.argv.slice(2);
	if (!site) throw new Error('usage: node scripts/bench/shards.ts <built-site> [base]');
	const dir = resolve(site);
	const work = join(tmpdir(), `gongkai-shards-${process.pid}`);
	mkdirSync(work, { recursive: true });
	const list = (
		process.env.BENCH_QUERIES ?? '安全生产,劳动模范,职工代表大会,困难职工帮扶,集体合同'
	).split(',');
	const report: Record<string, unknown> = {};
	try {
		for (const mode of ['single', 'sharded'] as const) {
			const out = join(work, mode);
			mkdirSync(out, { recursive: true });
			const run = await measure(
				mode,
				process.execPath,
				[import.meta.filename, '--child', dir, mode, out],
				{
					cwd: process.cwd(),
					env: process.env,
					log: join(work, `${mode}.log`),
				},
			);
			if (run.exitCode !== 0) throw new Error(readFileSync(run.log, 'utf8').slice(-2000));
			const indexes = readdirSync(out).sort((a, b) =>
				a === 'pagefind-other' ? -1 : b === 'pagefind-other' ? 1 : b.localeCompare(a),
			);
			// The browser only needs the index folders: serve them on their own.
			const q = (await queryCosts(out, base, indexes, list)) ?? {};
			const size = folderSize(out).bytes;
			report[mode] = {
				seconds: run.seconds,
				peakRss: run.peakRss,
				indexes: indexes.length,
				indexBytes: size,
				queries: q,
			};
			console.log(
				`${mode}: ${run.seconds.toFixed(1)} s, peak ${(run.peakRss / 2 ** 30).toFixed(2)} GB, ${indexes.length} index(es), ${(size / 2 ** 20).toFixed(1)} MB`,
			);
			for (const [query, r] of Object.entries(q)) {
				console.log(
					`  ${query}: ${r.count} results, first query ${(r.bytes / 1024).toFixed(0)} kB in ${r.requests} requests`,
				);
			}
		}
		const single = report.single as { queries: Record<string, QueryCost> };
		const sharded = report.sharded as { queries: Record<string, QueryCost> };
		console.log('\nsame results? (count; overlap of the top 10)');
		for (const query of list) {
			const a = single.queries[query]!;
			const b = sharded.queries[query]!;
			const overlap = b.top.filter((url) => a.top.includes(url)).length;
			const order = a.top.join() === b.top.join() ? 'same order' : 'order differs';
			console.log(
				`  ${query}: ${a.count} vs ${b.count} results; top 10 overlap ${overlap}/${Math.min(10, a.top.length)}, ${order}`,
			);
		}
		const saved = join(resolve(import.meta.dirname, '../..'), '.gongkai/bench/shards.json');
		mkdirSync(join(saved, '..'), { recursive: true });
		writeFileSync(saved, JSON.stringify(report, null, '\t') + '\n');
		console.log(`\nresults: ${relative(process.cwd(), saved)}`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

if (import.meta.main) {
	if (process.argv[2] === '--child') {
		const [, site, mode, out] = process.argv.slice(2);
		await indexChild(site!, mode as 'single' | 'sharded', out!);
	} else {
		await main();
	}
}
