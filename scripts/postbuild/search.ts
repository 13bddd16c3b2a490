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
 * this step); a later build whose shard has the same digest takes it
 * from there instead of indexing — a daily rebuild re-indexes the shards that
 * changed. Site and cache share the files as hard links (see linkTree).
 */
import { createHash } from 'node:crypto';
import {
	constants,
	copyFileSync,
	existsSync,
	linkSync,
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
	planShards,
	PRIMARY_DIR,
	shardManifest,
	shardPagesSetting,
	SHARD_MANIFEST,
	type Shard,
	type ShardPage,
} from '../../src/lib/search-shards.ts';
import { inRenderOrder } from '../../src/lib/render-order.ts';
import { htmlLang, indexableHtml, sortKey, sourceDocument } from '../../src/lib/search-text.ts';
import type { Translate } from '../../src/lib/problems.ts';
import type { ValidationResult } from '../../src/lib/validate/index.ts';
import type { PostBuildContext } from './index.ts';
import { siteFiles } from './site-files.ts';

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
	 * While following: a file in which the Astro build lists the pages it will
	 * write for the index (src/data/search-pages.ts), in the order it writes
	 * them. Once it is there, each shard of the plan those pages make is given
	 * to a Pagefind process page by page as Astro writes them, so that what is
	 * left when Astro is done is writing the index files (see ShardStream).
	 */
	expected?: string;
	/**
	 * Settles when Astro has exited (later than `written`, which may settle once
	 * the pages are written). Before it, once the announced pages have all been
	 * given to Pagefind, their shards are written one at a time (Astro renders
	 * them first, then pages no search finds); after it, the rest `jobs` at a
	 * time, as Astro's memory is back — writing a shard is when Pagefind needs
	 * the most. Without it, nothing is written before the pages are.
	 */
	exited?: Promise<unknown>;
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
	/** Given to Pagefind while Astro was writing the site (ShardStream). */
	streamed: boolean;
	/** Its index files written, too, before Astro had finished (ShardStream.writeAhead). */
	ahead: boolean;
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

/** The built HTML file of a site path: `notices/a/` → `notices/a/index.html` (sitePath's inverse). */
function htmlFile(path: string): string {
	return join(path, 'index.html');
}

/** The site's HTML files, sorted, outside the index folders. */
function htmlFiles(dir: string): string[] {
	return siteFiles(
		dir,
		(file) => file.endsWith('.html'),
		(folder) => !/^pagefind[^/]*$/.test(folder),
	);
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
	const n = shardPagesSetting(value);
	if (n === undefined)
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

/** Found in every page the index reads (searched for in its bytes). */
const BODY_MARK = Buffer.from('data-pagefind-body');

/**
 * Time between two looks at a folder Astro is still writing (shorter while
 * it is writing pages), and how long a page must stay unchanged before it is read.
 */
const FOLLOW_MS = 3000;
const FOLLOW_BUSY_MS = 500;
const SETTLED_MS = 1000;

/**
 * While following: announced files not written yet, in a row, after which a
 * look stops. Astro writes them in the announced order, eight at a time
 * (`build.concurrency`), so the rest are not there either; a look at all of
 * them, twice a second, cost a 10,000-notice build 1.6 s of CPU in `stat`.
 */
const MISSING_RUN = 64;

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
	/** While following: the announced files (`only`) not read yet. */
	private unread?: { only: readonly string[]; files: string[] };

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
	 * `only`: the files to look at instead of listing the site (while following,
	 * the pages Astro announced; the last, full read finds any other).
	 */
	read(settled: boolean, only?: readonly string[]): { listing: number; read: number } {
		const started = performance.now();
		const now = Date.now();
		const present: string[] = [];
		// While following, a page read once waits for the full read at the end to be
		// checked again: each look goes through the announced files not read yet.
		if (settled && only && this.unread?.only !== only) this.unread = { only, files: [...only] };
		const unread = settled && only ? this.unread!.files : undefined;
		const files = unread ?? htmlFiles(this.dir);
		const left: string[] = [];
		let listing = performance.now() - started;
		let read = 0;
		let missing = 0;
		for (const [i, file] of files.entries()) {
			if (unread && missing === MISSING_RUN) {
				left.push(...files.slice(i));
				break;
			}
			const path = sitePath(file);
			if (this.exclude?.(path)) continue;
			present.push(path);
			if (settled && this.stamps.has(path)) continue;
			left.push(file);
			const looking = performance.now();
			// Missing: being replaced, or (an announced page) not written yet.
			const stat = statSync(join(this.dir, file), { throwIfNoEntry: false });
			listing += performance.now() - looking;
			if (!stat) {
				missing += 1;
				continue;
			}
			missing = 0;
			const stamp = `${stat.mtimeMs}:${stat.size}`;
			const mtime = stat.mtimeMs;
			if (this.stamps.get(path) === stamp) continue;
			if (settled && now - mtime < SETTLED_MS) continue;
			read += 1;
			left.pop();
			this.stamps.set(path, stamp);
			this.pages.delete(path);
			this.noLang.delete(path);
			const bytes = readFileSync(join(this.dir, file));
			// Lists, the home page and the like have no searchable region: no need to decode them.
			if (!bytes.includes(BODY_MARK)) continue;
			const html = bytes.toString('utf8');
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
		if (unread) this.unread!.files = left;
		if (settled) return { listing, read };
		const kept = new Set(present);
		for (const map of [this.pages, this.noLang, this.stamps])
			for (const path of [...map.keys()]) if (!kept.has(path)) map.delete(path);
		this.order = present.filter((path) => this.pages.has(path));
		return { listing, read };
	}

	/**
	 * Reads pages as they are written until `written` settles, then all of them;
	 * `after` runs after each look. Once `announced` gives the files Astro will
	 * write for the index, each look is at those only: listing a folder of tens
	 * of thousands of pages again and again costs more than reading them.
	 */
	async follow(
		written: Promise<unknown>,
		after?: () => void,
		announced?: () => readonly string[] | undefined,
	): Promise<void> {
		let done = false;
		const settled = written.then(
			() => (done = true),
			() => (done = true),
		);
		while (!done) {
			const { listing, read } = this.read(true, announced?.());
			after?.();
			// While Astro writes pages, keep up with it (what is left to read when it
			// is done delays the index), and look often when it announces them (the
			// announcement comes just before the first ones, and a look at the files
			// not read yet is cheap); listing a folder of tens of thousands of pages
			// costs time too: at most a fifth of it.
			const busy = read > 0 || announced !== undefined;
			const pause = Math.max(busy ? FOLLOW_BUSY_MS : FOLLOW_MS, listing * 4);
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

/**
 * Makes `to` a tree of hard links to the files under `from` (top-level names
 * that `keep` refuses are left out). Index files are written once and never
 * changed in place, so the site and the cache can share them: a shard of
 * thousands of files is kept or restored without copying its bytes. Where a
 * link cannot be made (the cache on another file system), files are copied.
 */
export function linkTree(
	from: string,
	to: string,
	keep: (name: string) => boolean = () => true,
): void {
	let link = true;
	const walk = (source: string, target: string, top: boolean) => {
		mkdirSync(target, { recursive: true });
		for (const item of readdirSync(source, { withFileTypes: true })) {
			if (top && !keep(item.name)) continue;
			const a = join(source, item.name);
			const b = join(target, item.name);
			if (item.isDirectory()) walk(a, b, false);
			else if (link) {
				try {
					linkSync(a, b);
				} catch {
					link = false;
					copyFileSync(a, b, constants.COPYFILE_FICLONE);
				}
			} else copyFileSync(a, b, constants.COPYFILE_FICLONE);
		}
	};
	walk(from, to, true);
}

/** Puts a cached index folder in the site, without Pagefind's runtime unless it is the primary. */
function copyIndex(from: string, to: string, primary: boolean): void {
	rmSync(to, { recursive: true, force: true });
	linkTree(from, to, (name) => primary || !RUNTIME.test(name));
}

/** A shard to write: what Pagefind is given, and where the index goes. */
interface ShardJob {
	prepared: readonly Prepared[];
	outputPath: string;
	/**
	 * From the ShardStream: the process and index that were given the shard's
	 * pages, or the folder its index files were written to ahead (writeAhead).
	 */
	streamed?: { api: typeof pagefind; index: PagefindIndex } | { ahead: string };
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Pages sent to a Pagefind process ahead of its answers. */
const IN_FLIGHT = 16;

/** The Pagefind Node API's module; each copy of it runs a Pagefind process of its own. */
const PAGEFIND = import.meta.resolve('pagefind');
let instances = 0;

/**
 * A Pagefind process of our own. The Node API runs one process per module
 * and that process handles one request at a time: two shards given to the
 * same process are indexed one after the other, whatever the caller awaits.
 * A fresh copy of the module (a distinct URL) starts another process.
 */
async function pagefindProcess(): Promise<typeof pagefind> {
	instances += 1;
	return instances === 1
		? pagefind
		: ((await import(`${PAGEFIND}?process=${instances}`)) as typeof pagefind);
}

/** A new index in `api`'s process, or undefined with the problems recorded. */
async function newIndex(
	api: typeof pagefind,
	problems: string[],
): Promise<PagefindIndex | undefined> {
	const created = await api.createIndex({});
	if (created.errors.length > 0 || !created.index) {
		problems.push(...created.errors);
		return undefined;
	}
	return created.index;
}

/** One shard of the expected plan, fed to Pagefind as its pages are read. */
interface StreamedShard {
	shard: Shard;
	/** Contents given, in plan order (the first `sent.length` paths). */
	sent: string[];
	process?: Promise<{ api: typeof pagefind; index: PagefindIndex | undefined }>;
	adds: Promise<void>[];
	problems: string[];
	/** Written ahead (ShardStream.writeAhead): settles with the folder, or undefined if that failed. Its process is stopped then. */
	ahead?: Promise<string | undefined>;
}

/**
 * Stops a streamed shard's process once it has taken what it was sent (the
 * Node API reports pages still being sent to a process stopped under them).
 */
async function stop({ process, adds, ahead }: StreamedShard): Promise<void> {
	if (!process) return;
	if (ahead) {
		await ahead;
		return;
	}
	await Promise.all(adds);
	await (await process).api.close();
}

/**
 * Writes a fully given shard's index files into `outputPath` and stops its
 * process: the folder, or undefined if Pagefind reported a problem (the
 * shard is then indexed again the usual way, which reports it).
 */
async function writeAheadOne(
	streamed: StreamedShard,
	outputPath: string,
): Promise<string | undefined> {
	await Promise.all(streamed.adds);
	const { api, index } = await streamed.process!;
	try {
		if (!index || streamed.problems.length > 0) return undefined;
		const result = await index.writeFiles({ outputPath });
		if (result.errors.length > 0) return undefined;
		for (const file of UNUSED) rmSync(join(outputPath, file), { force: true });
		return outputPath;
	} catch {
		return undefined;
	} finally {
		await api.close();
	}
}

/**
 * Shards given to Pagefind while Astro is still writing. The Astro build
 * announces the pages the index will hold (path and date, in the order it
 * writes them: src/data/search-pages.ts); their plan is the plan the built
 * pages will make, unless something differs. Each shard gets a Pagefind
 * process, and its pages, in plan order, as soon as each has been read and
 * all before it in the shard have: so the parsing Pagefind does runs on the
 * core Astro leaves idle. Once every shard has all its pages, they can be
 * written ahead (`writeAhead`) while Astro renders the rest. At the end a
 * shard is used only if it is exactly the shard the built pages make — same
 * pages, same order, same prepared text; any other is closed and indexed
 * from the pages as usual.
 */
class ShardStream {
	private readonly shards: StreamedShard[];

	constructor(plan: Shard[]) {
		this.shards = plan.map((shard) => ({ shard, sent: [], adds: [], problems: [] }));
	}

	/** Settled by the next {@link feed}. */
	private fedNext: Array<() => void> = [];

	/** Gives each shard the pages it can take now. */
	feed(pages: ReadonlyMap<string, Page>): void {
		for (const wake of this.fedNext.splice(0)) wake();
		for (const streamed of this.shards) {
			const { shard, sent } = streamed;
			while (sent.length < shard.paths.length) {
				const path = shard.paths[sent.length]!;
				const content = pages.get(path)?.content;
				if (content === undefined) break;
				streamed.process ??= pagefindProcess().then(async (api) => ({
					api,
					index: await newIndex(api, streamed.problems).catch((error: unknown) => {
						streamed.problems.push(String(error));
						return undefined;
					}),
				}));
				sent.push(content);
				streamed.adds.push(
					streamed.process
						.then(async ({ index }) => {
							const added = await index?.addHTMLFile({ url: `/${path}`, content });
							if (added && added.errors.length > 0) streamed.problems.push(...added.errors);
						})
						.catch((error: unknown) => void streamed.problems.push(String(error))),
				);
			}
		}
	}

	/** Whether `streamed` has been given all its pages. */
	private static complete({ shard, sent, process }: StreamedShard): boolean {
		return Boolean(process) && sent.length === shard.paths.length;
	}

	/**
	 * Writes the index files of each shard once it has all its pages (the
	 * largest first, of those complete), each into `folder`/<its dir>, until
	 * `until` settles (Astro has exited and the usual writing takes over);
	 * each shard's process is stopped once its files are written. Astro
	 * renders the pages the index holds shard by shard
	 * (src/lib/render-order.ts), then the pages it does not (lists, lobby
	 * screens, images): a shard is written while the next ones render. One
	 * large shard is written at a time, as Astro still holds its memory; a
	 * small one (at most half the largest) may be written beside it, so that
	 * the small shards completed last are not left for after Astro. `take`
	 * then uses the files only if the shard is exactly the one the built pages
	 * make.
	 */
	async writeAhead(
		folder: string,
		until: Promise<unknown>,
		{
			cached,
			written,
		}: {
			/** Whether the cache holds this input already: its process is stopped instead (a daily rebuild writes only what changed). */
			cached: (prepared: readonly Prepared[]) => boolean;
			written: (shard: Shard, prepared: readonly Prepared[], folder: string) => void;
		},
	): Promise<void> {
		let stopped = false;
		const ended = until.then(
			() => void (stopped = true),
			() => void (stopped = true),
		);
		const waiting = new Set(this.shards);
		const small = Math.max(...this.shards.map(({ shard }) => shard.paths.length)) / 2;
		const writing = new Map<StreamedShard, Promise<void>>();
		const next = (): StreamedShard | undefined => {
			if (writing.size >= 2) return undefined;
			const complete = [...waiting]
				.filter(ShardStream.complete)
				.sort((a, b) => b.shard.paths.length - a.shard.paths.length);
			if (writing.size === 0) return complete[0];
			const beside = (s: StreamedShard) => s.shard.paths.length <= small;
			return [...writing.keys()].some(beside) ? undefined : complete.find(beside);
		};
		while (!stopped && waiting.size > 0) {
			for (const streamed of waiting) if (!this.shards.includes(streamed)) waiting.delete(streamed);
			const streamed = next();
			if (!streamed) {
				if (waiting.size > 0)
					await Promise.race([
						ended,
						new Promise<void>((wake) => this.fedNext.push(wake)),
						...writing.values(),
					]);
				continue;
			}
			waiting.delete(streamed);
			const { shard, sent } = streamed;
			const prepared = shard.paths.map((path, i) => ({ url: `/${path}`, content: sent[i]! }));
			if (cached(prepared)) {
				// Taken from the cache at the end, unless a page changes meanwhile.
				const stopping = stop(streamed);
				streamed.ahead = stopping.then(() => undefined);
				await stopping;
				continue;
			}
			trace(`shard ${shard.key} written ahead: started`);
			streamed.ahead = writeAheadOne(streamed, join(folder, shard.dir));
			writing.set(
				streamed,
				streamed.ahead.then((output) => {
					trace(`shard ${shard.key} written ahead: done`);
					writing.delete(streamed);
					if (output) written(shard, prepared, output);
				}),
			);
		}
		await Promise.all(writing.values());
	}

	/**
	 * The streamed process and index of `shard`, or the folder it was written
	 * to ahead, if it holds exactly `prepared`; otherwise none (and its
	 * process is stopped).
	 */
	async take(
		shard: Shard,
		prepared: readonly Prepared[],
	): Promise<ShardJob['streamed'] | undefined> {
		const at = this.shards.findIndex((s) => s.shard.key === shard.key);
		if (at < 0) return undefined;
		const [streamed] = this.shards.splice(at, 1);
		const { sent, process, ahead } = streamed!;
		if (!process) return undefined;
		const written = await ahead;
		await Promise.all(streamed!.adds);
		// Pages were given in plan order and the plan is the pages' own: the same shard
		// if it was given every page, as now prepared (a page rewritten since is not).
		const same =
			streamed!.problems.length === 0 &&
			sent.length === prepared.length &&
			prepared.every(
				(page, i) => page.url === `/${streamed!.shard.paths[i]}` && page.content === sent[i],
			);
		// Written ahead: its process is stopped already.
		if (ahead) return same && written ? { ahead: written } : undefined;
		const { api, index } = await process;
		if (same && index) return { api, index };
		await api.close();
		return undefined;
	}

	/** Stops the process of `shard` (which came from the cache). */
	async discard(shard: Shard): Promise<undefined> {
		const at = this.shards.findIndex((s) => s.shard.key === shard.key);
		if (at >= 0) await stop(this.shards.splice(at, 1)[0]!);
		return undefined;
	}

	/** Stops the processes of shards not taken. */
	async close(): Promise<void> {
		await Promise.all(this.shards.splice(0).map(stop));
	}
}

/**
 * Writes shards, `jobs` at a time, each in a Pagefind process of its own
 * (two shards at once take the time of about one and a half on two cores),
 * stopping the process after its shard, which gives its memory back before
 * the next one starts. `prepare(i)` settles with the i-th shard's input; it
 * is asked for a shard only when a process is free for it, so what Pagefind
 * is given is held for the shards being written only. `meanwhile` (a step of
 * work for this process, returning false when there is none left) runs while
 * Pagefind parses and writes.
 */
async function writeShards(
	count: number,
	prepare: (i: number) => Promise<ShardJob | undefined>,
	jobs: number,
	t: Translate,
	meanwhile: () => boolean,
	written: (i: number, job: ShardJob) => void,
): Promise<void> {
	const problems: string[] = [];
	let next = 0;
	const worker = async () => {
		while (next < count && problems.length === 0) {
			const i = next++;
			const job = await prepare(i);
			if (!job) continue;
			if (job.streamed && 'ahead' in job.streamed) {
				rmSync(job.outputPath, { recursive: true, force: true });
				renameSync(job.streamed.ahead, job.outputPath);
				trace(`shard ${i} (${job.prepared.length} pages, written ahead) moved`);
				written(i, job);
				continue;
			}
			const api = job.streamed?.api ?? (await pagefindProcess());
			trace(`shard ${i} (${job.prepared.length} pages${job.streamed ? ', streamed' : ''}) started`);
			try {
				const index = job.streamed?.index ?? (await newIndex(api, problems));
				if (!index) return;
				// In order (the order breaks ties in ranking; the process takes requests
				// in the order sent), a few ahead so that it never waits for the next.
				const inFlight: Promise<void>[] = [];
				for (const { url, content } of job.streamed ? [] : job.prepared) {
					inFlight.push(
						index.addHTMLFile({ url, content }).then((added) => {
							if (added.errors.length > 0)
								problems.push(...added.errors.map((e) => `${url}: ${e}`));
						}),
					);
					meanwhile();
					if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
				}
				await Promise.all(inFlight);
				if (problems.length > 0) return;
				rmSync(job.outputPath, { recursive: true, force: true });
				const writing = index.writeFiles({ outputPath: job.outputPath });
				while (meanwhile());
				const result = await writing;
				if (result.errors.length > 0) problems.push(...result.errors);
				for (const file of UNUSED) rmSync(join(job.outputPath, file), { force: true });
			} catch (error) {
				problems.push(error instanceof Error ? error.message : String(error));
			} finally {
				await api.close();
			}
			trace(`shard ${i} written`);
			if (problems.length === 0) written(i, job);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
	if (problems.length > 0) fail(t, problems);
}

/** Keeps a written shard for later builds; a cache that cannot be written only costs time. */
function store(cache: string, digest: string, from: string): void {
	const entry = join(cache, digest);
	if (existsSync(entry)) return;
	const temporary = join(cache, `.tmp-${digest}-${process.pid}`);
	try {
		mkdirSync(cache, { recursive: true });
		linkTree(from, temporary);
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

/** What the Astro build announced (src/data/search-pages.ts); none when it cannot be read. */
function readExpected(file: string): ShardPage[] {
	try {
		const pages = JSON.parse(readFileSync(file, 'utf8')) as unknown;
		return Array.isArray(pages) ? (pages as ShardPage[]) : [];
	} catch {
		return [];
	}
}

/** Timings for the build log, with GONGKAI_SEARCH_TRACE=1. */
const traceStart = performance.now();
function trace(what: string): void {
	if (process.env.GONGKAI_SEARCH_TRACE === '1')
		console.log(`  search: ${what} at ${((performance.now() - traceStart) / 1000).toFixed(1)} s`);
}

/** Builds the Pagefind index of a built site. Throws, with every problem, if Pagefind reports any. */
export async function indexSite(options: IndexOptions): Promise<IndexStats> {
	const { dir, t } = options;
	const binary = extendedBinary();
	if (!binary || !existsSync(binary)) fail(t, [t('search.index.noExtended')]);
	const script = siteScript(options.locale);
	const converters = options.convert === false ? [] : [script.toSite];
	const chars: ScriptChars = { all: new Set(), normal: new Set() };
	/** Digests of the shards this build wrote ahead and put in the cache (ShardStream.writeAhead). */
	const storedAhead = new Set<string>();
	const maxPages = shardPagesOption(options.shardPages ?? process.env.GONGKAI_SEARCH_SHARD_PAGES);
	const cache = cacheFolder(options.cacheDir);
	const jobs = searchJobsOption(options.jobs ?? process.env.GONGKAI_SEARCH_JOBS);
	const version = pagefindVersion();

	// What each page gives the indexer. Pages read while Astro writes are prepared
	// at once; the others shard by shard, while Pagefind works (see writeShards).
	const prepare = (page: Page) =>
		indexableHtml(page.source, { converters, meta: options.meta?.(page.path), chars })!;
	/** The index of the pages read. */
	async function indexPages(
		reader: PageReader,
		stream: ShardStream | undefined,
	): Promise<IndexStats> {
		if (reader.noLang.size > 0)
			fail(
				t,
				[...reader.noLang.values()].sort().map((file) => t('search.index.noLang', { found: file })),
			);
		const pages: Page[] = reader.order.map((path) => reader.pages.get(path)!);
		trace(`pages read (${pages.length})`);
		// The query fold table needs every page's characters: made now if all are
		// prepared (while Pagefind writes the shards that were given their pages), else at the end.
		const foldOf = () =>
			converters.length > 0 ? foldTable(chars, script.toSite, script.toOther) : '';
		let fold = pages.every((page) => page.content !== undefined) ? foldOf() : undefined;

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
		// Shards are written largest first, `jobs` at a time; the text of the
		// shards still waiting is prepared while Pagefind works.
		const order = plan.map((shard, i) => ({ shard, primary: i === 0 }));
		order.sort((a, b) => b.shard.paths.length - a.shard.paths.length);
		const preparers = new Map<number, ReturnType<typeof preparer>>();
		const preparerOf = (i: number) => {
			let found = preparers.get(i);
			if (!found) preparers.set(i, (found = preparer(order[i]!.shard)));
			return found;
		};
		let ahead = 0;
		const meanwhile = () => {
			for (; ahead < order.length; ahead++) if (preparerOf(ahead).step()) return true;
			return false;
		};
		const stats = new Map<Shard, ShardStats>();
		const digests = new Map<number, string>();
		const take = async (i: number): Promise<ShardJob | undefined> => {
			const { shard, primary } = order[i]!;
			const part = preparerOf(i);
			while (part.step());
			const { prepared } = part;
			const digest = digestOf(prepared, version);
			const outputPath = join(dir, shard.dir);
			// Stored by this build as it wrote the shard ahead: that shard is taken, not the copy.
			const cached = storedAhead.has(digest) ? undefined : lookup(cache, digest);
			let reused = false;
			if (cached) {
				try {
					copyIndex(cached, outputPath, primary);
					reused = true;
				} catch {
					// A damaged entry: index instead.
				}
			}
			// A shard given to Pagefind while Astro wrote is kept if it holds exactly these pages.
			const streamed = reused ? await stream?.discard(shard) : await stream?.take(shard, prepared);
			stats.set(shard, {
				key: shard.key,
				dir: shard.dir,
				pages: prepared.length,
				reused,
				streamed: Boolean(streamed),
				ahead: Boolean(streamed && 'ahead' in streamed),
				digest,
			});
			if (reused) return undefined;
			digests.set(i, digest);
			return { prepared, outputPath, streamed };
		};
		await options.exited?.catch(() => undefined);
		trace('writing');
		await writeShards(order.length, take, jobs, t, meanwhile, (i, { outputPath }) => {
			// A shard written ahead is in the cache already (see indexSite).
			if (cache) store(cache, digests.get(i)!, outputPath);
			if (!order[i]!.primary)
				for (const file of readdirSync(outputPath))
					if (RUNTIME.test(file)) rmSync(join(outputPath, file));
			// Written: its text is no longer needed.
			preparers.delete(i);
		});
		const shards = plan.map((shard) => stats.get(shard)!);
		fold ??= foldOf();
		// A new file, not one shared with the cache (see linkTree).
		const manifest = join(dir, PRIMARY_DIR, SHARD_MANIFEST);
		writeFileSync(
			`${manifest}.tmp`,
			JSON.stringify({ ...shardManifest(plan), ...(fold ? { fold } : {}) }) + '\n',
		);
		renameSync(`${manifest}.tmp`, manifest);
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

	const reader = new PageReader(dir, options.exclude, options.written && prepare);
	let stream: ShardStream | undefined;
	let announced: string[] | undefined;
	// Shards written before Astro has exited (ShardStream.writeAhead), outside the site.
	const aheadFolder = `${dir}.search-ahead`;
	let ahead: Promise<void> | undefined;
	try {
		if (options.written) {
			const expected = options.expected;
			await reader.follow(
				options.written,
				() => {
					if (!stream && expected && existsSync(expected)) {
						const pages = readExpected(expected);
						const plan = planShards(pages, maxPages);
						stream = new ShardStream(plan);
						// In the order Astro writes them (astro.config.mjs), which each look follows.
						if (pages.length > 0) announced = inRenderOrder(plan).map(htmlFile);
						trace('expected pages read');
					}
					stream?.feed(reader.pages);
					// The pages the index holds are rendered first, shard by shard
					// (src/lib/render-order.ts): each shard is written while Astro renders the rest.
					if (stream && !ahead && options.exited)
						ahead = stream.writeAhead(aheadFolder, options.exited, {
							cached: (prepared) => lookup(cache, digestOf(prepared, version)) !== undefined,
							written: (_, prepared, folder) => {
								// Into the cache now, while Astro still works: what was indexed is its key.
								if (!cache) return;
								const digest = digestOf(prepared, version);
								store(cache, digest, folder);
								storedAhead.add(digest);
							},
						});
				},
				() => announced,
			);
		}
		reader.read(false);
		stream?.feed(reader.pages);
		return await indexPages(reader, stream);
	} finally {
		await stream?.close();
		await ahead;
		rmSync(aheadFolder, { recursive: true, force: true });
	}
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
	expectedPages,
}: PostBuildContext): Promise<void> {
	const stats = await indexSite({
		dir: outDir,
		t,
		locale: site.locale,
		written: pagesWritten ?? written,
		exited: written,
		expected: expectedPages,
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
