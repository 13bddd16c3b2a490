import { describe, expect, it } from 'vitest';
import { rankProblems, rankResults, type ResultRow } from '../../src/lib/ranking.ts';

// Rows are written compactly: [name, score?, given rank?].
type Spec = [name: string, score?: number, rank?: number];
const rows = (...specs: Spec[]): ResultRow[] =>
	specs.map(([name, score, rank]) => ({
		name,
		type: '个人',
		unit: 'tech',
		...(score === undefined ? {} : { score }),
		...(rank === undefined ? {} : { rank }),
	}));
// What matters in the output: [name, rank, tied].
const summary = (ranked: ReturnType<typeof rankResults>) =>
	ranked.map((r) => [r.name, r.rank, r.tied]);

describe('rankResults', () => {
	it.each([
		[
			'ranks higher scores first in desc order',
			'desc',
			rows(['甲', 80], ['乙', 95], ['丙', 88]),
			[
				['乙', 1, false],
				['丙', 2, false],
				['甲', 3, false],
			],
		],
		[
			'ranks lower scores first in asc order (times)',
			'asc',
			rows(['甲', 12.5], ['乙', 11.9], ['丙', 13.1]),
			[
				['乙', 1, false],
				['甲', 2, false],
				['丙', 3, false],
			],
		],
		[
			'gives tied scores one rank and skips the next (1, 2, 2, 4)',
			'desc',
			rows(['甲', 90], ['乙', 85], ['丙', 85], ['丁', 70]),
			[
				['甲', 1, false],
				['乙', 2, true],
				['丙', 2, true],
				['丁', 4, false],
			],
		],
		[
			'keeps the original order within a tie',
			'desc',
			rows(['丙', 85], ['甲', 90], ['乙', 85]),
			[
				['甲', 1, false],
				['丙', 2, true],
				['乙', 2, true],
			],
		],
		[
			'puts rows without score or rank last, unranked, in their order',
			'desc',
			rows(['甲'], ['乙', 60], ['丙']),
			[
				['乙', 1, false],
				['甲', undefined, false],
				['丙', undefined, false],
			],
		],
		[
			'keeps a given rank on a row without a score',
			'desc',
			rows(['甲', undefined, 2], ['乙', undefined, 1]),
			[
				['乙', 1, false],
				['甲', 2, false],
			],
		],
		[
			'shows a given rank over the computed one',
			'desc',
			rows(['甲', 90, 2], ['乙', 80]),
			[
				['甲', 2, true],
				['乙', 2, true],
			],
		],
		['ranks an empty list as empty', 'desc', [], []],
	] as const)('%s', (_name, order, input, expected) => {
		expect(summary(rankResults([...input], order))).toEqual(expected);
	});

	it('keeps the computed rank beside the given one and copies every other field', () => {
		const row: ResultRow = {
			name: '安全班组',
			type: '团队',
			unit: 'ops',
			score: 91,
			scores: { safety: 45 },
			award: '一等奖',
			rank: 1,
		};
		expect(rankResults([row], 'desc')).toEqual([{ ...row, rank: 1, computedRank: 1, tied: false }]);
	});

	it('gives no computed rank to a row without a score', () => {
		expect(rankResults(rows(['甲', undefined, 3]), 'desc')[0]).not.toHaveProperty('computedRank');
	});
});

describe('rankProblems', () => {
	it.each([
		[
			'accepts ranks that agree with the scores',
			'desc',
			rows(['甲', 90, 1], ['乙', 85, 2], ['丙', 85, 2], ['丁', 70, 4]),
		],
		['accepts ranks in asc order', 'asc', rows(['甲', 10, 1], ['乙', 12, 2])],
		['accepts computed ranks alone', 'desc', rows(['甲', 90], ['乙', 85])],
		[
			'does not judge a given rank without a score',
			'desc',
			rows(['甲', undefined, 7], ['乙', 85, 1]),
		],
	] as const)('%s', (_name, order, input) => {
		expect(rankProblems([...input], order)).toEqual([]);
	});

	it.each([
		[
			'reports a rank that disagrees with the score',
			'desc',
			rows(['甲', 80, 1], ['乙', 90, 2]),
			[
				{
					field: 'results[0].rank',
					code: 'rankMismatch',
					params: { found: 1, expected: 2, name: '甲' },
				},
				{
					field: 'results[1].rank',
					code: 'rankMismatch',
					params: { found: 2, expected: 1, name: '乙' },
				},
			],
		],
		[
			'reports a shared rank without equal scores',
			'desc',
			rows(['甲', 90, 1], ['乙', 85, 2], ['丙', 84, 2]),
			[
				{
					field: 'results[2].rank',
					code: 'rankMismatch',
					params: { found: 2, expected: 3, name: '丙' },
				},
			],
		],
		[
			'reports a rank that ignores a tie (1, 2, 3 for 90, 85, 85)',
			'desc',
			rows(['甲', 90, 1], ['乙', 85, 2], ['丙', 85, 3]),
			[
				{
					field: 'results[2].rank',
					code: 'rankMismatch',
					params: { found: 3, expected: 2, name: '丙' },
				},
			],
		],
		[
			'reports ranks written for the wrong order',
			'asc',
			rows(['甲', 90, 1], ['乙', 85, 2]),
			[
				{
					field: 'results[0].rank',
					code: 'rankMismatch',
					params: { found: 1, expected: 2, name: '甲' },
				},
				{
					field: 'results[1].rank',
					code: 'rankMismatch',
					params: { found: 2, expected: 1, name: '乙' },
				},
			],
		],
	] as const)('%s', (_name, order, input, expected) => {
		expect(rankProblems([...input], order)).toEqual(expected);
	});
});
