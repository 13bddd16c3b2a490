/**
 * Filtered lists as static pages: URL slugs for the fixed vocabularies of the
 * content model (notice categories, honour levels, competition kinds, policy
 * categories and statuses), the years of an archive, and grouping of entries
 * by unit where a unit's list includes everything of the units below it.
 */

/** Notice categories (公示, 通知 …) → URL slug; the slug is also the i18n key suffix. */
export const NOTICE_CATEGORY_SLUGS = {
	公示: 'publicity',
	通知: 'notice',
	公告: 'announcement',
	决议: 'resolution',
	通报: 'bulletin',
	报告: 'report',
	其他: 'other',
} as const;

/** Honour levels, highest first. */
export const HONOUR_LEVEL_SLUGS = {
	全国: 'national',
	省部级: 'provincial',
	市级: 'city',
	集团: 'group',
	公司: 'company',
	其他: 'other',
} as const;

export const COMPETITION_KIND_SLUGS = {
	劳动竞赛: 'labour',
	技能竞赛: 'skills',
	安康杯: 'ankang-cup',
	合理化建议: 'suggestions',
	技术创新: 'innovation',
	其他: 'other',
} as const;

export const POLICY_CATEGORY_SLUGS = {
	集体合同: 'collective-contract',
	专项集体合同: 'special-contract',
	规章制度: 'rules',
	上级文件: 'higher-level',
	法律法规: 'laws',
	其他: 'other',
} as const;

export const POLICY_STATUS_SLUGS = {
	现行有效: 'in-force',
	已修订: 'revised',
	已废止: 'repealed',
	征求意见: 'consultation',
} as const;

/** 公示 status on a day: 未开始 / 公示中 / 已结束. */
export const PUBLICITY_STATUS_SLUGS = ['open', 'upcoming', 'closed'] as const;

/** The slug of a vocabulary value. */
export function slugOf<V extends string, S extends string>(
	map: Readonly<Record<V, S>>,
	value: V,
): S {
	return map[value];
}

/** The vocabulary value of a slug, or `undefined`. */
export function valueOfSlug<V extends string, S extends string>(
	map: Readonly<Record<V, S>>,
	slug: string,
): V | undefined {
	return (Object.keys(map) as V[]).find((value) => map[value] === slug);
}

/** The years of civil dates, newest first, each once. */
export function yearsOf(dates: Iterable<string>): number[] {
	const years = new Set<number>();
	for (const date of dates) years.add(Number(date.slice(0, 4)));
	return [...years].sort((a, b) => b - a);
}

/** Items grouped by a key, keeping their order; the groups come in the order their first item appears. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}

/**
 * Items by unit, where each unit's list also holds the items of every unit
 * below it (a 分工会's list includes its 班组). Items keep their order. An item
 * may name several units (a competition's organiser and its result units);
 * it appears once per unit even when two of them share an ancestor.
 */
export function byUnitWithAncestors<T>(
	items: Iterable<T>,
	unitsOf: (item: T) => Iterable<string>,
	ancestorsOf: (unitId: string) => Iterable<string>,
): Map<string, T[]> {
	const lists = new Map<string, T[]>();
	for (const item of items) {
		const reached = new Set<string>();
		for (const unit of unitsOf(item)) {
			reached.add(unit);
			for (const ancestor of ancestorsOf(unit)) reached.add(ancestor);
		}
		for (const unit of reached) {
			const list = lists.get(unit);
			if (list) list.push(item);
			else lists.set(unit, [item]);
		}
	}
	return lists;
}
