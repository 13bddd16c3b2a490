import { describe, expect, it } from 'vitest';
import { announcedFirst } from '../../src/lib/render-order.ts';

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
