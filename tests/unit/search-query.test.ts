import { describe, expect, it } from 'vitest';
import {
	excerptSegments,
	facetOptions,
	intersectIds,
	pagefindFilters,
	pagefindSort,
	parseState,
	planSearch,
	plainText,
	queryTokens,
	relevanceOrder,
	stateToParams,
} from '../../src/lib/search-query.ts';

describe('queryTokens', () => {
	it.each([
		['李秀英', ['李', '秀', '英']],
		['总工发〔2006〕41号', ['总', '工', '发', '2006', '41', '号']],
		['华精工女[2024]2号', ['华', '精', '工', '女', '2024', '2', '号']],
		['华精工发【2026】第9号', ['华', '精', '工', '发', '2026', '9', '号']],
		['〔2026〕31号', ['2026', '31', '号']],
		['ISO-9001 质量', ['iso-9001', '质', '量']],
		['会费 41.6 万元', ['会', '费', '41.6', '万', '元']],
		['“安康杯”！', ['安', '康', '杯']],
		['……', []],
	])('splits %j into index words', (query, tokens) => {
		expect(queryTokens(query)).toEqual(tokens);
	});
});

describe('planSearch', () => {
	it('searches one typed word as an exact phrase, with a loose fallback', () => {
		expect(planSearch(' 安康杯 ')).toEqual({
			loose: '安 康 杯',
			phrases: ['"安 康 杯"'],
			strict: true,
		});
	});

	it('matches a single character or word loosely (Pagefind matches prefixes)', () => {
		expect(planSearch('杯')).toEqual({ loose: '杯', phrases: [], strict: false });
		expect(planSearch('2026')).toEqual({ loose: '2026', phrases: [], strict: false });
	});

	it('requires every word of a multi-word query and prefers pages with each phrase', () => {
		expect(planSearch('安康杯  通报')).toEqual({
			loose: '安 康 杯 通 报',
			phrases: ['"安 康 杯"', '"通 报"'],
			strict: false,
		});
	});

	it('ignores punctuation-only words and returns nothing for an empty query', () => {
		expect(planSearch('安康杯 ！')?.strict).toBe(true);
		expect(planSearch('  ')).toBeUndefined();
		expect(planSearch('？')).toBeUndefined();
	});
});

describe('relevanceOrder', () => {
	it('orders the result set by the loose ranking', () => {
		expect(relevanceOrder(['c', 'a', 'b'], ['a', 'x', 'b', 'c'])).toEqual(['a', 'b', 'c']);
	});

	it('puts preferred pages first, keeping the ranking within each group', () => {
		expect(relevanceOrder(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'], new Set(['c', 'd']))).toEqual(
			['c', 'd', 'a', 'b'],
		);
	});

	it('keeps ids the loose ranking lacks after the ranked ones, in their order', () => {
		expect(relevanceOrder(['z', 'a', 'y'], ['a'])).toEqual(['a', 'z', 'y']);
	});
});

describe('intersectIds', () => {
	it.each([
		[
			[
				['a', 'b', 'c'],
				['c', 'a'],
			],
			['a', 'c'],
		],
		[[['a'], []], []],
		[[], []],
		[[['a', 'b']], ['a', 'b']],
	])('intersects %j', (lists, expected) => {
		expect([...intersectIds(lists)]).toEqual(expected);
	});
});

const text = (segments: Array<{ text: string; mark: boolean }>) =>
	segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('excerptSegments', () => {
	it.each([
		['plain text', '通知正文', '通知正文'],
		[
			'one mark per phrase, not per character',
			'职工<mark>疗</mark><mark>休</mark><mark>养</mark>工作',
			'职工[疗休养]工作',
		],
		['zero-width spaces removed', '李\u200b秀\u200b英<mark>同\u200b志</mark>', '李秀英[同志]'],
		['entities decoded', 'A&amp;B &lt;规定&gt; &#x4E2D;&#20013;', 'A&B <规定> 中中'],
		[
			'文号 brackets restored, highlighted with the year',
			'见<mark>总</mark><mark>工</mark><mark>发</mark> <mark>2006</mark> <mark>41</mark><mark>号</mark>。',
			'见[总工发〔2006〕41号]。',
		],
		['文号 restored without marks', '依据华精工发 2025 29号文件', '依据华精工发〔2025〕29号文件'],
		[
			'a space between two marks joins them',
			'<mark>安康杯</mark> <mark>通报</mark>',
			'[安康杯 通报]',
		],
		['other tags dropped', '<b>粗</b><mark>体</mark>', '粗[体]'],
	])('%s', (_, excerpt, expected) => {
		expect(text(excerptSegments(excerpt))).toBe(expected);
	});
});

describe('plainText', () => {
	it('cleans a title from the index', () => {
		expect(plainText('关\u200b于\u200b<安康杯>')).toBe('关于<安康杯>');
		expect(plainText('R&amp;D')).toBe('R&amp;D');
	});
});

describe('search state in the URL', () => {
	it('reads the query, the filters and the sort', () => {
		const state = parseState(
			new URLSearchParams(
				'q=+安康杯+&unit=tech-center&unit=hq&unit=hq&type=notice&year=&sort=newest&x=1',
			),
		);
		expect(state).toEqual({
			q: '安康杯',
			filters: { unit: ['tech-center', 'hq'], type: ['notice'] },
			sort: 'newest',
		});
	});

	it('falls back to relevance for an unknown sort', () => {
		expect(parseState(new URLSearchParams('sort=random')).sort).toBe('relevance');
	});

	it('round-trips, leaving defaults out', () => {
		const state = {
			q: '李秀英',
			filters: { type: ['model-worker'], status: ['现行有效'] },
			sort: 'relevance' as const,
		};
		expect(stateToParams(state).toString()).toBe(
			'q=%E6%9D%8E%E7%A7%80%E8%8B%B1&type=model-worker&status=%E7%8E%B0%E8%A1%8C%E6%9C%89%E6%95%88',
		);
		expect(parseState(stateToParams(state))).toEqual(state);
	});
});

describe('Pagefind arguments', () => {
	it('ORs values within a filter and ANDs filters, optionally leaving one out', () => {
		const filters = { unit: ['tech-center', 'logistics'], year: ['2026'], type: [] };
		expect(pagefindFilters(filters)).toEqual({
			unit: { any: ['tech-center', 'logistics'] },
			year: { any: ['2026'] },
		});
		expect(pagefindFilters(filters, 'unit')).toEqual({ year: { any: ['2026'] } });
	});

	it.each([
		['relevance', undefined],
		['newest', { date: 'desc' }],
		['oldest', { date: 'asc' }],
	] as const)('sorts %s', (sort, expected) => {
		expect(pagefindSort(sort)).toEqual(expected);
	});
});

describe('facetOptions', () => {
	const context = {
		units: [
			{ id: 'hq', name: '公司工会', depth: 0 },
			{ id: 'tech-center', name: '技术中心', depth: 1 },
			{ id: 'quality-inspection', name: '质量检测站', depth: 2 },
			{ id: 'logistics', name: '物流中心', depth: 1 },
		],
		typeLabel: (type: string) => `[${type}]`,
		locale: 'zh-CN',
	};
	const labels = (options: Array<{ label: string; count: number; checked: boolean }>) =>
		options.map((o) => `${o.label}:${o.count}${o.checked ? '✓' : ''}`);

	it('lists types in their fixed order, without empty ones', () => {
		expect(labels(facetOptions('type', { unit: 1, notice: 3 }, [], context))).toEqual([
			'[notice]:3',
			'[unit]:1',
		]);
	});

	it('keeps units in tree order with their depth, and a selected unit even at zero', () => {
		const options = facetOptions(
			'unit',
			{ hq: 5, 'quality-inspection': 2 },
			['logistics'],
			context,
		);
		expect(labels(options)).toEqual(['公司工会:5', '质量检测站:2', '物流中心:0✓']);
		expect(options.map((o) => o.depth)).toEqual([0, 2, 1]);
	});

	it('puts the newest year first and other values by count, then by name', () => {
		expect(labels(facetOptions('year', { '2025': 9, '2026': 1 }, [], context))).toEqual([
			'2026:1',
			'2025:9',
		]);
		expect(labels(facetOptions('category', { 通知: 2, 公示: 5, 报告: 2 }, [], context))).toEqual([
			'公示:5',
			'报告:2',
			'通知:2',
		]);
	});
});
