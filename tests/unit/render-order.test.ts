import { describe, expect, it } from 'vitest';
import { announcedFirst, shardByShard, shardPagesFromEnv } from '../../src/lib/render-order.ts';
import { DEFAULT_SHARD_PAGES, planShards } from '../../src/lib/search-shards.ts';

const paths = (...names: string[]) => names.map((pathname) => ({ pathname }));

describe('announcedFirst', () => {
	it('renders the announced pages first, in the announced order, then the others in their own', () => {
		const order = announcedFirst(
			paths('/', '/notices/', '/notices/2025/b/', '/display/hq/', '/notices/2025/a/', '/units/hq/'),
			['notices/2025/a/', 'notices/2025/b/', 'units/hq/'],
		);
		expect(order.map((p) => p.pathname)).toEqual([
			'/notices/2025/a/',
			'/notices/2025/b/',
			'/units/hq/',
			'/',
			'/notices/',
			'/display/hq/',
		]);
	});

	it('keeps every path once, ignores announced pages that are not rendered, and matches without a trailing slash', () => {
		const input = paths('/rss.xml', '/a', '/b/');
		const order = announcedFirst(input, ['missing/', 'b/', 'a/']);
		expect(order.map((p) => p.pathname)).toEqual(['/b/', '/a', '/rss.xml']);
		expect(new Set(order)).toEqual(new Set(input));
	});

	it('leaves the order alone when nothing is announced', () => {
		const input = paths('/c/', '/a/', '/b/');
		expect(announcedFirst(input, [])).toEqual(input);
	});
});

describe('shardByShard', () => {
	// Path order, as announced: competitions, notices and policies of several years, undated units.
	const pages = [
		{ path: 'competitions/2024/c1/', date: '2024-03-01' },
		{ path: 'competitions/2026/c2/', date: '2026-04-01' },
		{ path: 'notices/2024/a/', date: '2024-05-01' },
		{ path: 'notices/2024/b/', date: '2024-06-01' },
		{ path: 'notices/2025/c/', date: '2025-01-01' },
		{ path: 'notices/2026/d/', date: '2026-02-01' },
		{ path: 'policies/2024/p/', date: '2024-07-01' },
		{ path: 'units/hq/' },
	];

	it('renders the plan shard by shard, the largest first, each in its own order', () => {
		const plan = planShards(pages, 3);
		const order = shardByShard(pages, 3);
		expect([...order].sort()).toEqual(pages.map((p) => p.path).sort());
		// Each shard's pages together, in the shard's order.
		const bySize = [...plan].sort((a, b) => b.paths.length - a.paths.length);
		expect(order).toEqual(bySize.flatMap((shard) => shard.paths));
		expect(order.slice(0, 3)).toEqual([
			'competitions/2024/c1/',
			'notices/2024/a/',
			'notices/2024/b/',
		]);
	});

	it('is the announced order when the site has one index', () => {
		expect(shardByShard(pages, DEFAULT_SHARD_PAGES)).toEqual(pages.map((p) => p.path));
	});

	it('reads the shard bound as the index does, with its default', () => {
		expect(shardPagesFromEnv('250')).toBe(250);
		expect(shardPagesFromEnv(undefined)).toBe(DEFAULT_SHARD_PAGES);
		expect(shardPagesFromEnv('')).toBe(DEFAULT_SHARD_PAGES);
		expect(shardPagesFromEnv('lots')).toBe(DEFAULT_SHARD_PAGES);
	});
});
