import { describe, expect, it } from 'vitest';
import { filterBarHtml, sharedFilterBarHtml, type FilterGroup } from '../../src/lib/filter-bar.ts';

const text = {
	base: '/gongkai/',
	label: '筛选',
	current: (value: string) => `：${value}`,
	count: (value: number) => value.toLocaleString('en'),
};

const groups: FilterGroup[] = [
	{
		label: '类别',
		options: [
			{ label: '全部', path: 'notices/', count: 1200 },
			{ label: '公示', path: 'notices/category/publicity/', count: 3, current: true },
		],
	},
	{ label: '年份', options: [{ label: '2026', path: 'notices/year/2026/', count: 3 }] },
	{
		label: '按单位',
		fold: true,
		options: [
			{ label: '集团工会', path: 'notices/unit/hq/', count: 5, depth: 0 },
			{ label: 'R&D <"一部">', path: 'notices/unit/rd/', count: 2, depth: 1, current: true },
			{ label: '深处', path: 'notices/unit/x/', depth: 6 },
		],
	},
];

describe('filterBarHtml', () => {
	const html = filterBarHtml(groups, text);

	it('links every option under the base, marks the current one, and leaves out groups without a choice', () => {
		expect(html.startsWith('<nav class="gk-filters gk-no-print" aria-label="筛选">')).toBe(true);
		expect(html).toContain(
			'<a class="gk-filter-option" href="/gongkai/notices/category/publicity/" aria-current="page">公示<span class="gk-filter-count">3</span></a>',
		);
		expect(html).toContain('全部<span class="gk-filter-count">1,200</span>');
		expect(html).not.toContain('年份');
		expect(html.match(/aria-current/g)).toHaveLength(2);
	});

	it('folds a long group into a disclosure, open on its active option, indented by depth', () => {
		expect(html).toContain(
			'<details class="gk-filter-group" open><summary class="gk-filter-summary">按单位<span class="gk-filter-active">：R&amp;D &lt;&quot;一部&quot;&gt;</span></summary><ul class="gk-filter-options gk-filter-options--tree">',
		);
		expect(html).toContain('<li class="gk-depth-1">');
		expect(html).toContain('<li class="gk-depth-4">');
		// Depth 0 gets no class; an option without a count gets no count.
		expect(html).toContain('<li><a class="gk-filter-option" href="/gongkai/notices/unit/hq/">');
		expect(html).toContain('>深处</a>');
	});

	it('escapes labels and paths', () => {
		expect(
			filterBarHtml(
				[{ label: "<b>'", options: [groups[0]!.options[0]!, { label: 'a', path: 'x"y/' }] }],
				text,
			),
		).toContain('<p class="gk-filter-label">&lt;b&gt;&#39;</p>');
		expect(
			filterBarHtml(
				[
					{
						label: 'g',
						options: [
							{ label: 'a', path: 'x"y/' },
							{ label: 'b', path: 'b/' },
						],
					},
				],
				text,
			),
		).toContain('href="/gongkai/x&quot;y/"');
	});

	it('is empty when nothing can be chosen', () => {
		expect(filterBarHtml([groups[1]!], text)).toBe('');
	});
});

describe('sharedFilterBarHtml', () => {
	it('makes the bar once for the pages sharing a groups array', () => {
		let asked = 0;
		const make = () => (asked++, text);
		const first = sharedFilterBarHtml(groups, make);
		expect(sharedFilterBarHtml(groups, make)).toBe(first);
		expect(asked).toBe(1);
		sharedFilterBarHtml([...groups], make);
		expect(asked).toBe(2);
	});
});
