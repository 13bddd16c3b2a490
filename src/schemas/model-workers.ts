/** `model-workers/**`: 劳模风采. The site publishes people, so it publishes the least it can. */
import { z } from 'astro/zod';
import { flag, text, type SchemaHelpers } from './common.ts';

export const HONOUR_LEVELS = ['全国', '省部级', '市级', '集团', '公司', '其他'] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];

export const honourSchema = z.object({
	/** Title of the honour, e.g. 全国五一劳动奖章. */
	title: text(),
	/** One of 全国, 省部级, 市级, 集团, 公司, 其他. */
	level: z.enum(HONOUR_LEVELS),
	/** Year awarded. */
	year: z.number().int().min(1949).max(2100),
	/** Awarding body. */
	awardedBy: text().optional(),
});

export function makeModelWorkerSchema<Image extends z.ZodType>(h: SchemaHelpers<Image>) {
	return z
		.object({
			/** The person's name. */
			name: text(),
			/** Unit the person belongs to. */
			unit: h.reference('units'),
			/** 岗位 / 职务. */
			position: text().optional(),
			/** Portrait (jpg, png, webp, avif) next to the entry; optimised at build, metadata stripped. */
			photo: h.image().optional(),
			/** Alt text of the photo; defaults to the name. */
			photoAlt: text().optional(),
			/** At least one honour; shown by level, then year. */
			honours: z.array(honourSchema).min(1),
			/** 劳模（职工）创新工作室 name. */
			studio: text().optional(),
			/** Personal motto. */
			motto: text().optional(),
			/** Puts the person in home and display spotlights. */
			featured: flag(),
			/** One or two sentences; otherwise taken from the body. */
			summary: text().optional(),
		})
		.transform((w) => ({
			...w,
			photoAlt: w.photoAlt ?? w.name,
			honours: [...w.honours].sort(
				(a, b) =>
					HONOUR_LEVELS.indexOf(a.level) - HONOUR_LEVELS.indexOf(b.level) || b.year - a.year,
			),
		}));
}
