/** `competitions/**`: 劳动竞赛、技能比武、安康杯 and their results. */
import { z } from 'astro/zod';
import { civilDate, issue, text, type SchemaHelpers } from './common.ts';

export const COMPETITION_KINDS = [
	'劳动竞赛',
	'技能竞赛',
	'安康杯',
	'合理化建议',
	'技术创新',
	'其他',
] as const;
export type CompetitionKind = (typeof COMPETITION_KINDS)[number];
export const RESULT_TYPES = ['个人', '团队'] as const;

/** A result row, inline or from a CSV file. */
export function makeResultRowSchema(h: SchemaHelpers) {
	return z.object({
		/** Rank; computed from `score` and `order` when absent (ties share a rank). */
		rank: z.number().int().min(1).optional(),
		/** Person or team name. */
		name: text(),
		/** 个人 (default) or 团队. */
		type: z.enum(RESULT_TYPES).default('个人'),
		/** Unit of the person or team. */
		unit: h.reference('units'),
		/** Total score. */
		score: z.number().optional(),
		/** Score per metric key. */
		scores: z.record(z.string(), z.number()).default({}),
		/** Award, e.g. 一等奖. */
		award: text().optional(),
		/** Remark. */
		note: text().optional(),
	});
}

export function makeCompetitionSchema(h: SchemaHelpers) {
	return z
		.object({
			/** Title. */
			title: text(),
			/** One of 劳动竞赛, 技能竞赛, 安康杯, 合理化建议, 技术创新, 其他. */
			kind: z.enum(COMPETITION_KINDS),
			/** Organising unit. */
			organizer: h.reference('units'),
			/** Period; no end means open-ended. */
			period: z
				.object({
					/** First day. */
					start: civilDate(),
					/** Last day (inclusive); none means open-ended. */
					end: civilDate().optional(),
				})
				.superRefine((p, ctx) => {
					if (p.end !== undefined && p.end.slice(0, 10) < p.start.slice(0, 10)) {
						ctx.addIssue({
							...issue('endBeforeStart', { found: p.end, expected: `≥ ${p.start}` }),
							path: ['end'],
						});
					}
				}),
			/** One or two sentences; otherwise taken from the body. */
			summary: text().optional(),
			/** Score columns. */
			metrics: z
				.array(
					z.object({
						/** Column key used in `scores` and CSV headers. */
						key: z.string().regex(/^[a-z][a-z0-9_-]*$/),
						/** Column heading. */
						label: text(),
						/** Unit of measure, e.g. 分, 秒. */
						unit: text().optional(),
					}),
				)
				.default([]),
			/** `desc` (default): higher score ranks first; `asc`: lower first. */
			order: z.enum(['desc', 'asc']).default('desc'),
			/** Result rows (or use `resultsFile`). */
			results: z.array(makeResultRowSchema(h)).optional(),
			/** A `.csv` file next to the entry with the same columns. */
			resultsFile: text().optional(),
			/** Date the results were published. */
			published: civilDate().optional(),
		})
		.superRefine((c, ctx) => {
			if (c.results && c.resultsFile)
				ctx.addIssue({ ...issue('resultsBoth'), path: ['resultsFile'] });
			if (c.resultsFile && !/\.csv$/i.test(c.resultsFile)) {
				ctx.addIssue({
					...issue('resultsFileCsv', { found: c.resultsFile }),
					path: ['resultsFile'],
				});
			}
			const keys = new Set(c.metrics.map((m) => m.key));
			c.results?.forEach((row, i) => {
				for (const key of Object.keys(row.scores)) {
					if (!keys.has(key)) {
						ctx.addIssue({
							...issue('unknownMetric', { found: key, expected: [...keys].join(', ') || '—' }),
							path: ['results', i, 'scores', key],
						});
					}
				}
			});
		});
}
