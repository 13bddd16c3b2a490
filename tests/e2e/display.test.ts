/**
 * The lobby screen in Chromium with a controlled clock: slides rotate at the
 * configured interval; an urgent notice takes over and leaves when it
 * expires; a new build reloads the screen exactly once, at a slide boundary;
 * with every request failing it keeps rotating without an error; it pauses
 * on the space bar; nothing overflows in either orientation or theme (the
 * screenshots are kept in .gongkai/display-screens/ for review); axe finds
 * nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;
const SCREENS = join(import.meta.dirname, '../../.gongkai/display-screens');

/** 10:00 in Suzhou on a day after the demo's urgent notice expired, with two 公示 open. */
const ORDINARY_DAY = '2026-11-26T10:00:00+08:00';
const URGENT_SLIDE = 'n-2026-hanchao-tiaozheng-shangxiaban';
/** Slides kept as screenshots: one of each kind (urgent, open and upcoming 公示, notice), every person and leaderboard, idle. */
const SHOWCASE = /^(n-2026-(hanchao|laomo|caoan|gongzi-xieshang-caoan|dongsong)|w-|c-|idle)/;

beforeAll(async () => {
	server = await serve();
	browser = await launch();
	mkdirSync(SCREENS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

interface Screen {
	page: Page;
	/** Uncaught exceptions and unhandled rejections in the page. */
	errors: string[];
	/** Completed loads of the display document (1 after opening). */
	loads: () => number;
}

/** Opens a display at the fake instant `time`, with the clock paused there, and waits for the script to run. */
async function open(
	path: string,
	time: string,
	viewport = { width: 1920, height: 1080 },
): Promise<Screen> {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	let loads = 0;
	page.on('load', () => loads++);
	// Installed a little earlier: the fake clock runs until paused, and cannot be paused in its past.
	await page.clock.install({ time: new Date(Date.parse(time) - 10_000) });
	await page.clock.pauseAt(new Date(time));
	await page.goto(server.url + path);
	await page.locator('gk-display[data-running]').waitFor({ state: 'attached' });
	return { page, errors, loads: () => loads };
}

function slideOf(page: Page): Promise<string | null> {
	return page.locator('gk-display').getAttribute('data-slide');
}

/** Runs the clock one second at a time until the slide changes; the seconds it took. */
async function secondsToNextSlide(page: Page, limit = 120): Promise<number> {
	const start = await slideOf(page);
	for (let s = 1; s <= limit; s++) {
		await page.clock.runFor(1000);
		if ((await slideOf(page)) !== start) return s;
	}
	throw new Error(`No slide change within ${limit} s`);
}

describe('lobby display', () => {
	it('rotates slides at the interval the URL sets', async () => {
		const { page, errors } = await open('display/?seconds=20', ORDINARY_DAY);
		const first = await slideOf(page);
		// The script started at the paused instant: the first slide gets its full 20 s, then every one after.
		expect(await secondsToNextSlide(page)).toBe(20);
		const second = await slideOf(page);
		expect(second).not.toBe(first);
		expect(await secondsToNextSlide(page)).toBe(20);
		expect(await secondsToNextSlide(page)).toBe(20);
		// The default is site.yaml's slideSeconds (15).
		const other = await open('display/', ORDINARY_DAY);
		expect(await secondsToNextSlide(other.page)).toBe(15);
		expect([...errors, ...other.errors]).toEqual([]);
		await page.context().close();
		await other.page.context().close();
	});

	it('follows the sections and their order from the URL', async () => {
		const { page } = await open('display/?sections=competitions,honours&seconds=5', ORDINARY_DAY);
		const seen: string[] = [(await slideOf(page))!];
		for (let i = 0; i < 5; i++) {
			await page.clock.runFor(5000);
			seen.push((await slideOf(page))!);
		}
		expect(seen.slice(0, 4).map((s) => s[0])).toEqual(['c', 'c', 'w', 'w']);
		expect(seen[4]).toBe(seen[0]);
		await page.context().close();
	});

	it('lets an urgent notice take over while it is valid and leave when it expires', async () => {
		// 16:29 on the day the 寒潮 notice goes out at 16:30.
		const { page, errors } = await open('display/', '2026-11-20T16:29:00+08:00');
		expect(await slideOf(page)).not.toBe(URGENT_SLIDE);
		await page.clock.runFor(60_000);
		expect(await slideOf(page)).toBe(URGENT_SLIDE);
		expect(await page.evaluate(() => document.documentElement.hasAttribute('data-urgent'))).toBe(
			true,
		);
		// It holds the screen: no other slide for minutes…
		await page.clock.runFor(5 * 60_000);
		expect(await slideOf(page)).toBe(URGENT_SLIDE);
		// …until the end of its `expires` day (2026-11-25) in Suzhou.
		await page.clock.pauseAt(new Date('2026-11-25T23:59:00+08:00'));
		await page.clock.runFor(2000);
		expect(await slideOf(page)).toBe(URGENT_SLIDE);
		await page.clock.runFor(60_000);
		expect(await slideOf(page)).not.toBe(URGENT_SLIDE);
		expect(await page.evaluate(() => document.documentElement.hasAttribute('data-urgent'))).toBe(
			false,
		);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('reloads exactly once, at a slide boundary, when version.json changes', async () => {
		const { page, errors, loads } = await open('display/?seconds=15', ORDINARY_DAY);
		let polls = 0;
		await page.route('**/version.json', (route) => {
			polls++;
			return route.fulfill({
				contentType: 'application/json',
				body: '{"version":"next-build","builtAt":"2026-11-26T02:00:00Z"}',
			});
		});
		const reloaded = page.waitForEvent('load');
		// The first poll is 60 s after start; the next boundary is at 75 s.
		await page.clock.runFor(61_000);
		await expect.poll(() => polls).toBe(1);
		// Let the answer reach the page before the boundary comes.
		await page.waitForTimeout(200);
		expect(loads()).toBe(1);
		await page.clock.runFor(14_000);
		await reloaded;
		expect(loads()).toBe(2);
		const record = JSON.parse(
			(await page.evaluate(() => sessionStorage.getItem('gongkai:display:reload'))) ?? '{}',
		);
		expect(record.version).toBe('next-build');
		// At a boundary: the slide on screen had had its full time, not a second more.
		expect(record.at - record.shownAt).toBe(record.slideMs);
		await page.locator('gk-display[data-running]').waitFor({ state: 'attached' });
		// The reloaded page still says the old version (same files); it must not reload again.
		// Minute by minute: a single long run would fire every timer before any answer could arrive.
		for (let minute = 1; minute <= 10; minute++) {
			await page.clock.runFor(60_000);
			await expect.poll(() => polls).toBe(1 + minute);
			// Let the answer reach the page before the next poll is due.
			await page.waitForTimeout(100);
		}
		expect(loads()).toBe(2);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('ignores errors, timeouts and answers that are not a version', async () => {
		const { page, errors, loads } = await open('display/?seconds=15', ORDINARY_DAY);
		const answers = [
			(r: Parameters<Parameters<Page['route']>[1]>[0]) => r.fulfill({ status: 500, body: 'oops' }),
			(r: Parameters<Parameters<Page['route']>[1]>[0]) =>
				r.fulfill({ contentType: 'text/html', body: '<html>portal login</html>' }),
			(r: Parameters<Parameters<Page['route']>[1]>[0]) =>
				r.fulfill({ contentType: 'application/json', body: '{"v":1}' }),
			(r: Parameters<Parameters<Page['route']>[1]>[0]) => r.abort('timedout'),
			// Never answers: the 10 s timeout aborts it.
			() => undefined,
		];
		let n = 0;
		await page.route('**/version.json', (route) => answers[n++ % answers.length]!(route));
		for (let i = 0; i < answers.length; i++) {
			await page.clock.runFor(60_000);
			await expect.poll(() => n).toBe(i + 1);
			await page.waitForTimeout(100);
		}
		await page.clock.runFor(60_000);
		expect(loads()).toBe(1);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('keeps rotating with every request failing for 10 minutes, without an error', async () => {
		const { page, errors } = await open('display/', ORDINARY_DAY);
		await page.route('**', (route) => route.abort('internetdisconnected'));
		const seen = new Set<string>();
		let changes = 0;
		let last = await slideOf(page);
		for (let s = 0; s < 10 * 60; s += 5) {
			await page.clock.runFor(5000);
			const now = await slideOf(page);
			if (now !== last) changes++;
			last = now;
			seen.add(now!);
		}
		// 600 s at 15 s a slide: 40 boundaries.
		expect(changes).toBe(40);
		expect(seen.size).toBeGreaterThanOrEqual(10);
		// Photos loaded before the network went are still drawn.
		const photos = await page.$$eval('.worker__photo img', (imgs) =>
			imgs.map((i) => (i as HTMLImageElement).naturalWidth),
		);
		expect(photos.length).toBeGreaterThan(0);
		expect(Math.min(...photos)).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('pauses on the space bar with a visible indicator, and resumes', async () => {
		const { page } = await open('display/', ORDINARY_DAY);
		const indicator = page.locator('.foot__paused');
		expect(await indicator.isVisible()).toBe(false);
		const held = await slideOf(page);
		await page.keyboard.press('Space');
		expect(await indicator.isVisible()).toBe(true);
		await page.clock.runFor(3 * 60_000);
		expect(await slideOf(page)).toBe(held);
		await page.keyboard.press('Space');
		expect(await indicator.isVisible()).toBe(false);
		expect(await secondsToNextSlide(page)).toBe(15);
		// The arrow keys step through slides for maintenance.
		const before = await slideOf(page);
		await page.keyboard.press('ArrowRight');
		expect(await slideOf(page)).not.toBe(before);
		await page.keyboard.press('ArrowLeft');
		expect(await slideOf(page)).toBe(before);
		await page.context().close();
	});

	it('shows a unit its own items, and urgent notices from above', async () => {
		const { page } = await open('display/logistics/', '2026-11-21T10:00:00+08:00');
		const slides = await page.$$eval('section[data-slide]', (all) =>
			all.map((s) => (s as HTMLElement).dataset.slide),
		);
		expect(slides).toContain(URGENT_SLIDE);
		expect(slides).toContain('w-zhao-lei');
		expect(slides).not.toContain('w-zhang-wei');
		expect(slides).not.toContain('n-2026-dongsong-wennuan');
		expect(await slideOf(page)).toBe(URGENT_SLIDE);
		expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
		expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
		await page.context().close();
	});

	it('turns the picture for a portrait layout forced on a landscape screen', async () => {
		const { page, errors } = await open('display/?orientation=portrait', ORDINARY_DAY);
		expect(await page.evaluate(() => document.documentElement.dataset.rotated)).toBe('90');
		// The canvas is 1080 wide and 1920 tall before the turn, and fills the screen after it.
		const box = await page.evaluate(() => {
			const el = document.querySelector('gk-display')!;
			const r = el.getBoundingClientRect();
			return { w: el.clientWidth, h: el.clientHeight, x: r.x, y: r.y, rw: r.width, rh: r.height };
		});
		expect(box).toMatchObject({ w: 1080, h: 1920, rw: 1920, rh: 1080 });
		// Off by the burn-in shift at most.
		expect(Math.max(Math.abs(box.x), Math.abs(box.y))).toBeLessThanOrEqual(2);
		await page.screenshot({ path: join(SCREENS, 'rotated-landscape-screen.png') });
		expect(errors).toEqual([]);
		await page.context().close();
	});

	describe.each([
		['landscape', { width: 1920, height: 1080 }],
		['portrait', { width: 1080, height: 1920 }],
	] as const)('%s', (orientation, viewport) => {
		it.each(['light', 'dark'])(
			'fits every slide without scrolling, in the %s theme',
			async (theme) => {
				const { page, errors } = await open(`display/?theme=${theme}`, ORDINARY_DAY, viewport);
				// No cross-fade to wait for; the clock stays paused, so the rotation never moves on its own.
				await page.emulateMedia({ reducedMotion: 'reduce' });
				await page.waitForFunction(() => [...document.images].every((img) => img.complete));
				const ids = await page.$$eval('section[data-slide]', (all) =>
					all.map((s) => (s as HTMLElement).dataset.slide!),
				);
				const problems: string[] = [];
				for (const [i, id] of ids.entries()) {
					// Every slide, on air now or later, is brought up by hand and checked.
					const shown = await page.evaluate((want) => {
						for (const s of document.querySelectorAll('[data-slide]')) {
							s.toggleAttribute('data-active', (s as HTMLElement).dataset.slide === want);
							s.toggleAttribute('inert', (s as HTMLElement).dataset.slide !== want);
						}
						const slide = document.querySelector<HTMLElement>(`[data-slide="${want}"]`)!;
						const boxes = [slide, ...slide.querySelectorAll<HTMLElement>('.slide__main')];
						const over = boxes
							.filter((b) => b.scrollHeight > b.clientHeight + 1)
							.map((b) => b.className);
						const texts = [
							...slide.querySelectorAll<HTMLElement>(
								'.summary, .title, .facts dd, .board td, .honours li',
							),
						]
							.filter((e) => e.getClientRects().length > 0)
							.map((e) => Number.parseFloat(getComputedStyle(e).fontSize));
						return { over, smallest: Math.min(...texts) };
					}, id);
					if (shown.over.length > 0) problems.push(`${id}: overflows in ${shown.over.join(', ')}`);
					if (shown.smallest < 40) problems.push(`${id}: text of ${shown.smallest}px`);
					if (SHOWCASE.test(id))
						await page.screenshot({
							path: join(
								SCREENS,
								`${orientation}-${theme}-${String(i).padStart(2, '0')}-${id}.png`,
							),
						});
				}
				expect(problems).toEqual([]);
				expect(
					await page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight),
				).toBe(true);
				expect(errors).toEqual([]);
				await page.context().close();
			},
		);
	});

	it('has no accessibility violations axe can find', async () => {
		const { page } = await open('display/', ORDINARY_DAY);
		// axe waits on timers of its own: let the clock run.
		await page.clock.resume();
		const results = await new AxeBuilder({ page }).analyze();
		expect(
			results.violations.map(
				(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
			),
		).toEqual([]);
		await page.context().close();
	});
});
