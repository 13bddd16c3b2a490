import { describe, expect, it } from 'vitest';
import {
	looseWords,
	parseManifest,
	planShards,
	shardedSearch,
	shardManifest,
	shardYear,
	SHARD_FILTER,
	type ShardManifest,
	type ShardPage,
	type ShardSearchOptions,
	type ShardSearchResponse,
} from '../../src/lib/search-shards.ts';

/** `n` pages of `year`, dated through the year (`notices/<year>/<i>/`). */
function year(y: string, n: number, from = 0): ShardPage[] {
	return Array.from({ length: n }, (_, i) => ({
		path: `notices/${y}/${String(from + i).padStart(3, '0')}/`,
		date: `${y}-${String(1 + ((from + i) % 12)).padStart(2, '0')}-${String(1 + (from + i))
			.padStart(2, '0')
			.slice(-2)}`,
	}));
}
const undated = (n: number): ShardPage[] =>
	Array.from({ length: n }, (_, i) => ({ path: `units/u${i}/` }));
const summary = (pages: ShardPage[], max: number) =>
	planShards(pages, max).map((s) => `${s.key}:${s.dir}:${s.paths.length}`);

describe('shardYear', () => {
	it.each([
		['2025-10-08', '2025'],
		['2025-10-08T09:30', '2025'],
		['0000-00-00', 'undated'],
		[undefined, 'undated'],
		['', 'undated'],
		['soon', 'undated'],
	])('%j → %s', (date, expected) => {
		expect(shardYear(date)).toBe(expected);
	});
});

describe('planShards', () => {
	it.each<[string, ShardPage[], number, string[]]>([
		['one index up to the bound', [...year('2025', 3), ...undated(2)], 5, ['all:pagefind/:5']],
		['one index for an empty site', [], 5, ['all:pagefind/:0']],
		[
			'newest year first, past years, undated last',
			[...year('2024', 3), ...year('2025', 3), ...year('2026', 2), ...undated(2)],
			5,
			[
				'2026:pagefind/:2',
				'2025:pagefind-2025/:3',
				'2024:pagefind-2024/:3',
				'undated:pagefind-undated/:2',
			],
		],
		[
			'past years packed up to the bound, oldest first',
			[
				...year('2020', 1),
				...year('2021', 1),
				...year('2022', 1),
				...year('2023', 4),
				...year('2026', 1),
			],
			4,
			['2026:pagefind/:1', '2023:pagefind-2023/:4', '2020-2022:pagefind-2020-2022/:3'],
		],
		[
			'a year above the bound in parts, newest part first',
			[...year('2025', 1), ...year('2026', 5)],
			2,
			[
				'2026-p3:pagefind/:1',
				'2026-p2:pagefind-2026-p2/:2',
				'2026-p1:pagefind-2026-p1/:2',
				'2025:pagefind-2025/:1',
			],
		],
		[
			'a past year above the bound fills the open pack, its remainder opens the next',
			[...year('2021', 1), ...year('2022', 3), ...year('2023', 1), ...year('2026', 1)],
			2,
			[
				'2026:pagefind/:1',
				'2023:pagefind-2023/:1',
				'2022:pagefind-2022/:2',
				'2021-2022:pagefind-2021-2022/:2',
			],
		],
		[
			'years a little above the bound make a shard per bound, not two a year',
			[...year('2022', 5), ...year('2023', 5), ...year('2024', 5), ...year('2026', 1)],
			4,
			[
				'2026:pagefind/:1',
				'2024:pagefind-2024/:3',
				'2023-2024:pagefind-2023-2024/:4',
				'2022-2023:pagefind-2022-2023/:4',
				'2022-p1:pagefind-2022-p1/:4',
			],
		],
		[
			'only undated pages',
			undated(5),
			2,
			[
				'undated-p3:pagefind/:1',
				'undated-p2:pagefind-undated-p2/:2',
				'undated-p1:pagefind-undated-p1/:2',
			],
		],
	])('%s', (_, pages, max, expected) => {
		expect(summary(pages, max)).toEqual(expected);
	});

	it('never exceeds the bound and places every page once', () => {
		const pages = [
			...year('2019', 7),
			...year('2020', 2),
			...year('2024', 9),
			...year('2026', 11),
			...undated(6),
		];
		for (const max of [1, 2, 3, 5, 8, 13]) {
			const plan = planShards(pages, max);
			expect(plan.every((s) => s.paths.length <= max)).toBe(true);
			expect(plan.flatMap((s) => s.paths).sort()).toEqual(pages.map((p) => p.path).sort());
			expect(new Set(plan.map((s) => s.dir)).size).toBe(plan.length);
		}
	});

	it('makes shards disjoint date ranges, newest first', () => {
		const pages = [...year('2024', 9), ...year('2025', 4), ...year('2026', 7), ...undated(3)];
		const plan = planShards(pages, 3);
		const dated = plan.filter((s) => s.from);
		for (let i = 1; i < dated.length; i++) expect(dated[i]!.to! <= dated[i - 1]!.from!).toBe(true);
		expect(plan.at(-1)!.from).toBeUndefined();
	});

	it('keeps the given page order inside a shard (the indexer breaks ties by it)', () => {
		const pages = [...year('2026', 3)].reverse();
		const [shard] = planShards([...pages, ...undated(3)], 3);
		expect(shard!.paths).toEqual(pages.map((p) => p.path));
	});

	it('changes only the newest shard when a page is added to the newest year', () => {
		const before = [
			...year('2019', 3),
			...year('2020', 3),
			...year('2025', 5),
			...year('2026', 5),
			...undated(2),
		];
		const after = [...before, ...year('2026', 1, 5)];
		for (const max of [3, 4, 6]) {
			const a = planShards(before, max);
			const b = planShards(after, max);
			expect(b.slice(1), `bound ${max}`).toEqual(a.slice(1));
			expect(b[0]!.paths.length).toBe(a[0]!.paths.length + 1);
		}
	});

	it('changes only the shard of a past year that gets a page', () => {
		const before = [...year('2022', 2), ...year('2023', 3), ...year('2024', 2), ...year('2026', 1)];
		const after = [...before, ...year('2024', 1, 2)];
		const keys = (pages: ShardPage[]) =>
			planShards(pages, 3).map((s) => `${s.key}:${s.paths.length}`);
		expect(keys(before)).toEqual(['2026:1', '2024:2', '2023:3', '2022:2']);
		expect(keys(after)).toEqual(['2026:1', '2024:3', '2023:3', '2022:2']);
	});
});

describe('the shard manifest', () => {
	const plan = planShards([...year('2025', 2), ...year('2026', 2), ...undated(1)], 2);

	it('lists the shards newest first with their sizes and date ranges', () => {
		expect(shardManifest(plan)).toEqual({
			version: 1,
			filter: SHARD_FILTER,
			shards: [
				{ key: '2026', dir: 'pagefind/', pages: 2, from: '2026-01-01', to: '2026-02-02' },
				{ key: '2025', dir: 'pagefind-2025/', pages: 2, from: '2025-01-01', to: '2025-02-02' },
				{ key: 'undated', dir: 'pagefind-undated/', pages: 1 },
			],
		});
	});

	it('reads back what it wrote and refuses anything else', () => {
		const manifest = shardManifest(plan);
		expect(parseManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
		for (const bad of [
			null,
			'x',
			{ ...manifest, version: 2 },
			{ ...manifest, shards: [] },
			{ ...manifest, shards: manifest.shards.slice(1) },
			{ ...manifest, shards: [...manifest.shards, { key: 'x', dir: '../x/' }] },
			{ ...manifest, filter: 3 },
		])
			expect(parseManifest(bad)).toBeUndefined();
	});
});

describe('looseWords', () => {
	it.each([
		['安 康 杯', ['安', '康', '杯']],
		['  工 会 工 ', ['工', '会']],
		['"安 康 杯"', []],
		['', []],
		[null, []],
	])('%j → %j', (term, words) => {
		expect(looseWords(term)).toEqual(words);
	});
});

// ---------------------------------------------------------------- a fake Pagefind

interface FakePage {
	id: string;
	shard: string;
	date: string;
	words: string[];
}
interface Result {
	id: string;
	score: number;
}

/**
 * Pagefind's merged search, as far as sharding is concerned: each shard drops
 * the search words it lacks, filters by the synthetic shard filter, sorts by
 * date into a position score, and the merge orders everything by score.
 */
function fakePagefind(pages: FakePage[], shards: string[]) {
	const calls: string[] = [];
	const search = async (
		term: string | null,
		options: ShardSearchOptions = {},
	): Promise<ShardSearchResponse<Result>> => {
		calls.push(`${term ?? '∅'} ${JSON.stringify(options.filters ?? {})}`);
		const wanted = options.filters?.[SHARD_FILTER]?.any;
		const direction = Object.values(options.sort ?? {})[0];
		const results: Result[] = [];
		const filters: Record<string, number> = {};
		const totals: Record<string, number> = {};
		for (const shard of shards) {
			const own = pages.filter((p) => p.shard === shard);
			const vocabulary = new Set(own.flatMap((p) => p.words));
			const words = (term ?? '').replaceAll('"', '').split(/\s+/).filter(Boolean);
			const known = words.filter((w) => vocabulary.has(w));
			const matching =
				words.length > 0 && known.length === 0
					? []
					: own.filter((p) => known.every((w) => p.words.includes(w)));
			totals[shard] = matching.length;
			const kept = wanted && !wanted.includes(shard) ? [] : matching;
			filters[shard] = kept.length;
			const byDate = [...own].sort((a, b) => a.date.localeCompare(b.date));
			for (const page of kept) {
				const position = byDate.indexOf(page);
				const score = direction === 'asc' ? -position : direction ? position : page.words.length;
				results.push({ id: page.id, score });
			}
		}
		results.sort((a, b) => b.score - a.score);
		return {
			results,
			filters: { [SHARD_FILTER]: filters },
			totalFilters: { [SHARD_FILTER]: totals },
		};
	};
	return { search, calls };
}

describe('shardedSearch', () => {
	const pages: FakePage[] = [
		{ id: 'n26b', shard: '2026', date: '2026-05-01', words: ['安', '康', '杯', '通', '报'] },
		{ id: 'n26a', shard: '2026', date: '2026-02-01', words: ['安', '康', '杯'] },
		{ id: 'n25b', shard: '2025', date: '2025-09-01', words: ['安', '康', '通', '报'] },
		{ id: 'n25a', shard: '2025', date: '2025-03-01', words: ['安', '康'] },
		{ id: 'n24', shard: '2024', date: '2024-06-01', words: ['安', '康', '杯', '报', '通'] },
		{ id: 'u1', shard: 'undated', date: '0000-00-00', words: ['安', '全'] },
	];
	const keys = ['2026', '2025', '2024', 'undated'];
	const manifest: ShardManifest = {
		version: 1,
		filter: SHARD_FILTER,
		shards: keys.map((key, i) => ({ key, dir: i ? `pagefind-${key}/` : 'pagefind/', pages: 1 })),
	};
	const ids = (r: ShardSearchResponse<Result> | null) => r?.results.map((x) => x.id);

	it('is the search itself for a single index', () => {
		const { search } = fakePagefind(pages, keys);
		expect(shardedSearch(search, { ...manifest, shards: manifest.shards.slice(0, 1) })).toBe(
			search,
		);
	});

	it('keeps out pages of shards that lack one of the words', async () => {
		const { search } = fakePagefind(pages, keys);
		// Pagefind alone: 2025 has no 杯, so it answers with its pages that have 安 and 康;
		// the undated shard has neither 康 nor 杯, so its page with 安 comes too.
		expect(ids(await search('安 康 杯'))?.sort()).toEqual([
			'n24',
			'n25a',
			'n25b',
			'n26a',
			'n26b',
			'u1',
		]);
		const sharded = shardedSearch(search, manifest);
		expect(ids(await sharded('安 康 杯'))?.sort()).toEqual(['n24', 'n26a', 'n26b']);
	});

	it('drops a word the whole site lacks, as one index does', async () => {
		const { search } = fakePagefind(pages, keys);
		const sharded = shardedSearch(search, manifest);
		expect(ids(await sharded('安 康 杯 龘'))?.sort()).toEqual(['n24', 'n26a', 'n26b']);
	});

	it('finds nothing when no shard has every word', async () => {
		const { search } = fakePagefind(pages, keys);
		const sharded = shardedSearch(search, manifest);
		expect(ids(await sharded('杯 全'))).toEqual([]);
	});

	it('looks each word up once per page load', async () => {
		const { search, calls } = fakePagefind(pages, keys);
		const sharded = shardedSearch(search, manifest);
		await sharded('安 康 杯');
		await sharded('安 康 杯', { filters: { type: { any: ['notice'] } } });
		await sharded('康 杯');
		expect(calls.filter((c) => c.includes('\\u0000none'))).toHaveLength(3);
	});

	it('leaves quoted phrases and single words to Pagefind', async () => {
		const { search, calls } = fakePagefind(pages, keys);
		const sharded = shardedSearch(search, manifest);
		await sharded('"安 康 杯"');
		await sharded('杯');
		expect(calls).toHaveLength(2);
	});

	it.each([
		['desc', ['n26b', 'n26a', 'n25b', 'n25a', 'n24', 'u1']],
		['asc', ['u1', 'n24', 'n25a', 'n25b', 'n26a', 'n26b']],
	] as const)('orders by date across shards (%s)', async (direction, expected) => {
		const { search } = fakePagefind(pages, keys);
		// Pagefind alone mixes shards up: positions within a shard are not comparable.
		expect(ids(await search(null, { sort: { date: direction } }))).not.toEqual(expected);
		const sharded = shardedSearch(search, manifest);
		const response = await sharded(null, { sort: { date: direction } });
		expect(ids(response)).toEqual(expected);
		expect(response?.filters[SHARD_FILTER]).toEqual({ 2026: 2, 2025: 2, 2024: 1, undated: 1 });
	});

	it('sorts the shards that have results only', async () => {
		const { search, calls } = fakePagefind(pages, keys);
		const sharded = shardedSearch(search, manifest);
		expect(ids(await sharded('通', { sort: { date: 'desc' } }))).toEqual(['n26b', 'n25b', 'n24']);
		expect(calls.filter((c) => c.includes(`"${SHARD_FILTER}"`))).toHaveLength(3);
		calls.length = 0;
		expect(ids(await sharded('全', { sort: { date: 'asc' } }))).toEqual(['u1']);
		expect(calls).toHaveLength(1);
	});
});
