/** `site.yaml`: the union itself and site-wide settings. */
import { z } from 'astro/zod';
import { issue, text } from './common.ts';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Sections a lobby screen can show, in the default order. */
export const DISPLAY_SECTIONS = [
	'urgent',
	'publicity',
	'notices',
	'honours',
	'competitions',
] as const;
export type DisplaySection = (typeof DISPLAY_SECTIONS)[number];

function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

export const siteSchema = z
	.object({
		/** 工会全称, e.g. 示例集团有限公司工会委员会. */
		name: text(),
		/** Short name for headers and screens; defaults to the full name. */
		shortName: text().optional(),
		/** One sentence for the home page and feeds. */
		description: text().optional(),
		/** UI language; default zh-CN. */
		locale: z.enum(LOCALES).default('zh-CN'),
		/** IANA time zone in which content dates are read; default Asia/Shanghai. */
		timezone: z
			.string()
			.default('Asia/Shanghai')
			.superRefine((zone, ctx) => {
				if (!isTimeZone(zone)) ctx.addIssue(issue('invalidTimeZone', { found: zone }));
			}),
		/** Absolute public URL (with any sub-path); needed for feeds, sitemap and QR codes. */
		url: z.url({ protocol: /^https?$/ }).optional(),
		/** The union office: public contact details. */
		contact: z
			.object({
				phone: text().optional(),
				email: text().optional(),
				address: text().optional(),
				hours: text().optional(),
			})
			.default({}),
		/** Footer lines: free text and the ICP 备案号. */
		footer: z.object({ text: text().optional(), icp: text().optional() }).default({}),
		/** Lobby-screen defaults. */
		display: z
			.object({
				/** Seconds each slide stays up; default 15. */
				slideSeconds: z.number().int().min(5).max(600).default(15),
				/** Which sections rotate, in order; default all. */
				sections: z
					.array(z.enum(DISPLAY_SECTIONS))
					.min(1)
					.default([...DISPLAY_SECTIONS]),
			})
			.default({ slideSeconds: 15, sections: [...DISPLAY_SECTIONS] }),
	})
	.transform((site) => ({ ...site, shortName: site.shortName ?? site.name }));

export type SiteConfig = z.output<typeof siteSchema>;
