import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindQueries } from '../../scripts/bench/query.ts';
import { folderSize, median, treeRss } from '../../scripts/bench/scale.ts';
import { shardOf } from '../../scripts/bench/shards.ts';
import { addDays, countsFor, rng, synthesize } from '../../scripts/bench/synth.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { splitFrontMatter } from '../../src/lib/validate/read.ts';

const DEMO = join(import.meta.dirname, '../../content');
const work = mkdtempSync(join(tmpdir(), 'gongkai-synth-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('countsFor', () => {
	it.each([
		[
			10_000,
			{ notices: 10_000, modelWorkers: 1000, competitions: 300, policies: 1000, units: 200 },
		],
		[1000, { notices: 1000, modelWorkers: 100, competitions: 30, policies: 100, units: 20 }],
		[
			40_000,
			{ notices: 40_000, modelWorkers: 4000, competitions: 1200, policies: 4000, units: 800 },
		],
		[50, { notices: 50, modelWorkers: 5, competitions: 2, policies: 5, units: 6 }],
	])('scales the issue’s union to %i notices', (notices, counts) => {
		expect(countsFor(notices)).toEqual(counts);
	});
});

describe('the synthetic union', () => {
	it('is reproducible: the same seed gives the same numbers', () => {
		const [a, b] = [rng(7), rng(7)];
		expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
		expect(rng(8)()).not.toBe(rng(7)());
	});

	it.each([
		['2026-11-01', -1, '2026-10-31'],
		['2024-02-28', 1, '2024-02-29'],
		['2026-12-31', 1, '2027-01-01'],
	])('adds days across months and years: %s + (%s) → %s', (day, days, expected) => {
		expect(addDays(day, days)).toBe(expected);
	});

	it('passes npm run check and has pages that differ', async () => {
		const dir = join(work, 'union');
		const counts = countsFor(200);
		synthesize(dir, counts, DEMO);
		const result = await validateContent(dir);
		const errors = result.problems.filter((p) => p.severity !== 'warning');
		expect(errors).toEqual([]);
		const notices = readdirSync(join(dir, 'notices'), { recursive: true, encoding: 'utf8' }).filter(
			(f) => f.endsWith('.md'),
		);
		expect(notices).toHaveLength(200);
		expect(readdirSync(join(dir, 'units'))).toHaveLength(counts.units);
		const body = (f: string) =>
			splitFrontMatter(readFileSync(join(dir, 'notices', f), 'utf8')).body;
		expect(new Set(notices.map(body)).size).toBe(200);
	});
});

describe('measuring helpers', () => {
	it('adds up file sizes under a folder', () => {
		const dir = join(work, 'union');
		const all = folderSize(dir);
		const yaml = folderSize(dir, (f) => f.endsWith('.yaml'));
		expect(all.files).toBeGreaterThan(yaml.files);
		expect(yaml.bytes).toBeGreaterThan(0);
	});

	it('reads the resident memory of this process tree from /proc', () => {
		const { total, processes } = treeRss(process.pid);
		expect(processes).toBeGreaterThanOrEqual(1);
		// Within a factor of two of what Node itself reports.
		expect(total).toBeGreaterThan(process.memoryUsage().rss / 2);
	});
});

describe('search benchmarks', () => {
	it.each([
		['notices/2021/n04524/', 'notices-2021'],
		['notices/', 'other'],
		['notices/category/publicity/', 'other'],
		['policies/p0001/', 'other'],
		['', 'other'],
	])('puts %j in the shard %s', (path, shard) => {
		expect(shardOf(path)).toBe(shard);
	});

	it.each([
		['安全生产', false, ['安 全 生 产', '"安 全 生 产"']],
		['安全 生产', false, ['安 全 生 产']],
		['ISO-9001', false, ['iso-9001']],
		['安全生产', true, ['安全生产']],
		['  ', false, []],
	])('asks Pagefind what the search page asks for %j (raw: %s)', (query, raw, expected) => {
		expect(pagefindQueries(query, raw)).toEqual(expected);
	});
});

describe('median', () => {
	it('takes the middle of the rounds, or the mean of the two middle ones', () => {
		expect(median([1.9, 1.2, 1.5])).toBe(1.5);
		expect(median([2, 1, 4, 3])).toBe(2.5);
		expect(median([1.7])).toBe(1.7);
	});
});
