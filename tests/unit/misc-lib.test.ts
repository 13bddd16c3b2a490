import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { qrTexts } from '../../scripts/qr-ahead.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { sitemapFilter, unlistedNoticeIds } from '../../src/lib/sitemap-filter.ts';
import { archiveTree } from '../../src/lib/archive.ts';
import { feedItems } from '../../src/lib/feeds.ts';
import { shortMarkdown } from '../../src/lib/markdown.ts';
import {
	codesAhead,
	prepareQrCodes,
	QR_AHEAD_ENV,
	qrSvg,
	qrWorkerRunning,
	symbolHere,
} from '../../src/lib/qr.ts';

describe('feedItems', () => {
	const sources = [
		{
			title: '旧通知',
			path: 'notices/2025/a/',
			date: '2025-03-01',
			description: 'a',
			categories: ['通知'],
		},
		{
			title: '新制度',
			path: 'policies/b/',
			date: '2026-03-25',
			description: 'b',
			categories: ['政策文件'],
		},
		{
			title: '紧急',
			path: 'notices/2026/c/',
			date: '2026-11-20T16:30',
			description: 'c',
			categories: [],
		},
	];

	it('lists notices and policies together, newest first, with links under the base path', () => {
		const items = feedItems(sources, '/gongkai/', 'Asia/Shanghai');
		expect(items.map((i) => i.link)).toEqual([
			'/gongkai/notices/2026/c/',
			'/gongkai/policies/b/',
			'/gongkai/notices/2025/a/',
		]);
	});

	it('dates items at the instant their civil date names in the site time zone', () => {
		const [first] = feedItems(sources, '/', 'Asia/Shanghai');
		expect(first!.pubDate.toISOString()).toBe('2026-11-20T08:30:00.000Z');
	});

	it('keeps at most the limit', () => {
		expect(feedItems(sources, '/', 'Asia/Shanghai', 2)).toHaveLength(2);
	});
});

describe('archiveTree', () => {
	it('groups by year and month, newest first', () => {
		const tree = archiveTree([
			{ date: '2025-12-01', item: 'a' },
			{ date: '2026-11-20T16:30', item: 'b' },
			{ date: '2026-11-02', item: 'c' },
			{ date: '2026-01-15', item: 'd' },
		]);
		expect(
			tree.map((y) => [
				y.year,
				y.count,
				y.months.map((m) => [m.month, m.items.map((i) => i.item)]),
			]),
		).toEqual([
			[
				2026,
				3,
				[
					['2026-11', ['b', 'c']],
					['2026-01', ['d']],
				],
			],
			[2025, 1, [['2025-12', ['a']]]],
		]);
	});
});

describe('qrSvg', () => {
	it('makes an accessible inline SVG of the URL', async () => {
		const svg = await qrSvg('https://union.example.com/gongkai/notices/2026/a/', {
			label: '扫码查看 <网页版>',
			className: 'gk-qr',
		});
		expect(
			svg.startsWith('<svg role="img" aria-label="扫码查看 &lt;网页版&gt;" class="gk-qr" '),
		).toBe(true);
		expect(svg).toContain('<title>扫码查看 &lt;网页版&gt;</title>');
		expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
		expect(svg.trim().endsWith('</svg>')).toBe(true);
	});

	it('makes in its worker thread the same code as in this one, and each code once', async () => {
		const urls = Array.from(
			{ length: 20 },
			(_, i) => `https://union.example.com/notices/2026/n${i}/`,
		);
		const made = await Promise.all(urls.map((url) => qrSvg(url, { label: 'QR' })));
		for (const [i, svg] of made.entries()) {
			const here = (await symbolHere(urls[i]!)).trim();
			expect(svg).toBe(
				here
					.replace(/^<svg /, '<svg role="img" aria-label="QR" ')
					.replace(/^(<svg[^>]*>)/, '$1<title>QR</title>'),
			);
		}
		expect(qrWorkerRunning()).toBe(true);
		expect(new Set(made).size).toBe(urls.length);
		expect(await qrSvg(urls[0]!, { label: 'QR' })).toBe(made[0]);
	});

	it('makes codes asked for ahead (more than one batch of them) the same as on demand', async () => {
		const urls = Array.from(
			{ length: 70 },
			(_, i) => `https://union.example.com/notices/2025/p${i}/`,
		);
		prepareQrCodes([...urls, urls[0]!]);
		// Asked for out of order, some while the worker is still on the first batch.
		const made = await Promise.all([...urls].reverse().map((url) => qrSvg(url, { label: 'QR' })));
		for (const [i, url] of [...urls].reverse().entries())
			expect(made[i]).toContain((await symbolHere(url)).trim().slice(-200));
	});
});

describe('QR codes made ahead (scripts/qr-ahead.ts)', () => {
	it('are what the pages get, and a code not among them is made as before', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'gk-qr-ahead-'));
		const file = join(dir, 'codes.json');
		const made = 'https://union.example.com/gongkai/notices/2026/made/';
		const other = 'https://union.example.com/gongkai/notices/2026/other/';
		const codes = await codesAhead([made, made]);
		expect(Object.keys(codes)).toEqual([made]);
		expect(codes[made]).toBe(await symbolHere(made));
		// A marker instead of the code: the page must take it from the file.
		writeFileSync(file, JSON.stringify({ [made]: '<svg viewBox="0 0 1 1">made ahead</svg>' }));
		vi.resetModules();
		vi.stubEnv(QR_AHEAD_ENV, file);
		try {
			const fresh = await import('../../src/lib/qr.ts');
			expect(await fresh.qrSvg(made, { label: 'QR' })).toBe(
				'<svg role="img" aria-label="QR" viewBox="0 0 1 1"><title>QR</title>made ahead</svg>',
			);
			expect(fresh.qrWorkerRunning()).toBe(false);
			expect(await fresh.qrSvg(other, { label: 'QR' })).toContain(
				(await symbolHere(other)).trim().slice(-200),
			);
		} finally {
			vi.unstubAllEnvs();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('cover every notice, model worker, competition and unit, and the home page', async () => {
		const demo = join(import.meta.dirname, '../../content');
		const validation = await validateContent(demo);
		vi.stubEnv('BASE', '/gongkai/');
		try {
			const texts = qrTexts(demo);
			const site = 'https://union.example.com/gongkai/';
			for (const collection of ['notices', 'model-workers', 'competitions', 'units']) {
				const entries = validation.entries.filter(
					(e) => e.collection === collection && e.data?.draft !== true,
				);
				expect(entries.length).toBeGreaterThan(0);
				for (const entry of entries) expect(texts).toContain(`${site}${collection}/${entry.id}/`);
			}
			expect(texts).toContain(site);
			expect(texts.some((text) => text.includes('/policies/'))).toBe(false);
			// Notices first: the pages that ask for codes first.
			expect(texts[0]).toContain('/notices/');
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it('are none without the site address', () => {
		const dir = mkdtempSync(join(tmpdir(), 'gk-qr-ahead-'));
		try {
			mkdirSync(join(dir, 'notices/2026'), { recursive: true });
			writeFileSync(join(dir, 'notices/2026/a.md'), '---\ntitle: 通知\n---\n');
			writeFileSync(join(dir, 'site.yaml'), 'name: 工会\n');
			expect(qrTexts(dir)).toEqual([]);
			writeFileSync(join(dir, 'site.yaml'), 'name: 工会\nurl: https://union.example.com/\n');
			expect(qrTexts(dir)).toEqual([
				'https://union.example.com/notices/2026/a/',
				'https://union.example.com/',
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('shortMarkdown', () => {
	it('renders emphasis and links, and shows raw HTML as text', () => {
		expect(
			shortMarkdown('下设**组织宣传部** <script>alert(1)</script> & [章程](https://example.com/)'),
		).toBe(
			'<p>下设<strong>组织宣传部</strong> &lt;script&gt;alert(1)&lt;/script&gt; &amp; <a href="https://example.com/">章程</a></p>\n',
		);
	});
});

describe('sitemapFilter', () => {
	const keep = sitemapFilter(['2026/qiuji-dengshan-huodong']);
	it.each([
		['https://union.example.com/gongkai/', true],
		['https://union.example.com/gongkai/notices/2026/zhuanxiang-tijian/', true],
		['https://union.example.com/gongkai/notices/2026/qiuji-dengshan-huodong/', false],
		['https://union.example.com/notices/2026/qiuji-dengshan-huodong/', false],
		['https://union.example.com/gongkai/display/', false],
		['https://union.example.com/gongkai/display/hq/', false],
		['https://union.example.com/gongkai/units/hq/', true],
	])('%s → %s', (page, expected) => {
		expect(keep(page)).toBe(expected);
	});

	it('asks for the unlisted notices once, when the first page is filtered', () => {
		let asked = 0;
		const lazy = sitemapFilter(() => {
			asked++;
			return ['2026/qiuji-dengshan-huodong'];
		});
		expect(asked).toBe(0);
		expect(lazy('https://union.example.com/gongkai/notices/2026/qiuji-dengshan-huodong/')).toBe(
			false,
		);
		expect(lazy('https://union.example.com/gongkai/')).toBe(true);
		expect(asked).toBe(1);
	});

	it('finds the withdrawn notices and drafts of a content folder', () => {
		const ids = unlistedNoticeIds(join(import.meta.dirname, '../../content'));
		expect(ids).toContain('2026/qiuji-dengshan-huodong');
		expect(ids).not.toContain('2026/zhuanxiang-tijian');
	});
});
