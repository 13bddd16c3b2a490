/**
 * Accessibility of every reader template (WCAG 2.2 AA as axe checks it):
 * 0 violations for wcag2a, wcag2aa, wcag21aa and wcag22aa on one page of
 * each template, in the light and the dark colour scheme; and the keyboard
 * basics axe cannot see — the skip link comes first and lands on main.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;
const contexts: Partial<Record<'light' | 'dark', BrowserContext>> = {};

beforeAll(async () => {
	server = await serve();
	browser = await launch();
	contexts.light = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		colorScheme: 'light',
	});
	contexts.dark = await browser.newContext({
		viewport: { width: 390, height: 844 },
		colorScheme: 'dark',
	});
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const TEMPLATES: Array<[string, string]> = [
	['home', ''],
	['notice list (filtered, paginated template)', 'notices/category/publicity/'],
	['notice archive', 'notices/archive/'],
	['notice (公示)', 'notices/2026/kunnan-bangfu-mingdan/'],
	['notice with attachments and 变更记录', 'notices/2026/zhigong-liaoxiuyang/'],
	['withdrawn notice', 'notices/2026/qiuji-dengshan-huodong/'],
	['model-worker list', 'model-workers/'],
	['model worker', 'model-workers/zhang-wei/'],
	['competition list', 'competitions/'],
	['competition with results', 'competitions/2026/shukong-chegong-biwu/'],
	['policy list', 'policies/'],
	['superseded policy', 'policies/jiti-hetong-2023/'],
	['unit tree', 'units/'],
	['unit', 'units/manufacturing-1/'],
	['404', 'no-such-page/'],
];

/** Dark mode re-maps colours only: one page per distinct set of components is enough for contrast. */
const DARK: Array<[string, string]> = TEMPLATES.filter(([name]) =>
	[
		'home',
		'notice list (filtered, paginated template)',
		'notice (公示)',
		'withdrawn notice',
		'model worker',
		'competition with results',
		'superseded policy',
		'unit',
	].includes(name),
);

describe.each([
	['light', TEMPLATES],
	['dark', DARK],
] as const)('axe, %s colour scheme', (scheme, templates) => {
	it.each(templates)('%s has no violations', async (_, path) => {
		const page = await contexts[scheme]!.newPage();
		await page.goto(server.url + path);
		const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
		const summary = violations.map(
			(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
		);
		expect(summary).toEqual([]);
		await page.close();
	});
});

describe('keyboard', () => {
	it('reaches the skip link first, and it moves focus to the main content', async () => {
		const page = await contexts.light!.newPage();
		await page.goto(server.url + 'notices/2026/kunnan-bangfu-mingdan/');
		await page.keyboard.press('Tab');
		const skip = page.locator(':focus');
		expect(await skip.textContent()).toBe('跳到正文');
		expect(await skip.isVisible()).toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await page.close();
	});

	it('shows a visible focus outline on links', async () => {
		const page = await contexts.light!.newPage();
		await page.goto(server.url);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		const outline = await page.evaluate(
			() => getComputedStyle(document.activeElement!).outlineStyle,
		);
		expect(outline).not.toBe('none');
		await page.close();
	});
});
