import { describe, expect, it } from 'vitest';
import {
	pageFromParam,
	pageParam,
	pagePath,
	pageWindow,
	paginate,
} from '../../src/lib/pagination.ts';

describe('paginate', () => {
	it('cuts a list into pages of 20 by default', () => {
		const pages = paginate(Array.from({ length: 45 }, (_, i) => i));
		expect(pages.map((p) => [p.number, p.items.length, p.first, p.last])).toEqual([
			[1, 20, 1, 20],
			[2, 20, 21, 40],
			[3, 5, 41, 45],
		]);
		expect(pages.every((p) => p.pages === 3 && p.total === 45)).toBe(true);
	});

	it('keeps one empty page for an empty list, so the list URL exists', () => {
		expect(paginate([])).toEqual([{ items: [], number: 1, pages: 1, total: 0, first: 0, last: 0 }]);
	});

	it('makes exactly full pages without an empty last one', () => {
		expect(paginate(Array.from({ length: 40 }), 20)).toHaveLength(2);
	});

	it('rejects a page size that is not a positive integer', () => {
		expect(() => paginate([1], 0)).toThrow(RangeError);
		expect(() => paginate([1], 2.5)).toThrow(RangeError);
	});
});

describe('page paths and params', () => {
	it.each([
		['notices/', 1, 'notices/'],
		['notices/', 2, 'notices/page/2/'],
		['notices/category/publicity/', 3, 'notices/category/publicity/page/3/'],
	])('puts page %s/%i at %s', (list, n, expected) => {
		expect(pagePath(list, n)).toBe(expected);
	});

	it.each([
		[undefined, 1],
		['', 1],
		['page/2', 2],
		['page/12', 12],
		['page/1', undefined],
		['page/0', undefined],
		['page/02', undefined],
		['other/2', undefined],
	])('reads the route param %s as page %s', (param, expected) => {
		expect(pageFromParam(param)).toBe(expected);
	});

	it('writes no param for the first page', () => {
		expect(pageParam(1)).toBeUndefined();
		expect(pageParam(4)).toBe('page/4');
	});
});

describe('pageWindow', () => {
	it.each([
		[1, 1, [1]],
		[1, 3, [1, 2, 3]],
		[1, 10, [1, 2, 3, 'gap', 10]],
		[6, 20, [1, 'gap', 4, 5, 6, 7, 8, 'gap', 20]],
		[4, 20, [1, 2, 3, 4, 5, 6, 'gap', 20]],
		[20, 20, [1, 'gap', 18, 19, 20]],
	])('around page %i of %i shows %o', (current, pages, expected) => {
		expect(pageWindow(current, pages)).toEqual(expected);
	});

	it('shows a single skipped page as its number, not an ellipsis', () => {
		expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});
});
