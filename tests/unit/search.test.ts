import { describe, expect, it } from 'vitest';
import { isSearchType, searchRecord, UNDATED_SORT_KEY } from '../../src/lib/search.ts';
import { toSimplified, toTraditional } from '../../src/lib/search-chinese.ts';

const qualityStation = {
	id: 'quality-inspection',
	name: '质量检测站',
	ancestorIds: ['hq', 'tech-center'],
};

describe('searchRecord', () => {
	it('files a notice under its unit and every unit above it, so 技术中心 finds its stations', () => {
		expect(
			searchRecord(
				{ type: 'notice', date: '2026-11-18T09:30', unit: 'quality-inspection', category: '公示' },
				qualityStation,
			),
		).toEqual({
			filters: {
				type: ['notice'],
				unit: ['hq', 'tech-center', 'quality-inspection'],
				year: ['2026'],
				category: ['公示'],
			},
			meta: {
				type: 'notice',
				unit: '质量检测站',
				unitId: 'quality-inspection',
				date: '2026-11-18T09:30',
				category: '公示',
			},
			sort: { date: '2026-11-18T09:30' },
		});
	});

	it('records a policy status as a filter and on the card', () => {
		const record = searchRecord(
			{ type: 'policy', date: '2016-05-20', unit: 'hq', status: '已废止' },
			{ id: 'hq', name: '公司工会', ancestorIds: [] },
		);
		expect(record.filters.status).toEqual(['已废止']);
		expect(record.filters.unit).toEqual(['hq']);
		expect(record.meta.status).toBe('已废止');
	});

	it.each([
		['a unit page', { type: 'unit' as const }],
		['a policy issued by an outside body', { type: 'policy' as const, category: '法律法规' }],
		['blank values', { type: 'notice' as const, date: ' ', category: '', status: ' ' }],
	])('gives %s the undated sort key so it stays in date-sorted results', (_, input) => {
		const record = searchRecord(input);
		expect(record.sort).toEqual({ date: UNDATED_SORT_KEY });
		expect(record.filters.year).toBeUndefined();
		expect(Object.keys(record.filters)).not.toContain('status');
	});

	it('sorts undated pages after every real date, newest first', () => {
		expect(['2026-01-01', UNDATED_SORT_KEY, '1999-12-31'].sort().reverse().at(-1)).toBe(
			UNDATED_SORT_KEY,
		);
	});
});

describe('isSearchType', () => {
	it.each([
		['notice', true],
		['model-worker', true],
		['display', false],
		['', false],
	])('%j → %s', (value, expected) => {
		expect(isSearchType(value)).toBe(expected);
	});
});

describe('Simplified ↔ Traditional', () => {
	it.each([
		['劳动模范', '勞動模範'],
		['职工疗休养', '職工療休養'],
		['总工发〔2006〕41号', '總工發〔2006〕41號'],
		['头发', '頭髮'],
		['发展', '發展'],
		['里面', '裡面'],
	])('%s ↔ %s', (simplified, traditional) => {
		expect(toTraditional(simplified)).toBe(traditional);
		expect(toSimplified(traditional)).toBe(simplified);
	});

	it.each([
		['裏面', '里面'],
		['爲了', '为了'],
		['衞生', '卫生'],
	])('reads Hong Kong and OpenCC forms too: %s → %s', (traditional, simplified) => {
		expect(toSimplified(traditional)).toBe(simplified);
	});
});
