import { describe, expect, it } from 'vitest';
import {
	byUnitWithAncestors,
	COMPETITION_KIND_SLUGS,
	groupBy,
	HONOUR_LEVEL_SLUGS,
	NOTICE_CATEGORY_SLUGS,
	POLICY_CATEGORY_SLUGS,
	POLICY_STATUS_SLUGS,
	slugOf,
	valueOfSlug,
	yearsOf,
} from '../../src/lib/filters.ts';
import { NOTICE_CATEGORIES } from '../../src/schemas/notices.ts';
import { HONOUR_LEVELS } from '../../src/schemas/model-workers.ts';
import { COMPETITION_KINDS } from '../../src/schemas/competitions.ts';
import { POLICY_CATEGORIES, POLICY_STATUSES } from '../../src/schemas/policies.ts';

describe.each([
	['notice categories', NOTICE_CATEGORIES, NOTICE_CATEGORY_SLUGS],
	['honour levels', HONOUR_LEVELS, HONOUR_LEVEL_SLUGS],
	['competition kinds', COMPETITION_KINDS, COMPETITION_KIND_SLUGS],
	['policy categories', POLICY_CATEGORIES, POLICY_CATEGORY_SLUGS],
	['policy statuses', POLICY_STATUSES, POLICY_STATUS_SLUGS],
] as const)('slugs of %s', (_, values, slugs) => {
	it('cover every value of the schema, in its order', () => {
		expect(Object.keys(slugs)).toEqual([...values]);
	});
	it('are unique URL segments that map back to their value', () => {
		const list = Object.values(slugs) as string[];
		expect(new Set(list).size).toBe(list.length);
		const map = slugs as Readonly<Record<string, string>>;
		for (const value of values as readonly string[]) {
			const slug = slugOf(map, value);
			expect(slug).toMatch(/^[a-z][a-z-]*$/);
			expect(valueOfSlug(map, slug)).toBe(value);
		}
	});
});

describe('valueOfSlug', () => {
	it('finds nothing for an unknown slug', () => {
		expect(valueOfSlug(NOTICE_CATEGORY_SLUGS, 'nope')).toBeUndefined();
	});
});

describe('yearsOf', () => {
	it('lists each year once, newest first', () => {
		expect(yearsOf(['2025-03-01', '2026-11-20T16:30', '2025-12-31', '2024-01-01'])).toEqual([
			2026, 2025, 2024,
		]);
	});
});

describe('groupBy', () => {
	it('keeps item order and first-seen group order', () => {
		const groups = groupBy(['a1', 'b1', 'a2', 'c1', 'b2'], (s) => s[0]);
		expect([...groups]).toEqual([
			['a', ['a1', 'a2']],
			['b', ['b1', 'b2']],
			['c', ['c1']],
		]);
	});
});

describe('byUnitWithAncestors', () => {
	// hq ─ m1 ─ cnc
	//    └ tech
	const parents: Record<string, string[]> = { hq: [], m1: ['hq'], cnc: ['hq', 'm1'], tech: ['hq'] };
	const ancestors = (id: string) => parents[id]!;

	it('lists an item under its unit and every unit above it', () => {
		const lists = byUnitWithAncestors(
			[
				{ id: 'n1', unit: 'cnc' },
				{ id: 'n2', unit: 'tech' },
				{ id: 'n3', unit: 'm1' },
			],
			(n) => [n.unit],
			ancestors,
		);
		expect(lists.get('hq')?.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
		expect(lists.get('m1')?.map((n) => n.id)).toEqual(['n1', 'n3']);
		expect(lists.get('cnc')?.map((n) => n.id)).toEqual(['n1']);
		expect(lists.get('tech')?.map((n) => n.id)).toEqual(['n2']);
	});

	it('lists an item with several units once per unit, even when they share an ancestor', () => {
		const lists = byUnitWithAncestors(
			[{ id: 'c1', units: ['m1', 'cnc', 'tech'] }],
			(c) => c.units,
			ancestors,
		);
		expect(lists.get('hq')).toHaveLength(1);
		expect(lists.get('m1')).toHaveLength(1);
		expect(lists.get('tech')).toHaveLength(1);
	});
});
