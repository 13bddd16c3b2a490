import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import type { ValidationResult } from '../../src/lib/validate/index.ts';
import {
	contentMeta,
	extendedBinary,
	indexSite,
	sitePath,
	unsearchablePaths,
} from '../../scripts/postbuild/search.ts';

const t = translator('zh-CN');
let dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	dirs = [];
});

/** A built site in a temporary folder: path → HTML. */
function site(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'gk-search-'));
	dirs.push(dir);
	for (const [path, html] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), html);
	}
	return dir;
}
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

	it('costs more with the Simplified/Traditional copy than without', async () => {
		const files = Object.fromEntries(
			['劳动模范推荐人选公示', '职工疗休养管理办法', '经费收支情况报告'].map((title, i) => [
				`notices/${i}/index.html`,
				detail(title.repeat(20)),
			]),
		);
		const withCopy = await indexSite({ dir: site(files), t });
		const without = await indexSite({ dir: site(files), t, convert: false });
		expect(withCopy.indexBytes).toBeGreaterThan(without.indexBytes);
	}, 30_000);

	it('fails, naming every file, when an indexed page has no lang', async () => {
		const dir = site({
			'notices/a/index.html': page('<article data-pagefind-body><h1>甲</h1></article>', ''),
			'notices/b/index.html': page('<article data-pagefind-body><h1>乙</h1></article>', ''),
			'notices/c/index.html': detail('丙'),
		});
		await expect(indexSite({ dir, t })).rejects.toThrowErrorMatchingInlineSnapshot(`
			[Error: 搜索索引生成失败：notices/a/index.html 的 <html> 没有 lang 属性，无法按中文建立索引。
			搜索索引生成失败：notices/b/index.html 的 <html> 没有 lang 属性，无法按中文建立索引。]
		`);
	}, 30_000);
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
