/**
 * `npm run bench:scale` (also the last step of `npm run bench`): the scale benchmark.
 *
 * 1. Generates a synthetic union from the demo text (scripts/bench/synth.ts):
 *    BENCH_NOTICES notices (default 1,000) and, in proportion, model workers,
 *    competitions, policies and units (10,000 → 1,000 / 300 / 1,000 / 200).
 * 2. Full build: a clean `scripts/build.ts` (validation, Astro, post-build
 *    steps with the search index) in an isolated copy of the engine, so that
 *    no cache of this checkout is used or disturbed.
 * 3. Baseline: a bare Astro project rendering the same notice Markdown, then
 *    a bare Pagefind run over its output — the ratio is full / (bare Astro +
 *    bare Pagefind). With BENCH_ROUNDS, more full builds and bare pairs.
 * 4. Daily rebuild: one notice added, built again (warm caches), last.
 *
 * Measured: wall time, peak RSS of the whole process tree (sampled from
 * /proc: Node, its workers and the Pagefind binary), pages and pages/s,
 * output size, Pagefind index size and the bytes a browser downloads for a
 * first query (Chromium, when /usr/bin/chromium exists).
 *
 * Environment: BENCH_NOTICES, BENCH_REBUILD=0 (skip 4), BENCH_BARE=0 (skip 3),
 * BENCH_ROUNDS=N (N full builds and bare pairs, interleaved, with the median
 * ratio: a shared machine's speed drifts by a third within minutes),
 * BENCH_KEEP=1 (keep the temporary folder), BENCH_QUERIES (comma-separated).
 * Results are also written to .gongkai/bench/scale-<notices>.json.
 */
import { spawn } from 'node:child_process';
import {
	appendFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isolatedEngine, linkModules } from './engine.ts';
import { queryCosts, type QueryCost } from './query.ts';
import { countsFor, synthesize, type SynthCounts } from './synth.ts';

const root = resolve(import.meta.dirname, '../..');
const BASE = '/gongkai/';

// ---------------------------------------------------------------- measuring

/** Resident set size of every process under `pid` (itself included), in bytes, summed. */
export function treeRss(pid: number): { total: number; processes: number } {
	const parents = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the command name, which may itself contain spaces and parentheses.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parents.set(Number(name), Number(fields[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	const tree = new Set([pid]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [child, parent] of parents) {
			if (!tree.has(child) && tree.has(parent)) {
				tree.add(child);
				grew = true;
			}
		}
	}
	let total = 0;
	for (const p of tree) {
		try {
			const resident = Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]);
			total += resident * 4096;
		} catch {
			// Gone.
		}
	}
	return { total, processes: tree.size };
}

export interface Run {
	label: string;
	seconds: number;
	/** CPU time (user + system) of the process tree: steadier than wall time on a shared machine. */
	cpuSeconds: number;
	peakRss: number;
	exitCode: number;
	log: string;
}

/**
 * CPU seconds (user + system) used so far by this process's children that
 * have ended and been waited for — theirs and their own waited-for
 * children's: the kernel adds a process's time to its parent's when the
 * parent collects it.
 */
export function childrenCpuSeconds(): number {
	const stat = readFileSync('/proc/self/stat', 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// cutime and cstime, fields 16 and 17 of proc(5), in clock ticks (100 a second on Linux).
	return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * Runs a command, sampling the RSS of its process tree every 100 ms and
 * counting the tree's CPU time; output goes to `log`.
 */
export function measure(
	label: string,
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; log: string },
): Promise<Run> {
	return new Promise((done, fail) => {
		const started = performance.now();
		const cpuBefore = childrenCpuSeconds();
		writeFileSync(options.log, `$ ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout.on('data', (chunk: Buffer) => appendFileSync(options.log, chunk));
		child.stderr.on('data', (chunk: Buffer) => appendFileSync(options.log, chunk));
		let peakRss = 0;
		const sample = () => {
			if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid).total);
		};
		const timer = setInterval(sample, 100);
		child.on('error', fail);
		child.on('close', (code) => {
			clearInterval(timer);
			done({
				label,
				seconds: (performance.now() - started) / 1000,
				cpuSeconds: childrenCpuSeconds() - cpuBefore,
				peakRss,
				exitCode: code ?? 1,
				log: options.log,
			});
		});
	});
}

/** Total size of the files under `dir`, in bytes, and how many there are. */
export function folderSize(
	dir: string,
	filter: (file: string) => boolean = () => true,
): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	if (!existsSync(dir)) return { bytes, files };
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		const path = join(dir, name);
		const stat = statSync(path);
		if (stat.isFile() && filter(name)) {
			bytes += stat.size;
			files += 1;
		}
	}
	return { bytes, files };
}

/** Folders holding a Pagefind index (`pagefind-entry.json`) under `dir`. */
function pagefindIndexes(dir: string): string[] {
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((name) => basename(name) === 'pagefind-entry.json')
		.map((name) => join(dir, dirname(name)))
		.sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/** The first-query cost in Chromium of the site's Pagefind index(es). */
function firstQueryBytes(outDir: string, queries: string[], raw = false): Promise<Q> {
	const indexes = pagefindIndexes(outDir).map((dir) => relative(outDir, dir));
	return queryCosts(outDir, BASE, indexes, queries, raw);
}

// ---------------------------------------------------------------- projects

/** A minimal Astro project rendering the same notice Markdown: one page per notice, nothing else. */
function bareProject(dir: string, noticesDir: string): string {
	mkdirSync(join(dir, 'src/pages/notices'), { recursive: true });
	linkModules(join(dir, 'node_modules'));
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({ name: 'bare', private: true, type: 'module' }),
	);
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nexport default defineConfig({ base: '${BASE}', trailingSlash: 'always', build: { format: 'directory' } });\n`,
	);
	writeFileSync(
		join(dir, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { notices: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(noticesDir)} }) }) };
`,
	);
	writeFileSync(
		join(dir, 'src/pages/notices/[...id].astro'),
		`---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
	return (await getCollection('notices')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN">
	<head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
	<body><main><h1>{entry.data.title}</h1><p>{String(entry.data.date)}</p><Content /></main></body>
</html>
`,
	);
	return dir;
}

// ---------------------------------------------------------------- report

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gb = (bytes: number) => `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const num = (n: number) => n.toLocaleString('en');

function describeCounts(c: SynthCounts): string {
	return `${num(c.notices)} notices, ${num(c.modelWorkers)} model workers, ${num(c.competitions)} competitions, ${num(c.policies)} policies, ${num(c.units)} units`;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function failIf(run: Run): void {
	if (run.exitCode === 0) return;
	const tail = readFileSync(run.log, 'utf8').split('\n').slice(-30).join('\n');
	throw new Error(`${run.label} failed (exit ${run.exitCode}); last lines of ${run.log}:\n${tail}`);
}

async function main(): Promise<void> {
	const notices = Number(process.env.BENCH_NOTICES ?? 1000);
	if (!Number.isInteger(notices) || notices < 10)
		throw new Error(`BENCH_NOTICES must be an integer ≥ 10, not ${process.env.BENCH_NOTICES}`);
	const queries = (process.env.BENCH_QUERIES ?? '安全生产,劳动模范').split(',').filter(Boolean);
	const roundsWanted = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 1)) || 1);
	const counts = countsFor(notices);
	const work = join(tmpdir(), `gongkai-bench-${notices}-${process.pid}`);
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	const env: NodeJS.ProcessEnv = {
		...process.env,
		ASTRO_TELEMETRY_DISABLED: '1',
		NODE_ENV: 'production',
	};
	delete env.GONGKAI_NOW;
	const say = (line: string) => console.log(line);
	say(`Gongkai scale benchmark — ${describeCounts(counts)}`);
	say(`  work folder ${work}`);

	const result: Record<string, unknown> = {
		notices,
		counts,
		date: new Date().toISOString(),
		node: process.version,
	};
	try {
		const content = join(work, 'content');
		let started = performance.now();
		synthesize(content, counts, join(root, 'content'));
		const contentSize = folderSize(content);
		say(
			`  synthetic union: ${num(contentSize.files)} files, ${mb(contentSize.bytes)} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
		);

		// Full build in a private engine copy: cold caches.
		const engine = isolatedEngine(join(work, 'engine'));
		const fullOut = join(work, 'full');
		const full = await measure('full build', process.execPath, ['scripts/build.ts'], {
			cwd: engine,
			env: { ...env, CONTENT_DIR: content, OUT_DIR: fullOut },
			log: join(work, 'full.log'),
		});
		failIf(full);
		const fullPages = folderSize(fullOut, (f) => f.endsWith('.html')).files;
		const fullSize = folderSize(fullOut).bytes;
		const fullIndexes = pagefindIndexes(fullOut);
		const fullIndex = fullIndexes.reduce((sum, dir) => sum + folderSize(dir).bytes, 0);
		say(
			`  full build: ${full.seconds.toFixed(1)} s (CPU ${full.cpuSeconds.toFixed(0)} s), peak ${gb(full.peakRss)}, ${num(fullPages)} pages`,
		);
		const fullQuery = await firstQueryBytes(fullOut, queries);
		result.full = {
			seconds: full.seconds,
			cpuSeconds: full.cpuSeconds,
			peakRss: full.peakRss,
			pages: fullPages,
			pagesPerSecond: fullPages / full.seconds,
			distBytes: fullSize,
			pagefindIndexes: fullIndexes.map((d) => relative(fullOut, d)),
			indexBytes: fullIndex,
			firstQuery: fullQuery,
		};

		// Baseline: bare Astro over the same notices, then bare Pagefind over its output.
		const bareRun = async (name: string) => {
			const bare = bareProject(join(work, name), join(content, 'notices'));
			// Inside the project: Astro's prerender step imports packages from the output folder.
			const bareOut = join(bare, 'dist');
			const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
			const astro = await measure(
				'bare Astro',
				process.execPath,
				[astroBin, 'build', '--outDir', bareOut],
				{ cwd: bare, env, log: join(work, `${name}-astro.log`) },
			);
			failIf(astro);
			const binary = createRequire(join(root, 'node_modules/pagefind/package.json')).resolve(
				`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`,
			);
			const pf = await measure('bare Pagefind', binary, ['--site', bareOut], {
				cwd: work,
				env,
				log: join(work, `${name}-pagefind.log`),
			});
			failIf(pf);
			return { astro, pf, bareOut };
		};
		if (process.env.BENCH_BARE !== '0') {
			const { astro, pf, bareOut } = await bareRun('bare');
			const barePages = folderSize(bareOut, (f) => f.endsWith('.html')).files;
			say(
				`  bare Astro: ${astro.seconds.toFixed(1)} s (CPU ${astro.cpuSeconds.toFixed(0)} s), peak ${gb(astro.peakRss)}, ${num(barePages)} pages`,
			);
			const bareIndex = folderSize(join(bareOut, 'pagefind')).bytes;
			say(
				`  bare Pagefind: ${pf.seconds.toFixed(1)} s (CPU ${pf.cpuSeconds.toFixed(0)} s), peak ${gb(pf.peakRss)}, index ${mb(bareIndex)}`,
			);
			const bareQuery = await firstQueryBytes(bareOut, queries, true);
			const bareSeconds = astro.seconds + pf.seconds;
			const bareCpu = astro.cpuSeconds + pf.cpuSeconds;
			result.bare = {
				astro: {
					seconds: astro.seconds,
					peakRss: astro.peakRss,
					pages: barePages,
					pagesPerSecond: barePages / astro.seconds,
				},
				pagefind: {
					seconds: pf.seconds,
					peakRss: pf.peakRss,
					indexBytes: bareIndex,
					firstQuery: bareQuery,
				},
				seconds: bareSeconds,
				cpuSeconds: bareCpu,
				peakRss: Math.max(astro.peakRss, pf.peakRss),
			};
			result.ratio = {
				time: full.seconds / bareSeconds,
				cpu: full.cpuSeconds / bareCpu,
				peakRss: full.peakRss / Math.max(astro.peakRss, pf.peakRss),
			};

			// More rounds (BENCH_ROUNDS): a full build in a fresh engine copy, then the
			// bare pair, each time — on a shared machine one round's ratio can be off
			// by a third; the median of several, taken close together, is not.
			const rounds = [
				{
					full: full.seconds,
					bare: bareSeconds,
					ratio: full.seconds / bareSeconds,
					cpuRatio: full.cpuSeconds / bareCpu,
				},
			];
			for (let round = 2; round <= roundsWanted; round++) {
				const engineCopy = isolatedEngine(join(work, `engine-${round}`));
				const out = join(work, `full-${round}`);
				const again = await measure('full build', process.execPath, ['scripts/build.ts'], {
					cwd: engineCopy,
					env: { ...env, CONTENT_DIR: content, OUT_DIR: out },
					log: join(work, `full-${round}.log`),
				});
				failIf(again);
				const pair = await bareRun(`bare-${round}`);
				const seconds = pair.astro.seconds + pair.pf.seconds;
				const cpu = pair.astro.cpuSeconds + pair.pf.cpuSeconds;
				rounds.push({
					full: again.seconds,
					bare: seconds,
					ratio: again.seconds / seconds,
					cpuRatio: again.cpuSeconds / cpu,
				});
				say(
					`  round ${round}: full ${again.seconds.toFixed(1)} s, bare ${seconds.toFixed(1)} s (${(again.seconds / seconds).toFixed(2)}×); CPU ${again.cpuSeconds.toFixed(0)} s, bare ${cpu.toFixed(0)} s (${(again.cpuSeconds / cpu).toFixed(2)}×)`,
				);
				// Kept until the end: deleting tens of thousands of files slows the
				// next run's file creation for a minute or more (see the daily rebuild).
			}
			if (rounds.length > 1) {
				result.rounds = rounds;
				(result.ratio as Record<string, number>).median = median(rounds.map((r) => r.ratio));
				(result.ratio as Record<string, number>).cpuMedian = median(rounds.map((r) => r.cpuRatio));
			}
		}

		// Daily rebuild: one notice added, caches warm. Last, as it deletes the site
		// it replaces when it is done (scripts/build.ts): on a file system that slows
		// the files created right after many are deleted (ext4 without a journal, as
		// here), nothing measured may follow that.
		if (process.env.BENCH_REBUILD !== '0') {
			const latest = readdirSync(join(content, 'notices/2026')).sort().at(-1)!;
			const source = readFileSync(join(content, 'notices/2026', latest), 'utf8');
			writeFileSync(
				join(content, 'notices/2026/daily-added.md'),
				source.replace(/^title: .*$/m, 'title: 关于每日构建新增通知的公告（基准测试）'),
			);
			const rebuild = await measure('daily rebuild', process.execPath, ['scripts/build.ts'], {
				cwd: engine,
				env: { ...env, CONTENT_DIR: content, OUT_DIR: fullOut },
				log: join(work, 'rebuild.log'),
			});
			failIf(rebuild);
			say(
				`  daily rebuild (+1 notice): ${rebuild.seconds.toFixed(1)} s, peak ${gb(rebuild.peakRss)}`,
			);
			result.rebuild = {
				seconds: rebuild.seconds,
				peakRss: rebuild.peakRss,
				ratioToFull: rebuild.seconds / full.seconds,
			};
			rmSync(join(content, 'notices/2026/daily-added.md'));
		}
	} finally {
		if (process.env.BENCH_KEEP !== '1') rmSync(work, { recursive: true, force: true });
		else say(`  kept ${work}`);
	}

	printTable(result);
	const saved = join(root, '.gongkai/bench', `scale-${notices}.json`);
	mkdirSync(dirname(saved), { recursive: true });
	writeFileSync(saved, JSON.stringify(result, null, '\t') + '\n');
	say(`\nresults: ${relative(root, saved)}`);
}

type Q = Record<string, QueryCost> | undefined;
interface Full {
	seconds: number;
	peakRss: number;
	pages: number;
	pagesPerSecond: number;
	distBytes: number;
	indexBytes: number;
	firstQuery: Q;
}

function printTable(r: Record<string, unknown>): void {
	const full = r.full as Full;
	const rebuild = r.rebuild as
		{ seconds: number; peakRss: number; ratioToFull: number } | undefined;
	const bare = r.bare as
		| {
				astro: { seconds: number; peakRss: number; pages: number; pagesPerSecond: number };
				pagefind: { seconds: number; peakRss: number; indexBytes: number; firstQuery: Q };
				seconds: number;
				peakRss: number;
		  }
		| undefined;
	const ratio = r.ratio as
		{ time: number; cpu: number; peakRss: number; median?: number; cpuMedian?: number } | undefined;
	const rounds = r.rounds as Array<{ ratio: number; cpuRatio: number }> | undefined;
	const q = (x: Q) =>
		x
			? Object.entries(x)
					.map(([k, v]) => `${k} ${kb(v.bytes)} (${v.requests} req, ${v.count} hits)`)
					.join('; ')
			: 'n/a';
	const rows: string[][] = [['', 'wall', 'peak RSS', 'pages', 'pages/s', 'output', 'index']];
	rows.push([
		'full build',
		`${full.seconds.toFixed(1)} s`,
		gb(full.peakRss),
		num(full.pages),
		full.pagesPerSecond.toFixed(1),
		mb(full.distBytes),
		mb(full.indexBytes),
	]);
	if (rebuild)
		rows.push([
			'daily rebuild (+1)',
			`${rebuild.seconds.toFixed(1)} s`,
			gb(rebuild.peakRss),
			'',
			'',
			'',
			'',
		]);
	if (bare) {
		rows.push([
			'bare Astro',
			`${bare.astro.seconds.toFixed(1)} s`,
			gb(bare.astro.peakRss),
			num(bare.astro.pages),
			bare.astro.pagesPerSecond.toFixed(1),
			'',
			'',
		]);
		rows.push([
			'bare Pagefind',
			`${bare.pagefind.seconds.toFixed(1)} s`,
			gb(bare.pagefind.peakRss),
			'',
			'',
			'',
			mb(bare.pagefind.indexBytes),
		]);
		rows.push(['bare total', `${bare.seconds.toFixed(1)} s`, gb(bare.peakRss), '', '', '', '']);
	}
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
	console.log('');
	for (const row of rows)
		console.log(
			row
				.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
				.join('   '),
		);
	console.log('');
	console.log(`first query, full:  ${q(full.firstQuery)}`);
	if (bare) console.log(`first query, bare:  ${q(bare.pagefind.firstQuery)}`);
	if (ratio)
		console.log(
			`ratio full / (bare Astro + bare Pagefind): time ${ratio.time.toFixed(2)}×, CPU time ${ratio.cpu.toFixed(2)}×, peak RSS ${ratio.peakRss.toFixed(2)}×`,
		);
	if (ratio?.median !== undefined && ratio.cpuMedian !== undefined && rounds)
		console.log(
			`ratio over ${rounds.length} rounds: time ${rounds.map((x) => `${x.ratio.toFixed(2)}×`).join(', ')} — median ${ratio.median.toFixed(2)}×; CPU time ${rounds.map((x) => `${x.cpuRatio.toFixed(2)}×`).join(', ')} — median ${ratio.cpuMedian.toFixed(2)}×`,
		);
	if (rebuild) console.log(`ratio daily rebuild / full build: ${rebuild.ratioToFull.toFixed(2)}×`);
}

if (import.meta.main) {
	try {
		await main();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	}
}
