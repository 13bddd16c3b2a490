import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from './temp-folders.ts';
import { translator } from '../../src/i18n/index.ts';
import { DEFAULT_SHARD_PAGES } from '../../src/lib/search-shards.ts';
import { foldText, parseFoldTable } from '../../src/lib/search-fold.ts';
import type { ValidationResult } from '../../src/lib/validate/index.ts';
import {
	contentMeta,
	extendedBinary,
	indexSite,
	shardPagesOption,
	sitePath,
	unsearchablePaths,
	type IndexStats,
} from '../../scripts/postbuild/search.ts';

const t = translator('zh-CN');
/** Built sites in temporary folders: path → HTML. */
const { folder, site } = temporaryFolders('gk-search-');
const page = (body: string, lang = 'zh-CN') =>
	`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><title>x</title></head><body>${body}</body></html>`;
const detail = (title: string) =>
	page(`<nav>导航</nav><article data-pagefind-body><h1>${title}</h1><p>正文</p></article>`);

describe('sitePath', () => {
	it.each([
		['index.html', ''],
		['notices/2025/a/index.html', 'notices/2025/a/'],
		['404.html', '404.html'],
	])('%s → %j', (file, path) => {
		expect(sitePath(file)).toBe(path);
	});
});

describe('indexSite', () => {
	it('uses the extended binary, indexes marked pages only and skips excluded ones', async () => {
		expect(extendedBinary()).toMatch(/pagefind_extended(\.exe)?$/);
		const dir = site({
			'index.html': page('<main>首页列表</main>'),
			'notices/a/index.html': detail('关于开展安康杯竞赛的通知'),
			'notices/withdrawn/index.html': detail('已撤销的通知'),
			'display/index.html': detail('大屏'),
			'units/hq/index.html': detail('公司工会'),
		});
		const stats = await indexSite({
			dir,
			t,
			cacheDir: false,
			exclude: (p) => p.startsWith('display/') || p === 'notices/withdrawn/',
		});
		expect(stats.pages).toBe(2);
		expect(stats.languages).toEqual(['zh-cn']);
		expect(stats.indexBytes).toBeGreaterThan(0);
		const files = readdirSync(join(dir, 'pagefind'));
		expect(files).toContain('pagefind.js');
		expect(files).toContain('pagefind-entry.json');
		expect(files).not.toContain('pagefind-ui.js');
		expect(existsSync(join(dir, 'pagefind/fragment'))).toBe(true);
	}, 30_000);

	it('copies only pages in the other script, and writes the query fold table', async () => {
		const simplified = Object.fromEntries(
			['劳动模范推荐人选公示', '职工疗休养管理办法', '经费收支情况报告'].map((title, i) => [
				`notices/${i}/index.html`,
				detail(title.repeat(20)),
			]),
		);
		const mixed = {
			...simplified,
			'notices/tw/index.html': detail('港澳職工聯誼會章程'.repeat(20)),
		};
		const without = await indexSite({ dir: site(simplified), t, convert: false, cacheDir: false });
		const plain = await indexSite({ dir: site(simplified), t, cacheDir: false });
		// A site in one script pays nothing for the other: no copy, only the table.
		expect(plain.indexBytes).toBe(without.indexBytes);
		expect(plain.foldPairs).toBeGreaterThan(10);
		const mixedDir = site(mixed);
		const withCopy = await indexSite({ dir: mixedDir, t, cacheDir: false });
		const mixedWithout = await indexSite({ dir: site(mixed), t, convert: false, cacheDir: false });
		expect(withCopy.indexBytes).toBeGreaterThan(mixedWithout.indexBytes);
		const manifest = JSON.parse(readFileSync(join(mixedDir, 'pagefind/shards.json'), 'utf8'));
		const table = parseFoldTable(manifest.fold);
		// Traditional queries fold onto the Simplified text; the Traditional page's own
		// characters fold onto its Simplified copy.
		expect(foldText('勞動模範', table)).toBe('劳动模范');
		expect(foldText('聯誼會', table)).toBe('联谊会');
		expect(foldText('职工', table)).toBe('职工');
	}, 60_000);

	it('reads pages while they are written, and again those changed after it read them', async () => {
		const root = folder();
		const dir = join(root, 'dist'); // Not there yet: Astro makes it.
		const write = (path: string, html: string) => {
			mkdirSync(dirname(join(dir, path)), { recursive: true });
			writeFileSync(join(dir, path), html);
		};
		let finish!: () => void;
		const written = new Promise<void>((done) => (finish = done));
		const indexing = indexSite({ dir, t, cacheDir: false, written });
		write('notices/a/index.html', detail('安康杯启动（初稿）'));
		write('notices/b/index.html', detail('职工书屋'));
		// Long enough for the reader to take both pages as finished.
		await new Promise((wake) => setTimeout(wake, 4500));
		write('notices/a/index.html', detail('安康杯启动'));
		write('notices/c/index.html', detail('劳模评选'));
		finish();
		const followed = await indexing;
		// The same input as reading the finished site in one go.
		const copy = site({
			'notices/a/index.html': detail('安康杯启动'),
			'notices/b/index.html': detail('职工书屋'),
			'notices/c/index.html': detail('劳模评选'),
		});
		const once = await indexSite({ dir: copy, t, cacheDir: false });
		expect(followed.pages).toBe(3);
		expect(followed.shards.map((s) => s.digest)).toEqual(once.shards.map((s) => s.digest));
	}, 60_000);

	it('fails, naming every file, when an indexed page has no lang', async () => {
		const dir = site({
			'notices/a/index.html': page('<article data-pagefind-body><h1>甲</h1></article>', ''),
			'notices/b/index.html': page('<article data-pagefind-body><h1>乙</h1></article>', ''),
			'notices/c/index.html': detail('丙'),
		});
		await expect(indexSite({ dir, t, cacheDir: false })).rejects
			.toThrowErrorMatchingInlineSnapshot(`
			[Error: 搜索索引生成失败：notices/a/index.html 的 <html> 没有 lang 属性，无法按中文建立索引。
			搜索索引生成失败：notices/b/index.html 的 <html> 没有 lang 属性，无法按中文建立索引。]
		`);
	}, 30_000);
});

describe('indexSite on a large site', () => {
	/** A detail page with a date sort key, as <SearchMeta> writes it. */
	const dated = (title: string, date?: string, nav = '导航') =>
		page(
			`<nav>${nav}</nav><article data-pagefind-body><div hidden data-pagefind-ignore>${
				date ? `<span data-pagefind-sort="date">${date}</span>` : ''
			}</div><h1>${title}</h1><p>正文</p></article>`,
		);
	const files = (nav?: string) => ({
		'notices/2024/a/index.html': dated('安康杯启动', '2024-03-01', nav),
		'notices/2024/b/index.html': dated('职工书屋', '2024-05-01', nav),
		'notices/2024/c/index.html': dated('劳模评选', '2024-09-01', nav),
		'notices/2025/a/index.html': dated('安康杯通报', '2025-02-01', nav),
		'notices/2025/b/index.html': dated('疗休养', '2025-06-01', nav),
		'policies/p/index.html': dated('互助金管理办法', '2025-08-01', nav),
		'notices/2026/a/index.html': dated('寒潮调整上下班', '2026-01-10', nav),
		'notices/2026/b/index.html': dated('冬送温暖', '2026-11-01', nav),
		'units/hq/index.html': dated('公司工会', undefined, nav),
		'model-workers/li/index.html': dated('李秀英', undefined, nav),
		'index.html': page('<main>首页</main>'),
	});

	it('shards by date, newest first, with the Pagefind runtime and shards.json in pagefind/ only', async () => {
		const dir = site(files());
		const stats = await indexSite({ dir, t, shardPages: 4, cacheDir: false });
		expect(stats.pages).toBe(10);
		expect(stats.shards.map((s) => `${s.key}:${s.dir}:${s.pages}`)).toEqual([
			'2026:pagefind/:2',
			'2025:pagefind-2025/:3',
			'2024:pagefind-2024/:3',
			'undated:pagefind-undated/:2',
		]);
		const manifest = JSON.parse(readFileSync(join(dir, 'pagefind/shards.json'), 'utf8'));
		expect(manifest.shards.map((s: { dir: string }) => s.dir)).toEqual(
			stats.shards.map((s) => s.dir),
		);
		expect(readdirSync(join(dir, 'pagefind'))).toEqual(
			expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'shards.json']),
		);
		for (const shard of stats.shards.slice(1)) {
			const names = readdirSync(join(dir, shard.dir));
			expect(names).toContain('pagefind-entry.json');
			expect(names.filter((n) => /^pagefind\.js$|\.pagefind$|^shards\.json$/.test(n))).toEqual([]);
		}
	}, 60_000);

	/** What the Astro build announces for files(): every indexed page, with its date sort key. */
	const announced = [
		['model-workers/li/', '0000-00-00'],
		['notices/2024/a/', '2024-03-01'],
		['notices/2024/b/', '2024-05-01'],
		['notices/2024/c/', '2024-09-01'],
		['notices/2025/a/', '2025-02-01'],
		['notices/2025/b/', '2025-06-01'],
		['notices/2026/a/', '2026-01-10'],
		['notices/2026/b/', '2026-11-01'],
		['policies/p/', '2025-08-01'],
		['units/hq/', '0000-00-00'],
	].map(([path, date]) => ({ path: path!, date: date! }));

	/** `key:value` of one flag of each shard, in plan order. */
	const flags = (stats: IndexStats, flag: 'streamed' | 'ahead') =>
		stats.shards.map((s) => `${s.key}:${s[flag]}`);
	/** The same value for each shard of files(). */
	const every = (value: boolean) =>
		['2026', '2025', '2024', 'undated'].map((key) => `${key}:${value}`);

	/** Every file of each index folder, by name (names carry content hashes). */
	const indexFiles = (dir: string) =>
		readdirSync(dir)
			.filter((name) => name.startsWith('pagefind'))
			.sort()
			.map((name) => [
				name,
				(readdirSync(join(dir, name), { recursive: true }) as string[]).sort(),
			]);

	/**
	 * Indexes files() while "Astro" writes it, having announced `expected`;
	 * `then` runs once the pages were taken. `ahead`: "Astro" exits only after
	 * `then`, and the shards are written ahead meanwhile (`then` runs once they
	 * are) — unless the cache holds them (`cached`).
	 */
	async function follow(
		expected: { path: string; date: string }[],
		then?: (write: (path: string, html: string) => void) => void,
		cacheDir: string | false = false,
		ahead: false | 'written' | 'cached' = false,
	) {
		const root = folder();
		const dir = join(root, 'dist');
		const write = (path: string, html: string) => {
			mkdirSync(dirname(join(dir, path)), { recursive: true });
			writeFileSync(join(dir, path), html);
		};
		writeFileSync(join(root, 'pages.json'), JSON.stringify(expected));
		let finish!: () => void;
		const written = new Promise<void>((done) => (finish = done));
		let exit!: () => void;
		const exited = ahead ? new Promise<void>((done) => (exit = done)) : undefined;
		const indexing = indexSite({
			dir,
			t,
			shardPages: 4,
			cacheDir,
			written,
			exited,
			expected: join(root, 'pages.json'),
		});
		for (const [path, html] of Object.entries(files())) write(path, html);
		// Long enough for the reader to take every page as finished.
		await new Promise((wake) => setTimeout(wake, 4500));
		if (ahead === 'written') {
			// Every shard's index files, written while "Astro" is still at work.
			const entries = ['pagefind', 'pagefind-2025', 'pagefind-2024', 'pagefind-undated'].map(
				(shard) => join(`${dir}.search-ahead`, shard, 'pagefind-entry.json'),
			);
			for (let waited = 0; !entries.every((file) => existsSync(file)); waited += 100) {
				if (waited > 30_000) throw new Error('no shard was written ahead');
				await new Promise((wake) => setTimeout(wake, 100));
			}
		}
		then?.(write);
		finish();
		exit?.();
		const stats = await indexing;
		expect(existsSync(`${dir}.search-ahead`)).toBe(false);
		return { stats, dir };
	}

	it('gives announced shards to Pagefind while pages are written, and makes the index the finished site makes', async () => {
		const once = site(files());
		const reference = await indexSite({ dir: once, t, shardPages: 4, cacheDir: false });
		const { stats, dir } = await follow(announced);
		expect(flags(stats, 'streamed')).toEqual(every(true));
		expect(indexFiles(dir)).toEqual(indexFiles(once));
		expect(stats.shards.map((s) => s.digest)).toEqual(reference.shards.map((s) => s.digest));

		// Built again with the shards in the cache: the streamed ones are dropped unused.
		const cacheDir = folder();
		await indexSite({ dir: site(files()), t, shardPages: 4, cacheDir });
		const again = await follow(announced, undefined, cacheDir);
		expect(again.stats.shards.map((s) => `${s.reused}:${s.streamed}`)).toEqual(
			Array(4).fill('true:false'),
		);
		expect(indexFiles(again.dir)).toEqual(indexFiles(once));
	}, 60_000);

	it('writes the shards while "Astro" renders pages the index does not hold, and uses them only if the pages stayed the same', async () => {
		const once = site(files());
		const reference = await indexSite({ dir: once, t, shardPages: 4, cacheDir: false });
		const cacheDir = folder();
		const { stats, dir } = await follow(announced, undefined, cacheDir, 'written');
		expect(flags(stats, 'ahead')).toEqual(every(true));
		expect(indexFiles(dir)).toEqual(indexFiles(once));
		// Stored in the cache as they were written, under the key of what was indexed.
		expect(stats.shards.map((s) => s.digest)).toEqual(reference.shards.map((s) => s.digest));
		const again = site(files());
		const reused = await indexSite({ dir: again, t, shardPages: 4, cacheDir });
		expect(reused.shards.every((s) => s.reused)).toBe(true);
		expect(indexFiles(again)).toEqual(indexFiles(once));
		// Taken from the cache as hard links: the same files, not copies of them —
		// except the shard manifest, which each build writes anew.
		const entry = join(cacheDir, reused.shards[0]!.digest);
		expect(statSync(join(again, 'pagefind', 'pagefind-entry.json')).ino).toBe(
			statSync(join(entry, 'pagefind-entry.json')).ino,
		);
		expect(statSync(join(again, 'pagefind', 'shards.json')).nlink).toBe(1);
		// Followed again with that cache: nothing is written ahead, every shard is copied.
		const rebuilt = await follow(announced, undefined, cacheDir, 'cached');
		expect(rebuilt.stats.shards.map((s) => `${s.reused}:${s.ahead}`)).toEqual(
			Array(4).fill('true:false'),
		);
		expect(indexFiles(rebuilt.dir)).toEqual(indexFiles(once));

		// A page rewritten after its shard was written: that shard is indexed again.
		const rewritten = await follow(
			announced,
			(write) => write('notices/2025/b/index.html', dated('职工疗休养安排', '2025-06-01')),
			false,
			'written',
		);
		expect(flags(rewritten.stats, 'ahead')).toEqual([
			'2026:true',
			'2025:false',
			'2024:true',
			'undated:true',
		]);
		const changed = site({
			...files(),
			'notices/2025/b/index.html': dated('职工疗休养安排', '2025-06-01'),
		});
		await indexSite({ dir: changed, t, shardPages: 4, cacheDir: false });
		expect(indexFiles(rewritten.dir)).toEqual(indexFiles(changed));
	}, 90_000);

	it('indexes again, from the pages, a shard the announcement got wrong or whose page changed after it was given', async () => {
		// 2025/b announced in 2024, units/hq not announced, 2026/a rewritten after it was taken.
		const wrong = announced
			.filter((p) => p.path !== 'units/hq/')
			.map((p) => (p.path === 'notices/2025/b/' ? { ...p, date: '2024-06-01' } : p));
		const { stats, dir } = await follow(wrong, (write) =>
			write('notices/2026/a/index.html', dated('寒潮调整上下班时间', '2026-01-10')),
		);
		expect(flags(stats, 'streamed')).toEqual(every(false));
		const once = site({
			...files(),
			'notices/2026/a/index.html': dated('寒潮调整上下班时间', '2026-01-10'),
		});
		await indexSite({ dir: once, t, shardPages: 4, cacheDir: false });
		expect(indexFiles(dir)).toEqual(indexFiles(once));
	}, 60_000);

	it('keeps a single index up to the bound, and clears the shards of an earlier run', async () => {
		const dir = site(files());
		await indexSite({ dir, t, shardPages: 4, cacheDir: false });
		const stats = await indexSite({ dir, t, cacheDir: false });
		expect(stats.shards.map((s) => s.dir)).toEqual(['pagefind/']);
		expect(readdirSync(dir).filter((n) => n.startsWith('pagefind'))).toEqual(['pagefind']);
	}, 60_000);

	it('copies unchanged shards from the cache and indexes only what changed', async () => {
		const cacheDir = folder();
		const first = await indexSite({ dir: site(files()), t, shardPages: 4, cacheDir });
		expect(first.shards.every((s) => !s.reused)).toBe(true);

		// Another build of the same content, with a new menu around the pages: all reused.
		const again = site(files('导航 新栏目'));
		const second = await indexSite({ dir: again, t, shardPages: 4, cacheDir });
		expect(second.shards.map((s) => s.reused)).toEqual([true, true, true, true]);
		expect(second.shards.map((s) => s.digest)).toEqual(first.shards.map((s) => s.digest));
		for (const shard of second.shards.slice(1))
			expect(readdirSync(join(again, shard.dir)).some((n) => n.endsWith('.pagefind'))).toBe(false);
		expect(readdirSync(join(again, 'pagefind'))).toContain('pagefind.js');

		// A notice added today: only the newest shard is indexed again.
		const added = site({
			...files(),
			'notices/2026/c/index.html': dated('职工运动会', '2026-11-20'),
		});
		const third = await indexSite({ dir: added, t, shardPages: 4, cacheDir });
		expect(third.shards.map((s) => `${s.key}:${s.reused}`)).toEqual([
			'2026:false',
			'2025:true',
			'2024:true',
			'undated:true',
		]);
		// What Pagefind is given is the key: a Simplified site indexes the same text
		// with or without the script copy (it needs none), a Traditional page does not.
		const plain = await indexSite({
			dir: site(files()),
			t,
			shardPages: 4,
			cacheDir,
			convert: false,
		});
		expect(plain.shards.every((s) => s.reused)).toBe(true);
		const traditional = await indexSite({
			dir: site({ ...files(), 'notices/2024/a/index.html': dated('安康盃啟動', '2024-03-01') }),
			t,
			shardPages: 4,
			cacheDir,
		});
		expect(traditional.shards.map((s) => `${s.key}:${s.reused}`)).toEqual([
			'2026:true',
			'2025:true',
			'2024:false',
			'undated:true',
		]);
	}, 60_000);

	it('takes the shard bound from GONGKAI_SEARCH_SHARD_PAGES', () => {
		expect(shardPagesOption(undefined)).toBe(DEFAULT_SHARD_PAGES);
		expect(shardPagesOption('')).toBe(DEFAULT_SHARD_PAGES);
		expect(shardPagesOption('20')).toBe(20);
		expect(() => shardPagesOption('0')).toThrow(/GONGKAI_SEARCH_SHARD_PAGES/);
		expect(() => shardPagesOption('many')).toThrow(/GONGKAI_SEARCH_SHARD_PAGES/);
	});
});

describe('content the templates cannot know about', () => {
	const validation = {
		site: undefined,
		problems: [],
		files: 4,
		entries: [
			{ collection: 'notices', id: '2026/a', output: { docNumber: ' 华精工发〔2026〕4号 ' } },
			{
				collection: 'notices',
				id: '2026/b',
				output: { withdrawn: { date: '2026-10-16', reason: '封山' } },
			},
			{ collection: 'notices', id: '2026/c', output: { draft: true } },
			{ collection: 'policies', id: 'p', output: { docNumber: '总工发〔2006〕41号' } },
			{ collection: 'units', id: 'hq', output: undefined },
		],
	} as unknown as ValidationResult;

	it('keeps withdrawn notices and drafts out of search', () => {
		expect([...unsearchablePaths(validation)]).toEqual(['notices/2026/b/', 'notices/2026/c/']);
	});

	it('puts the 文号 on result cards', () => {
		expect(Object.fromEntries(contentMeta(validation))).toEqual({
			'notices/2026/a/': { docNumber: '华精工发〔2026〕4号' },
			'policies/p/': { docNumber: '总工发〔2006〕41号' },
		});
	});
});
