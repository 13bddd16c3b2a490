/** `notices/**`: 公示、通知、公告 … (厂务公开). */
import { z } from 'astro/zod';
import { resolvePublicity, type Publicity } from '../lib/publicity.ts';
import { attachment, civilDate, flag, issue, tags, text, type SchemaHelpers } from './common.ts';

export const NOTICE_CATEGORIES = ['公示', '通知', '公告', '决议', '通报', '报告', '其他'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

/** 公示期: either an end date or a number of mainland working days. */
export const publicitySchema = z
	.object({
		/** First day of the period. */
		start: civilDate(),
		/** Last day of the period (inclusive). */
		end: civilDate().optional(),
		/** Length in mainland working days, counting the start day when it is one. */
		workingDays: z.number().int().min(1).max(60).optional(),
		/** Where to raise objections (异议反馈): office, person, phone, e-mail. */
		contact: text(),
	})
	.superRefine((p, ctx) => {
		if ((p.end === undefined) === (p.workingDays === undefined)) {
			ctx.addIssue({ ...issue('publicityEndOrDays'), path: ['end'] });
		}
		if (p.end !== undefined && p.end.slice(0, 10) < p.start.slice(0, 10)) {
			ctx.addIssue({
				...issue('endBeforeStart', { found: p.end, expected: `≥ ${p.start}` }),
				path: ['end'],
			});
		}
	})
	// The end of a working-day period is worked out once, here, for every page and screen.
	.transform((p): Publicity =>
		p.end === undefined && p.workingDays === undefined
			? { ...p, end: p.start, missingYears: [] }
			: resolvePublicity(p),
	);

export function makeNoticeSchema(h: SchemaHelpers) {
	return z
		.object({
			/** Title as printed on the notice board. */
			title: text(),
			/** One of 公示, 通知, 公告, 决议, 通报, 报告, 其他. */
			category: z.enum(NOTICE_CATEGORIES),
			/** Publishing unit (发布单位). */
			unit: h.reference('units'),
			/** Publication date (发布日期); a future date is published on that day. */
			date: civilDate(),
			/** 公示期 and 异议反馈; required for 公示. */
			publicity: publicitySchema.optional(),
			/** 文号, e.g. 工发〔2025〕3号. */
			docNumber: text().optional(),
			/** One or two sentences; otherwise taken from the body. */
			summary: text().optional(),
			/** Free keywords. */
			tags: tags(),
			/** Keeps it on top of the home page and the display. */
			pinned: flag(),
			/** After this date it leaves the home page and the display (stays in the archive). */
			expires: civilDate().optional(),
			/** Downloadable files next to the entry. */
			attachments: z.array(attachment()).default([]),
			/** Date of the last substantive change. */
			updated: civilDate().optional(),
			/** Shown in `dev`, never in a production build. */
			draft: flag(),
			/** 紧急通知: takes over the lobby display and tops the home page until `expires`. */
			urgent: flag(),
			/** The notice was withdrawn (已撤销): it stays with a banner, leaves lists and search. */
			withdrawn: z.object({ date: civilDate(), reason: text() }).optional(),
			/** Change notes for substantive edits (变更记录). */
			changes: z.array(z.object({ date: civilDate(), note: text() })).default([]),
		})
		.superRefine((n, ctx) => {
			if (n.category === '公示' && !n.publicity) {
				ctx.addIssue({ ...issue('publicityRequired'), path: ['publicity'] });
			}
			if (n.expires && n.expires.slice(0, 10) < n.date.slice(0, 10)) {
				ctx.addIssue({
					...issue('endBeforeStart', { found: n.expires, expected: `≥ ${n.date}` }),
					path: ['expires'],
				});
			}
		});
}
