/**
 * The search index: Pagefind (extended binary, through its Node API) over
 * the built pages that mark a `data-pagefind-body` region. What Pagefind sees
 * is prepared by src/lib/search-text.ts (the page's searchable part only, one
 * index word per Han character, normalised 文号, a Simplified/Traditional
 * copy); the served HTML is not touched. Display pages, withdrawn notices and
 * drafts are never indexed, whatever their templates say. Any error Pagefind
 * reports fails the build.
 *
 * A large site is indexed in shards (src/lib/search-shards.ts): each shard is
 * built on its own — a fresh Pagefind process, closed before the next — so
 * the memory peak follows the largest shard, not the site. The first shard
 * is `pagefind/` (with Pagefind's script and `shards.json`, which the search
 * page reads to merge the others from `pagefind-<key>/`).
 *
 * Every shard written is kept in a cache outside the site (by default
 * `.gongkai/search-cache/`), under a digest of exactly what Pagefind was
 * given (URLs and prepared documents, the Pagefind version and the format of
 * this step); a later build whose shard has the same digest copies it
 * instead of indexing — a daily rebuild re-indexes the shards that changed.
 */
import { createHash } from 'node:crypto';
import {
	constants,
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { siteScript } from '../../src/lib/search-chinese.ts';
import { foldTable, type ScriptChars } from '../../src/lib/search-fold.ts';
import {
	DEFAULT_SHARD_PAGES,
	planShards,
	PRIMARY_DIR,
	shardManifest,
	SHARD_MANIFEST,
	type Shard,
} from '../../src/lib/search-shards.ts';
import { htmlLang, indexableHtml, sortKey, sourceDocument } from '../../src/lib/search-text.ts';
import type { Translate } from '../../src/lib/problems.ts';
import type { ValidationResult } from '../../src/lib/validate/index.ts';
import type { PostBuildContext } from './index.ts';

const root = resolve(import.meta.dirname, '../..');

/** Pagefind's browser bundles we do not use (our own UI talks to pagefind.js). */
const UNUSED = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-highlight.js',
];

/** Pagefind's runtime, needed in the primary index only (merged indexes use its WebAssembly). */
const RUNTIME = /^(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;

/** Bump when what this step writes for the same input changes (invalidates the cache). */
const FORMAT = 'gongkai-search-1';

/** Cache entries unused for this long are removed. */
const CACHE_DAYS = 7;

export interface IndexOptions {
	/** The built site. The index is written to `<dir>/pagefind/` (and `<dir>/pagefind-<key>/`). */
	dir: string;
	t: Translate;
	/** Site paths (`notices/2025/a/`) that must not be indexed. */
	exclude?: (path: string) => boolean;
	/** Extra card metadata for a site path. */
	meta?: (path: string) => Record<string, string> | undefined;
	/**
	 * Meet both scripts: a copy in the site's script of any page in the other,
	 * and the fold table for queries (default true; the benchmark measures without).
	 */
	convert?: boolean;
	/** The site's language (`site.yaml` locale), which sets its script; default zh-CN. */
	locale?: string;
	/**
	 * Astro is still writing the site and this settles when it is done: pages
	 * are read and prepared as they appear, and the index is built after.
	 */
	written?: Promise<unknown>;
	/**
	 * Largest shard, in pages; a site up to this size keeps one index.
	 * Default: `GONGKAI_SEARCH_SHARD_PAGES`, else 4,000 (DEFAULT_SHARD_PAGES).
	 */
	shardPages?: number;
	/**
	 * Folder of reusable shards, or `false` for none. Default:
	 * `GONGKAI_SEARCH_CACHE` (`off` for none), else `.gongkai/search-cache/`.
	 */
	cacheDir?: string | false;
	/**
	 * Shards indexed at the same time (each costs a shard's memory). Default:
	 * `GONGKAI_SEARCH_JOBS`, else 2 where the machine has two cores or more.
	 */
	jobs?: number;
}

export interface ShardStats {
	key: string;
	/** Folder in the site, with a trailing slash. */
	dir: string;
	pages: number;
	/** Copied from the cache instead of indexed. */
	reused: boolean;
	/** Digest of the shard's input (its cache key). */
	digest: string;
}

export interface IndexStats {
	/** Pages in the index. */
	pages: number;
	/** Languages Pagefind found (from `<html lang>`). */
	languages: string[];
	/** Bytes of the site's own index data: word index, fragments, filters, metadata. */
	indexBytes: number;
	/** Bytes of everything in the index folders (with pagefind.js and the WebAssembly). */
	totalBytes: number;
	/** The Pagefind binary used. */
	binary: string;
	/** Newest first; one when the site is not sharded. */
	shards: ShardStats[];
	/** Characters in the query fold table (search-fold.ts). */
	foldPairs: number;
}

/** The extended Pagefind binary (Chinese and Japanese segmentation), as the Node API resolves it. */
export function extendedBinary(): string | undefined {
	if (process.env.PAGEFIND_EXTENDED_BINARY_PATH) return process.env.PAGEFIND_EXTENDED_BINARY_PATH;
	const platform = process.platform === 'win32' ? 'windows' : process.platform;
	const name = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
	try {
		return createRequire(import.meta.url).resolve(
			`@pagefind/${platform}-${process.arch}/bin/${name}`,
		);
	} catch {
		return undefined;
	}
}

/** The version of the Pagefind package (its binaries share it). */
function pagefindVersion(): string {
	// The package exports no package.json: go up from its entry point (lib/index.js).
	const file = new URL('../package.json', import.meta.resolve('pagefind'));
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Site path of a built HTML file: `notices/a/index.html` → `notices/a/`. */
export function sitePath(file: string): string {
	const path = file.split(sep).join('/');
	return path === 'index.html' ? '' : path.replace(/(^|\/)index\.html$/, '$1');
}

/** The site's HTML files, sorted, outside the index folders. */
function htmlFiles(dir: string): string[] {
	// Astro may not have made the folder yet (see PageReader.follow).
	if (!existsSync(dir)) return [];
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((file) => file.endsWith('.html') && !/^pagefind[^\\/]*[\\/]/.test(file))
		.sort();
}

function bytesUnder(path: string, filter: (file: string) => boolean = () => true): number {
	if (!existsSync(path)) return 0;
	if (statSync(path).isFile()) return filter(path) ? statSync(path).size : 0;
	let total = 0;
	for (const file of readdirSync(path, { recursive: true, encoding: 'utf8' }) as string[]) {
		const full = join(path, file);
		if (filter(full) && statSync(full).isFile()) total += statSync(full).size;
	}
	return total;
}

const INDEX_DATA = (file: string) => /[\\/](index|fragment|filter)[\\/]|\.pf_meta$/.test(file);

/** A failure already worded for the build log. */
export class SearchIndexError extends Error {}

function fail(t: Translate, errors: string[]): never {
	throw new SearchIndexError(errors.map((found) => t('search.index.failed', { found })).join('\n'));
}

/** The shard size bound from the options or `GONGKAI_SEARCH_SHARD_PAGES`. */
export function shardPagesOption(value: number | string | undefined): number {
	if (value === undefined || value === '') return DEFAULT_SHARD_PAGES;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1)
		throw new SearchIndexError(
			`GONGKAI_SEARCH_SHARD_PAGES must be a whole number ≥ 1, not "${value}"`,
		);
	return n;
}

/** Shards indexed at once: the option, `GONGKAI_SEARCH_JOBS`, else 2 on a machine with two cores or more. */
export function searchJobsOption(value: number | string | undefined): number {
	if (value === undefined || value === '') return Math.min(2, availableParallelism());
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1)
		throw new SearchIndexError(`GONGKAI_SEARCH_JOBS must be a whole number ≥ 1, not "${value}"`);
	return n;
}

/** The cache folder from the options or `GONGKAI_SEARCH_CACHE`, or `undefined` for none. */
function cacheFolder(option: string | false | undefined): string | undefined {
	if (option === false) return undefined;
	if (option) return resolve(option);
	const env = process.env.GONGKAI_SEARCH_CACHE?.trim();
	if (env === 'off' || env === '0') return undefined;
	return env ? resolve(env) : join(root, '.gongkai/search-cache');
}

interface Page {
	path: string;
	/** What the indexer reads of the page, before text preparation. */
	source: string;
	date?: string;
	/** What Pagefind is given, once prepared. */
	content?: string;
}

/** Time between two looks at a folder Astro is still writing, and how long a page must stay unchanged before it is read. */
const FOLLOW_MS = 3000;
const SETTLED_MS = 1000;

/**
 * Reads the built pages the index needs — all at once, or, while Astro is
 * still writing the site, the pages it has finished so far (on the core
 * Astro leaves idle). A page read early is read again if it changed after.
 */
class PageReader {
	/** Indexable pages by site path. */
	readonly pages = new Map<string, Page>();
	/** Site paths in the order of the last full read. */
	order: string[] = [];
	/** `mtime:size` of every page looked at. */
	private readonly stamps = new Map<string, string>();
	/** Pages without `<html lang>`: site path → file. */
	readonly noLang = new Map<string, string>();

	private readonly dir: string;
	private readonly exclude: ((path: string) => boolean) | undefined;
	private readonly prepare: ((page: Page) => string) | undefined;

	constructor(
		dir: string,
		exclude: ((path: string) => boolean) | undefined,
		prepare?: (page: Page) => string,
	) {
		this.dir = dir;
		this.exclude = exclude;
		this.prepare = prepare;
	}

	/**
	 * Reads the pages that are new or changed since the last call. `settled`:
	 * only those unchanged for a moment, and what is missing stays known (Astro
	 * is still writing); otherwise every page, and the pages gone are forgotten.
	 */
	read(settled: boolean): void {
		const now = Date.now();
		const present: string[] = [];
		for (const file of htmlFiles(this.dir)) {
			const path = sitePath(file);
			if (this.exclude?.(path)) continue;
			present.push(path);
			// While following, a page read once waits for the full read at the end to be checked again.
			if (settled && this.stamps.has(path)) continue;
			let stamp: string;
			let mtime: number;
			try {
				const stat = statSync(join(this.dir, file));
				stamp = `${stat.mtimeMs}:${stat.size}`;
				mtime = stat.mtimeMs;
			} catch {
				continue; // Being replaced.
			}
			if (this.stamps.get(path) === stamp) continue;
			if (settled && now - mtime < SETTLED_MS) continue;
			this.stamps.set(path, stamp);
			this.pages.delete(path);
			this.noLang.delete(path);
			const html = readFileSync(join(this.dir, file), 'utf8');
			// Lists, the home page and the like have no searchable region: no need to parse them.
			if (!html.includes('data-pagefind-body')) continue;
			const source = sourceDocument(html);
			if (source === undefined) continue;
			if (!htmlLang(html)) {
				this.noLang.set(path, file);
				continue;
			}
			const page: Page = { path, source, date: sortKey(source, 'date') };
			if (this.prepare) {
				page.content = this.prepare(page);
				// Only what Pagefind is given is needed from now on: a large site holds tens of thousands.
				page.source = '';
			}
			this.pages.set(path, page);
		}
		if (settled) return;
		const kept = new Set(present);
		for (const map of [this.pages, this.noLang, this.stamps])
			for (const path of [...map.keys()]) if (!kept.has(path)) map.delete(path);
		this.order = present.filter((path) => this.pages.has(path));
	}

	/** Reads pages as they are written until `written` settles, then all of them. */
	async follow(written: Promise<unknown>): Promise<void> {
		let done = false;
		const settled = written.then(
			() => (done = true),
			() => (done = true),
		);
		while (!done) {
			const started = performance.now();
			this.read(true);
			// Listing a folder of tens of thousands of pages costs time too: at most a fifth of it.
			const pause = Math.max(FOLLOW_MS, (performance.now() - started) * 4);
			await Promise.race([settled, new Promise((wake) => setTimeout(wake, pause))]);
		}
	}
}

/** One page as Pagefind receives it. */
interface Prepared {
	url: string;
	content: string;
}

/** The cache key of a shard: a digest of exactly what Pagefind is given. */
function digestOf(prepared: readonly Prepared[], version: string): string {
	const hash = createHash('sha256').update(`${FORMAT}\0pagefind ${version}\0`);
	for (const { url, content } of prepared)
		hash.update(url).update('\0').update(content).update('\0');
	return hash.digest('hex').slice(0, 32);
}

/** Copies an index folder, without Pagefind's runtime unless it is the primary. */
function copyIndex(from: string, to: string, primary: boolean): void {
	rmSync(to, { recursive: true, force: true });
	cpSync(from, to, {
		recursive: true,
		// A copy-on-write clone where the file system can make one.
		mode: constants.COPYFILE_FICLONE,
		filter: (src) => primary || src === from || !RUNTIME.test(src.slice(from.length + 1)),
	});
}

/** A shard to write: what Pagefind is given, and where the index goes. */
interface ShardJob {
	prepared: readonly Prepared[];
	outputPath: string;
}

/**
 * Writes shards side by side in one Pagefind process (its service indexes
 * them on separate threads: two shards at once take the time of one on two
 * cores), then stops the process, which gives its memory back before the
 * next wave starts. `meanwhile` (a step of work for this process, returning
 * false when there is none left) runs while Pagefind parses and writes.
 */
async function writeShards(
	jobs: readonly ShardJob[],
	t: Translate,
	meanwhile: () => boolean,
): Promise<void> {
	try {
		const problems: string[] = [];
		await Promise.all(
			jobs.map(async ({ prepared, outputPath }) => {
				const created = await pagefind.createIndex({});
				if (created.errors.length > 0 || !created.index) fail(t, created.errors);
				const index = created.index;
				for (const { url, content } of prepared) {
					// One page at a time, in order (the order breaks ties in ranking).
					const adding = index.addHTMLFile({ url, content });
					meanwhile();
					const added = await adding;
					if (added.errors.length > 0) problems.push(...added.errors.map((e) => `${url}: ${e}`));
				}
				if (problems.length > 0) return;
				rmSync(outputPath, { recursive: true, force: true });
				const writing = index.writeFiles({ outputPath });
				while (meanwhile());
				const written = await writing;
				if (written.errors.length > 0) problems.push(...written.errors);
				for (const file of UNUSED) rmSync(join(outputPath, file), { force: true });
			}),
		);
		if (problems.length > 0) fail(t, problems);
	} catch (error) {
		if (error instanceof SearchIndexError) throw error;
		fail(t, [error instanceof Error ? error.message : String(error)]);
	} finally {
		await pagefind.close();
	}
}

/** Keeps a written shard for later builds; a cache that cannot be written only costs time. */
function store(cache: string, digest: string, from: string): void {
	const entry = join(cache, digest);
	if (existsSync(entry)) return;
	const temporary = join(cache, `.tmp-${digest}-${process.pid}`);
	try {
		mkdirSync(cache, { recursive: true });
		cpSync(from, temporary, { recursive: true });
		renameSync(temporary, entry);
	} catch (error) {
		rmSync(temporary, { recursive: true, force: true });
		if (!existsSync(entry))
			console.warn(`  search cache: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/** A usable cache entry for `digest`, marked as just used. */
function lookup(cache: string | undefined, digest: string): string | undefined {
	if (!cache) return undefined;
	const entry = join(cache, digest);
	// Complete entries only: the primary index needs Pagefind's script as well.
	if (!existsSync(join(entry, 'pagefind-entry.json')) || !existsSync(join(entry, 'pagefind.js')))
		return undefined;
	const now = new Date();
	utimesSync(entry, now, now);
	return entry;
}

/** Removes cache entries no build used for {@link CACHE_DAYS} days (and abandoned temporary copies). */
function prune(cache: string): void {
	if (!existsSync(cache)) return;
	const cutoff = Date.now() - CACHE_DAYS * 24 * 3600 * 1000;
	for (const name of readdirSync(cache)) {
		const entry = join(cache, name);
		try {
			if (statSync(entry).mtimeMs < cutoff) rmSync(entry, { recursive: true, force: true });
		} catch {
			// Removed by a concurrent build.
		}
	}
}

/** Builds the Pagefind index of a built site. Throws, with every problem, if Pagefind reports any. */
export async function indexSite(options: IndexOptions): Promise<IndexStats> {
	const { dir, t } = options;
	const binary = extendedBinary();
	if (!binary || !existsSync(binary)) fail(t, [t('search.index.noExtended')]);
	const script = siteScript(options.locale);
	const converters = options.convert === false ? [] : [script.toSite];
	const chars: ScriptChars = { all: new Set(), normal: new Set() };
	const maxPages = shardPagesOption(options.shardPages ?? process.env.GONGKAI_SEARCH_SHARD_PAGES);
	const cache = cacheFolder(options.cacheDir);
	const jobs = searchJobsOption(options.jobs ?? process.env.GONGKAI_SEARCH_JOBS);
	const version = pagefindVersion();

	// What each page gives the indexer. Pages read while Astro writes are prepared
	// at once; the others shard by shard, while Pagefind works (see writeShards).
	const prepare = (page: Page) =>
		indexableHtml(page.source, { converters, meta: options.meta?.(page.path), chars })!;
	const reader = new PageReader(dir, options.exclude, options.written && prepare);
	if (options.written) await reader.follow(options.written);
	reader.read(false);
	if (reader.noLang.size > 0)
		fail(
			t,
			[...reader.noLang.values()].sort().map((file) => t('search.index.noLang', { found: file })),
		);
	const pages: Page[] = reader.order.map((path) => reader.pages.get(path)!);

	for (const name of readdirSync(dir))
		if (/^pagefind(-.+)?$/.test(name)) rmSync(join(dir, name), { recursive: true, force: true });

	const byPath = new Map(pages.map((page) => [page.path, page]));
	const plan: Shard[] = planShards(pages, maxPages);
	/** Prepares what Pagefind is given for a shard, a page per step (see writeShard). */
	const preparer = (shard: Shard | undefined) => {
		const prepared: Prepared[] = [];
		const paths = shard?.paths ?? [];
		return {
			prepared,
			step(): boolean {
				const path = paths[prepared.length];
				if (path === undefined) return false;
				const page = byPath.get(path)!;
				prepared.push({ url: `/${path}`, content: page.content ?? prepare(page) });
				return true;
			},
		};
	};
	// Shards are written in waves of `jobs`, largest first; each wave's text is
	// prepared while Pagefind works on the wave before.
	const order = plan.map((shard, i) => ({ shard, primary: i === 0 }));
	order.sort((a, b) => b.shard.paths.length - a.shard.paths.length);
	const waves: (typeof order)[] = [];
	for (let i = 0; i < order.length; i += jobs) waves.push(order.slice(i, i + jobs));
	const stats = new Map<Shard, ShardStats>();
	const wavePreparer = (wave: typeof order | undefined) => {
		const parts = (wave ?? []).map(({ shard }) => preparer(shard));
		return { parts, step: () => parts.some((part) => part.step()) };
	};
	let next = wavePreparer(waves[0]);
	for (const [w, wave] of waves.entries()) {
		const current = next;
		while (current.step());
		next = wavePreparer(waves[w + 1]);
		const toWrite: (ShardJob & { digest: string; primary: boolean })[] = [];
		for (const [i, { shard, primary }] of wave.entries()) {
			const { prepared } = current.parts[i]!;
			const digest = digestOf(prepared, version);
			const outputPath = join(dir, shard.dir);
			const cached = lookup(cache, digest);
			let reused = false;
			if (cached) {
				try {
					copyIndex(cached, outputPath, primary);
					reused = true;
				} catch {
					// A damaged entry: index instead.
				}
			}
			if (!reused) toWrite.push({ prepared, outputPath, digest, primary });
			stats.set(shard, { key: shard.key, dir: shard.dir, pages: prepared.length, reused, digest });
		}
		if (toWrite.length === 0) continue;
		await writeShards(toWrite, t, next.step);
		for (const { outputPath, digest, primary } of toWrite) {
			if (cache) store(cache, digest, outputPath);
			if (!primary)
				for (const file of readdirSync(outputPath))
					if (RUNTIME.test(file)) rmSync(join(outputPath, file));
		}
	}
	const shards = plan.map((shard) => stats.get(shard)!);
	const fold = converters.length > 0 ? foldTable(chars, script.toSite, script.toOther) : '';
	writeFileSync(
		join(dir, PRIMARY_DIR, SHARD_MANIFEST),
		JSON.stringify({ ...shardManifest(plan), ...(fold ? { fold } : {}) }) + '\n',
	);
	if (cache) prune(cache);

	const languages = new Set<string>();
	let indexBytes = 0;
	let totalBytes = 0;
	for (const shard of plan) {
		const folder = join(dir, shard.dir);
		const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, unknown>;
		};
		for (const language of Object.keys(entry.languages)) languages.add(language);
		indexBytes += bytesUnder(folder, INDEX_DATA);
		totalBytes += bytesUnder(folder);
	}
	return {
		pages: pages.length,
		languages: [...languages].sort(),
		indexBytes,
		totalBytes,
		binary: binary!,
		shards,
		foldPairs: [...fold].length / 2,
	};
}

/** Site paths of content that is built but must not be found: withdrawn notices (and drafts, should one be built). */
export function unsearchablePaths(validation: ValidationResult): Set<string> {
	const paths = new Set<string>();
	for (const entry of validation.entries) {
		const data = entry.output;
		if (data && (data.withdrawn || data.draft)) paths.add(`${entry.collection}/${entry.id}/`);
	}
	return paths;
}

/** Card metadata the templates do not carry: the 文号 of notices and policies. */
export function contentMeta(validation: ValidationResult): Map<string, Record<string, string>> {
	const meta = new Map<string, Record<string, string>>();
	for (const entry of validation.entries) {
		const docNumber = entry.output?.docNumber;
		if (typeof docNumber === 'string' && docNumber.trim())
			meta.set(`${entry.collection}/${entry.id}/`, { docNumber: docNumber.trim() });
	}
	return meta;
}

/** Index options for a built site: what its content says must stay out, and the 文号 for cards. */
export function siteIndexOptions(
	validation: ValidationResult,
): Pick<IndexOptions, 'exclude' | 'meta'> {
	const hidden = unsearchablePaths(validation);
	const meta = contentMeta(validation);
	return {
		// Lobby screens repeat what detail pages say and must never be a search result.
		exclude: (path) => path.startsWith('display/') || hidden.has(path),
		meta: (path) => meta.get(path),
	};
}

/** The post-build step. */
export async function buildSearchIndex({
	outDir,
	validation,
	site,
	t,
	written,
	pagesWritten,
}: PostBuildContext): Promise<void> {
	const stats = await indexSite({
		dir: outDir,
		t,
		locale: site.locale,
		written: pagesWritten ?? written,
		...siteIndexOptions(validation),
	});
	if (stats.pages === 0) console.warn(t('search.index.empty'));
	console.log(
		t('search.index.summary', {
			pages: stats.pages,
			languages: stats.languages.join(', ') || '—',
			kb: (stats.indexBytes / 1024).toFixed(1),
		}),
	);
	if (stats.shards.length > 1 || stats.shards.some((s) => s.reused))
		console.log(
			t('search.index.shards', {
				shards: stats.shards.length,
				reused: stats.shards.filter((s) => s.reused).length,
				indexed:
					stats.shards
						.filter((s) => !s.reused)
						.map((s) => `${s.key} (${s.pages})`)
						.join(', ') || '—',
			}),
		);
}
