import { describe, expect, it } from 'vitest';
import { awardGroups, commonUnit, resultsCsv, scoreColumnLabel } from '../../src/lib/results.ts';
import { rankResults } from '../../src/lib/ranking.ts';

const withUnit = (label: string, unit: string) => `${label}（${unit}）`;

describe('scoreColumnLabel and commonUnit', () => {
	it.each([
		[
			[
				{ key: 'a', label: 'A', unit: '秒' },
				{ key: 'b', label: 'B', unit: '秒' },
			],
			'总成绩（秒）',
			'秒',
		],
		[
			[
				{ key: 'a', label: 'A', unit: '%' },
				{ key: 'b', label: 'B', unit: '分' },
			],
			'总成绩',
			undefined,
		],
		[[{ key: 'a', label: 'A' }], '总成绩', undefined],
		[[], '总成绩', undefined],
	])('metrics %o give %s', (metrics, label, unit) => {
		expect(scoreColumnLabel(metrics, '总成绩', withUnit)).toBe(label);
		expect(commonUnit(metrics)).toBe(unit);
	});
});

describe('awardGroups', () => {
	it('groups rows by award in ranking order and skips rows without one', () => {
		const groups = awardGroups([
			{ name: 'a', award: '一等奖' },
			{ name: 'b', award: '二等奖' },
			{ name: 'c', award: '二等奖' },
			{ name: 'd' },
		]);
		expect(groups.map((g) => [g.award, g.rows.map((r) => r.name)])).toEqual([
			['一等奖', ['a']],
			['二等奖', ['b', 'c']],
		]);
	});
});

describe('resultsCsv', () => {
	const rows = rankResults(
		[
			{
				name: '刘俊杰',
				type: '个人',
				unit: 'cnc-team',
				score: 1456,
				scores: { rough: 812 },
				award: '一等奖',
			},
			{
				name: '孙浩, "浩子"',
				type: '个人',
				unit: 'grinding-team',
				score: 1502,
				scores: { rough: 838 },
				note: '第二行\n备注',
			},
			{ name: '黄振宇', type: '个人', unit: 'cnc-team', score: 1502 },
		],
		'asc',
	).map((r) => ({
		...r,
		unitName: r.unit === 'cnc-team' ? '数控班组' : '磨工班组',
		typeLabel: r.type,
	}));
	const csv = resultsCsv(rows, [{ key: 'rough', label: '粗加工用时', unit: '秒' }], {
		rank: '名次',
		name: '姓名',
		type: '类型',
		unit: '单位',
		score: '总成绩',
		award: '奖项',
		note: '备注',
		withUnit,
		tiedRank: (rank) => `${rank}（并列）`,
	});

	it('starts with a BOM so that Excel reads UTF-8, and ends lines with CRLF', () => {
		expect(csv.startsWith('\uFEFF名次,姓名,类型,单位,粗加工用时（秒）,总成绩,奖项,备注\r\n')).toBe(
			true,
		);
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('writes computed ranks with ties marked, unit names and quoted cells', () => {
		const lines = csv.slice(1).split('\r\n');
		expect(lines[1]).toBe('1,刘俊杰,个人,数控班组,812,1456,一等奖,');
		expect(lines[2]).toBe('2（并列）,"孙浩, ""浩子""",个人,磨工班组,838,1502,,"第二行\n备注"');
		expect(lines[3]).toBe('2（并列）,黄振宇,个人,数控班组,,1502,,');
	});
});
