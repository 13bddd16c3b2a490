/** `policies/**`: 政策文件、制度、集体合同. */
import { z } from 'astro/zod';
import { attachment, civilDate, issue, text, type SchemaHelpers } from './common.ts';

export const POLICY_CATEGORIES = [
	'集体合同',
	'专项集体合同',
	'规章制度',
	'上级文件',
	'法律法规',
	'其他',
] as const;
export const POLICY_STATUSES = ['现行有效', '已修订', '已废止', '征求意见'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export function makePolicySchema(h: SchemaHelpers) {
	return z
		.object({
			/** Title. */
			title: text(),
			/** One of 集体合同, 专项集体合同, 规章制度, 上级文件, 法律法规, 其他. */
			category: z.enum(POLICY_CATEGORIES),
			/** Issuing unit (internal documents); or give `issuer`. */
			unit: h.reference('units').optional(),
			/** Issuing body as text (上级文件, laws); or give `unit`. */
			issuer: text().optional(),
			/** 文号. */
			docNumber: text().optional(),
			/** 发布/成文日期. */
			issued: civilDate(),
			/** 施行日期. */
			effective: civilDate().optional(),
			/** 现行有效 (default), 已修订, 已废止, 征求意见. */
			status: z.enum(POLICY_STATUSES).default('现行有效'),
			/** Ids of policies this one replaces; they show "superseded by" automatically. */
			supersedes: z.array(h.reference('policies')).default([]),
			/** Downloadable files next to the entry. */
			attachments: z.array(attachment()).default([]),
			/** One or two sentences; otherwise taken from the body. */
			summary: text().optional(),
		})
		.superRefine((p, ctx) => {
			if ((p.unit === undefined) === (p.issuer === undefined)) {
				ctx.addIssue({ ...issue('unitOrIssuer'), path: ['unit'] });
			}
		});
}
