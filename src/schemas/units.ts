/** `units/*.yaml`: one file per union body (组织). */
import { z } from 'astro/zod';
import { text, type SchemaHelpers } from './common.ts';

export function makeUnitSchema(h: SchemaHelpers) {
	return z.object({
		/** Full name, e.g. 技术中心分工会. */
		name: text(),
		/** Short name for lists and breadcrumbs; defaults to the full name. */
		shortName: text().optional(),
		/** Id of the parent unit; exactly one unit (the root) has none. */
		parent: h.reference('units').optional(),
		/** Kind of body: 公司工会, 分工会, 部门工会, 工会小组, 班组 … */
		kind: text().optional(),
		/** Sorts siblings (then by name); default 0. */
		order: z.number().default(0),
		/** Short Markdown description. */
		description: z.string().trim().optional(),
		/** Public contact of the unit. */
		contact: z
			.object({
				person: text().optional(),
				phone: text().optional(),
				email: text().optional(),
				location: text().optional(),
			})
			.default({}),
		/** 会员人数. */
		members: z.number().int().min(0).optional(),
	});
}
