/**
 * Scheduled publishing through the daily rebuild: a notice dated in the
 * future is nowhere in the built site — no page, no list entry, no feed or
 * sitemap line, no search record — until a build runs on its day; an expired
 * notice leaves the home page but keeps its page and its place in the list.
 *
 * Two real builds of a five-file fixture (tests/fixtures/scheduled) in a
 * private engine copy, with GONGKAI_NOW standing in for the clock.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEngine } from '../../scripts/bench/engine.ts';

const run = promisify(execFile);
const FIXTURE = join(import.meta.dirname, '../fixtures/scheduled');
const SCHEDULED = 'notices/2026/scheduled';
const TITLE = '关于元旦慰问困难职工的公示';

let work: string;
let engine: string;

/** Builds the fixture as if the clock read `instant` (an ISO time with offset). */
async function buildAt(instant: string, out: string): Promise<string> {
	const dir = join(work, out);
	await run(process.execPath, ['scripts/build.ts'], {
		cwd: engine,
		env: {
			...process.env,
			CONTENT_DIR: FIXTURE,
			OUT_DIR: dir,
			GONGKAI_NOW: String(Date.parse(instant)),
			ASTRO_TELEMETRY_DISABLED: '1',
		},
		maxBuffer: 64 * 1024 * 1024,
	});
	return dir;
}

/** Every text file of a built site (not the binary search index), path → content. */
function textFiles(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]) {
		if (/\.(html|xml|json|txt|js|webmanifest)$/.test(name) && !name.startsWith('_astro')) {
			out.set(name, readFileSync(join(dir, name), 'utf8'));
		}
	}
	return out;
}

const mentions = (files: Map<string, string>, needle: string) =>
	[...files].filter(([, text]) => text.includes(needle)).map(([name]) => name);

let before: string;
let onTheDay: string;

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'gongkai-scheduled-'));
	engine = isolatedEngine(join(work, 'engine'));
	// 23:30 on the eve, then 00:10 on the day, Shanghai time: the daily rebuild's two sides of midnight.
	before = await buildAt('2026-11-30T23:30:00+08:00', 'before');
	onTheDay = await buildAt('2026-12-01T00:10:00+08:00', 'on-the-day');
}, 240_000);

afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
});

describe('a notice dated 2026-12-01', () => {
	it('is nowhere in a build made the evening before', () => {
		expect(existsSync(join(before, SCHEDULED))).toBe(false);
		const files = textFiles(before);
		expect(files.size).toBeGreaterThan(5);
		expect(mentions(files, SCHEDULED)).toEqual([]);
		expect(mentions(files, TITLE)).toEqual([]);
	});

	it('is not in the search index the evening before', () => {
		// One fragment per indexed page: the day's build has exactly one more.
		const pages = readdirSync(join(before, 'pagefind', 'fragment')).length;
		const after = readdirSync(join(onTheDay, 'pagefind', 'fragment')).length;
		expect(after).toBe(pages + 1);
	});

	it('is published by the first build on its day: page, list, feed and sitemap', () => {
		expect(existsSync(join(onTheDay, SCHEDULED, 'index.html'))).toBe(true);
		const files = textFiles(onTheDay);
		expect(files.get(`${SCHEDULED}/index.html`)).toContain(TITLE);
		expect(files.get('notices/index.html')).toContain(`/${SCHEDULED}/`);
		const feeds = [...files.keys()].filter((f) => f.endsWith('.xml'));
		expect(feeds.length).toBeGreaterThan(0);
		expect(mentions(files, SCHEDULED).filter((f) => f.endsWith('.xml')).length).toBeGreaterThan(0);
	});
});

describe('a notice that expired on 2026-11-10', () => {
	it('has left the home page', () => {
		const home = readFileSync(join(onTheDay, 'index.html'), 'utf8');
		expect(home).toContain('/notices/2026/published/');
		expect(home).not.toContain('/notices/2026/expired/');
	});

	it('keeps its page and its place in the notice list', () => {
		expect(existsSync(join(onTheDay, 'notices/2026/expired/index.html'))).toBe(true);
		expect(readFileSync(join(onTheDay, 'notices/index.html'), 'utf8')).toContain(
			'/notices/2026/expired/',
		);
	});
});
