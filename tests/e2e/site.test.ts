/**
 * The reader's site in Chromium, built under /gongkai/: every template
 * renders; a 公示 shows 未开始 / 公示中 / 已结束 for the reader's day (the
 * browser clock), including the 5-working-day period across the National
 * Day holiday; expired notices leave the home page in the browser; print
 * shows the QR code; no request leaves the local server.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;
/** Every URL any page of this file requested. */
const requested: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
	server = await serve();
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** A context that records requests and errors; `time` sets the browser clock (Shanghai wall time). */
async function context(
	options: { time?: string; javaScript?: boolean; width?: number } = {},
): Promise<BrowserContext> {
	const ctx = await browser.newContext({
		viewport: { width: options.width ?? 1280, height: 900 },
		javaScriptEnabled: options.javaScript ?? true,
		timezoneId: 'Europe/London', // not the site's zone: status must not depend on the reader's zone
	});
	ctx.on('request', (r: Request) => requested.push(r.url()));
	ctx.on('weberror', (e) => pageErrors.push(e.error().message));
	return ctx;
}

async function open(ctx: BrowserContext, path: string, time?: string): Promise<Page> {
	const page = await ctx.newPage();
	if (time) await page.clock.setFixedTime(new Date(`${time}+08:00`));
	page.on('console', (m) => {
		if (m.type() === 'error') pageErrors.push(`${path}: ${m.text()}`);
	});
	const response = await page.goto(server.url + path);
	expect(response?.status(), path).toBe(path.startsWith('no-such') ? 404 : 200);
	return page;
}

const GONGSHI = 'notices/2026/youxiu-gonghui-ganbu-gongshi/';

describe('every template renders under the sub-path', () => {
	const templates: Array<[string, string, RegExp]> = [
		['home', '', /华东精密机械集团有限公司工会委员会/],
		['notice list', 'notices/', /公示公告/],
		['notice list, page 2', 'notices/page/2/', /公示公告/],
		['notices by category', 'notices/category/publicity/', /公示公告：公示/],
		['notices by year', 'notices/year/2025/', /2025年/],
		['notices by unit (with sub-units)', 'notices/unit/manufacturing-1/', /第一制造部/],
		['notices by 公示 status', 'notices/status/closed/', /已结束/],
		['notice archive', 'notices/archive/', /年度归档/],
		['notice', GONGSHI, /优秀工会干部/],
		['withdrawn notice', 'notices/2026/qiuji-dengshan-huodong/', /登山/],
		['model-worker list', 'model-workers/', /劳模风采/],
		['model workers by honour level', 'model-workers/level/national/', /全国/],
		['model worker', 'model-workers/zhang-wei/', /张伟/],
		['competition list', 'competitions/', /劳动竞赛/],
		['competition', 'competitions/2026/shukong-chegong-biwu/', /数控车工/],
		['policy list', 'policies/', /政策文件/],
		['policies by validity', 'policies/status/in-force/', /现行有效/],
		['policy', 'policies/jiti-hetong-2023/', /集体合同/],
		['unit tree', 'units/', /组织机构/],
		['unit', 'units/manufacturing-1/', /第一制造部/],
		['404', 'no-such-page/', /找不到这个页面/],
	];

	let shared: BrowserContext;
	beforeAll(async () => {
		shared = await context();
	});
	afterAll(async () => {
		await shared?.close();
	});

	it.each(templates)('%s (%s)', async (_, path, heading) => {
		const page = await open(shared, path);
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
		expect(await page.locator('h1').first().textContent()).toMatch(heading);
		expect(await page.locator('main#main').count()).toBe(1);
		// Every link and asset stays under the base path.
		const hrefs = await page.$$eval('a[href], link[href], script[src], img[src]', (els) =>
			els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
		);
		for (const href of hrefs.filter((h) => h.startsWith('/')))
			expect(href, `${path} → ${href}`).toMatch(/^\/gongkai\//);
		await page.close();
	});

	it('the withdrawn notice carries the 已撤销 banner and is left out of search and lists', async () => {
		const ctx = await context();
		const page = await open(ctx, 'notices/2026/qiuji-dengshan-huodong/');
		await expect(page.getByRole('heading', { name: '本文件已撤销' }).isVisible()).resolves.toBe(
			true,
		);
		expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
		const list = await open(ctx, 'notices/');
		expect(await list.locator('a[href$="qiuji-dengshan-huodong/"]').count()).toBe(0);
		await ctx.close();
	});

	it('a notice shows its disclosure block, attachments with format and size, and 变更记录', async () => {
		const ctx = await context();
		const page = await open(ctx, 'notices/2026/zhigong-liaoxiuyang/');
		const meta = page.getByRole('region', { name: '公开信息' });
		await expect(meta.getByText('发布单位').isVisible()).resolves.toBe(true);
		await expect(meta.getByText('文号').isVisible()).resolves.toBe(true);
		const attachment = page.locator('.gk-attachments li').first();
		expect(await attachment.textContent()).toMatch(/DOCX 文件 · [\d.]+ kB/);
		const href = await attachment.locator('a').getAttribute('href');
		expect((await page.request.get(server.origin + href!)).status()).toBe(200);
		const changes = page.getByRole('region', { name: '变更记录' });
		expect(await changes.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
		await expect(changes.getByText('第三批出发日期').isVisible()).resolves.toBe(true);
		await ctx.close();
	});

	it('a competition shows ties, metric columns, the SVG chart and a CSV download', async () => {
		const ctx = await context();
		const page = await open(ctx, 'competitions/2025/helihua-jianyi/');
		const table = page.locator('table.gk-ranking');
		expect(await table.locator('tbody tr').count()).toBeGreaterThan(3);
		expect(await table.locator('.gk-tied').count()).toBe(2);
		expect(await page.locator('figure.gk-chart svg rect.bar').count()).toBeGreaterThan(3);
		const csv = await page.request.get(
			server.origin + (await page.locator('a.gk-download').getAttribute('href'))!,
		);
		expect(csv.status()).toBe(200);
		const text = (await csv.body()).toString('utf8');
		expect(text.startsWith('\uFEFF名次,')).toBe(true);
		expect(text).toContain('2（并列）,钱晓梅');
		const metrics = await open(ctx, 'competitions/2026/shukong-chegong-biwu/');
		expect(await metrics.locator('table.gk-ranking thead th').allTextContents()).toEqual(
			expect.arrayContaining(['粗加工用时（秒）', '精加工用时（秒）', '总成绩（秒）']),
		);
		await ctx.close();
	});

	it('a unit page gathers what its sub-units published, with links to the filtered lists', async () => {
		const ctx = await context();
		const page = await open(ctx, 'units/manufacturing-1/');
		const crumbs = await page
			.getByRole('navigation', { name: '您的位置' })
			.locator('a')
			.allTextContents();
		expect(crumbs).toEqual(['首页', '组织机构', '公司工会']);
		// The 数控班组's model worker (张伟) belongs to 第一制造部 through the 机加工车间.
		await expect(
			page
				.getByRole('region', { name: /劳模风采/ })
				.getByText('张伟')
				.isVisible(),
		).resolves.toBe(true);
		await expect(
			page
				.getByRole('region', { name: /劳动竞赛/ })
				.getByText('数控车工技能比武')
				.isVisible(),
		).resolves.toBe(true);
		await ctx.close();
	});

	it('serves the feed and a sitemap without display pages or withdrawn notices', async () => {
		const rss = await (await fetch(`${server.url}rss.xml`)).text();
		expect(rss).toContain('<link>https://union.example.com/gongkai/notices/');
		expect(rss).not.toContain('qiuji-dengshan-huodong');
		const index = await (await fetch(`${server.url}sitemap-index.xml`)).text();
		const sitemaps = [
			...index.matchAll(/<loc>https:\/\/union\.example\.com(\/gongkai\/[^<]+)<\/loc>/g),
		].map((m) => m[1]!);
		expect(sitemaps.length).toBeGreaterThan(0);
		const urls = (
			await Promise.all(sitemaps.map(async (s) => (await fetch(server.origin + s)).text()))
		).join('');
		expect(urls).toContain('/gongkai/notices/2026/youxiu-gonghui-ganbu-gongshi/');
		expect(urls).not.toContain('/display/');
		expect(urls).not.toContain('qiuji-dengshan-huodong');
	});
});

describe('公示 status on the reader’s day', () => {
	const badge = (page: Page) => page.locator('.gk-notice-page__kicker .gk-badge');
	const countdown = (page: Page) =>
		page.getByRole('region', { name: '公开信息' }).locator('.gk-countdown');

	// 5 working days from Monday 28 September 2026: 28, 29, 30 September, then
	// the National Day holiday (1–7 October), then 8 and 9 October.
	it.each([
		['the evening before', '2026-09-27T20:00:00', '未开始', '明天开始'],
		['its first morning', '2026-09-28T08:00:00', '公示中', '还剩 12 天'],
		['during the holiday', '2026-10-03T10:00:00', '公示中', '还剩 7 天'],
		['its last day', '2026-10-09T17:30:00', '公示中', '今天是最后一天'],
		['the day after (a 调休 working Saturday)', '2026-10-10T00:00:01', '已结束', ''],
	])('%s (%s) shows %s', async (_, time, status, left) => {
		const ctx = await context();
		const page = await open(ctx, GONGSHI, time);
		await expect(badge(page).textContent()).resolves.toBe(status);
		await expect(countdown(page).textContent()).resolves.toBe(left);
		expect(await countdown(page).isVisible()).toBe(left !== '');
		// The build date note goes once the page speaks for today.
		expect(await page.locator('[data-gk-asof]').first().isVisible()).toBe(false);
		await ctx.close();
	});

	it('without JavaScript shows the status of the build day, dated', async () => {
		const ctx = await context({ javaScript: false });
		const page = await open(ctx, GONGSHI);
		await expect(badge(page).textContent()).resolves.toBe('已结束');
		expect(await page.locator('[data-gk-asof]').first().textContent()).toMatch(
			/^状态截至 \d{4}年\d{1,2}月\d{1,2}日$/,
		);
		await ctx.close();
	});

	it('a 公示 announced for December opens on its first day', async () => {
		const ctx = await context();
		const path = 'notices/2026/gongzi-xieshang-caoan-gongshi/';
		await expect(badge(await open(ctx, path, '2026-11-30T23:59:00')).textContent()).resolves.toBe(
			'未开始',
		);
		await expect(badge(await open(ctx, path, '2026-12-01T00:00:00')).textContent()).resolves.toBe(
			'公示中',
		);
		await expect(badge(await open(ctx, path, '2026-12-08T00:00:00')).textContent()).resolves.toBe(
			'已结束',
		);
		await ctx.close();
	});

	it('a 公示 with a start time opens at that time', async () => {
		const ctx = await context();
		const path = 'notices/2026/laomo-tuijian-gongshi/';
		await expect(badge(await open(ctx, path, '2026-11-18T08:59:00')).textContent()).resolves.toBe(
			'未开始',
		);
		await expect(badge(await open(ctx, path, '2026-11-18T09:00:00')).textContent()).resolves.toBe(
			'公示中',
		);
		await ctx.close();
	});

	it('a competition shows 进行中 while it runs', async () => {
		const ctx = await context();
		const page = await open(ctx, 'competitions/2026/dongji-baojiaofu/', '2026-12-15T10:00:00');
		await expect(page.locator('.gk-page-head .gk-badge').textContent()).resolves.toBe('进行中');
		await ctx.close();
	});
});

describe('the home page on the reader’s day', () => {
	it('shows the urgent notice until the end of its expiry day, then drops it', async () => {
		const ctx = await context();
		const urgent = (page: Page) => page.locator('.gk-banner', { hasText: '寒潮' });
		expect(await urgent(await open(ctx, '', '2026-11-25T23:00:00')).isVisible()).toBe(true);
		expect(await urgent(await open(ctx, '', '2026-11-26T00:00:01')).isVisible()).toBe(false);
		await ctx.close();
	});

	it('drops a 公示 from 正在公示 once it has closed, saying so when none is left', async () => {
		const ctx = await context();
		const page = await open(ctx, '', '2027-02-01T09:00:00');
		const section = page.getByRole('region', { name: '正在公示' });
		expect(await section.locator('li:visible').count()).toBe(0);
		await expect(section.getByText('目前没有正在公示的事项。').isVisible()).resolves.toBe(true);
		await ctx.close();
	});

	it('works at 360 px without sideways scrolling', async () => {
		const ctx = await context({ width: 360 });
		for (const path of ['', GONGSHI, 'competitions/2026/ankang-bei/', 'units/hq/']) {
			const page = await open(ctx, path);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow, path).toBeLessThanOrEqual(0);
		}
		await ctx.close();
	});
});

describe('print', () => {
	it('prints a 公示 for the notice board: no navigation, 公示期, issuing unit and a QR code to the page', async () => {
		const ctx = await context();
		const page = await open(ctx, GONGSHI);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.gk-nav').isVisible()).toBe(false);
		expect(await page.locator('footer.gk-footer').isVisible()).toBe(false);
		const sheet = page.locator('.gk-print-sheet');
		expect(await sheet.isVisible()).toBe(true);
		expect((await sheet.textContent())!.replace(/\s+/g, '')).toContain(
			'公示期：2026年9月28日至2026年10月9日（5个工作日，节假日顺延）',
		);
		expect(await sheet.textContent()).toContain('华东精密机械集团有限公司工会委员会');
		const qr = sheet.getByRole('img', { name: /二维码/ });
		expect(await qr.isVisible()).toBe(true);
		expect(await sheet.textContent()).toContain(
			'https://union.example.com/gongkai/notices/2026/youxiu-gonghui-ganbu-gongshi/',
		);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.length).toBeGreaterThan(10_000);
		await ctx.close();
	});
});

describe('privacy of the reader', () => {
	it('no page requested anything from another host, and no page had an error', () => {
		expect(requested.length).toBeGreaterThan(50);
		expect(
			requested.filter((url) => !url.startsWith(server.origin) && !url.startsWith('data:')),
		).toEqual([]);
		expect(pageErrors.filter((e) => !/404 \(Not Found\)/.test(e))).toEqual([]);
	});
});
