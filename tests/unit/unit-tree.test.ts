import { describe, expect, it } from 'vitest';
import {
	buildUnitTree,
	drillDown,
	unitTreeProblems,
	unknownUnitProblem,
	type UnitLike,
} from '../../src/lib/unit-tree.ts';

type FileUnit = UnitLike & { file: string };
// Units written compactly: id, parent, name, order; the file follows from the id.
const unit = (id: string, parent?: string, name = id, order?: number): FileUnit => ({
	id,
	name,
	file: `units/${id}.yaml`,
	...(parent === undefined ? {} : { parent }),
	...(order === undefined ? {} : { order }),
});

// 集团工会 with three branches: ordered by `order`, then by pinyin.
const company: FileUnit[] = [
	unit('group', undefined, '集团公司工会'),
	unit('tech', 'group', '技术中心分工会', 2),
	unit('ops', 'group', '运营部分工会', 1),
	unit('hr', 'group', '人力资源部工会'),
	unit('finance', 'group', '财务部工会'),
	unit('tech/team-1', 'tech', '研发一组'),
	unit('tech/team-2', 'tech', '研发二组'),
	unit('tech/team-1/alpha', 'tech/team-1', 'Alpha 班组'),
];
const tree = buildUnitTree(company);
const ids = (units: UnitLike[]) => units.map((u) => u.id);

describe('buildUnitTree', () => {
	it('finds the root', () => {
		expect(tree.root.id).toBe('group');
	});

	it.each([
		['group', ['ops', 'tech', 'finance', 'hr']],
		['tech', ['tech/team-2', 'tech/team-1']],
		['tech/team-1/alpha', []],
	])('lists the children of %s by order, then by name in pinyin', (id, expected) => {
		expect(ids(tree.children(id))).toEqual(expected);
	});

	it.each([
		['group', []],
		['tech', ['group']],
		['tech/team-1/alpha', ['group', 'tech', 'tech/team-1']],
	])('lists the ancestors of %s from the root down', (id, expected) => {
		expect(ids(tree.ancestors(id))).toEqual(expected);
	});

	it.each([
		['tech', ['tech/team-2', 'tech/team-1', 'tech/team-1/alpha']],
		['ops', []],
	])('lists the descendants of %s depth-first', (id, expected) => {
		expect(ids(tree.descendants(id))).toEqual(expected);
	});

	it.each([
		['group', 0],
		['ops', 1],
		['tech/team-1/alpha', 3],
	])('puts %s at depth %i', (id, expected) => {
		expect(tree.depth(id)).toBe(expected);
	});

	it('collects a unit and everything under it', () => {
		expect(tree.selfAndDescendantIds('tech')).toEqual(
			new Set(['tech', 'tech/team-1', 'tech/team-2', 'tech/team-1/alpha']),
		);
	});

	it('walks every unit in display order', () => {
		expect(ids(tree.all())).toEqual([
			'group',
			'ops',
			'tech',
			'tech/team-2',
			'tech/team-1',
			'tech/team-1/alpha',
			'finance',
			'hr',
		]);
	});

	it.each([
		['tech', true],
		['nowhere', false],
	])('knows whether %s exists (%s)', (id, expected) => {
		expect(tree.has(id)).toBe(expected);
		expect(tree.get(id)?.id).toBe(expected ? id : undefined);
	});

	it('keeps the caller’s unit objects', () => {
		expect(tree.get('tech')).toBe(company[1]);
	});

	it.each(['children', 'ancestors', 'descendants', 'depth'] as const)(
		'throws for an unknown id in %s',
		(method) => {
			expect(() => tree[method]('nowhere')).toThrow(RangeError);
		},
	);

	it('refuses units that have problems', () => {
		expect(() => buildUnitTree([unit('a'), unit('b')])).toThrow(/unitManyRoots/);
	});
});

describe('unitTreeProblems', () => {
	it('accepts a sound tree', () => {
		expect(unitTreeProblems(company)).toEqual([]);
	});

	it.each([
		[
			'reports a parent that does not exist, with the nearest ids',
			[unit('group'), unit('tech', 'group'), unit('team', 'tehc')],
			[
				{
					file: 'units/team.yaml',
					field: 'parent',
					code: 'unitParentMissing',
					params: { found: 'tehc', expected: 'tech、team、group' },
				},
			],
		],
		[
			'reports a cycle once, on the file of its first unit by id',
			[unit('group'), unit('b', 'c'), unit('c', 'a'), unit('a', 'b')],
			[
				{
					file: 'units/a.yaml',
					field: 'parent',
					code: 'unitCycle',
					params: { found: 'a → b → c → a' },
				},
			],
		],
		[
			'reports a unit that is its own parent',
			[unit('group'), unit('self', 'self')],
			[
				{
					file: 'units/self.yaml',
					field: 'parent',
					code: 'unitCycle',
					params: { found: 'self → self' },
				},
			],
		],
		[
			'reports each of two cycles',
			[
				unit('group'),
				unit('x', 'y'),
				unit('y', 'x'),
				unit('p', 'q'),
				unit('q', 'p'),
				unit('under-x', 'x'),
			],
			[
				{
					file: 'units/p.yaml',
					field: 'parent',
					code: 'unitCycle',
					params: { found: 'p → q → p' },
				},
				{
					file: 'units/x.yaml',
					field: 'parent',
					code: 'unitCycle',
					params: { found: 'x → y → x' },
				},
			],
		],
		[
			'reports a tree without a root when every unit is in a cycle',
			[unit('a', 'b'), unit('b', 'a')],
			[
				{
					file: 'units/a.yaml',
					field: 'parent',
					code: 'unitCycle',
					params: { found: 'a → b → a' },
				},
				{ file: 'units/', field: '', code: 'unitNoRoot', params: {} },
			],
		],
		[
			'reports no root when there are no units',
			[],
			[{ file: 'units/', field: '', code: 'unitNoRoot', params: {} }],
		],
		[
			'reports every root when there is more than one',
			[unit('group'), unit('branch'), unit('tech', 'group')],
			[
				{
					file: 'units/branch.yaml',
					field: 'parent',
					code: 'unitManyRoots',
					params: { found: 'branch、group' },
				},
				{
					file: 'units/group.yaml',
					field: 'parent',
					code: 'unitManyRoots',
					params: { found: 'branch、group' },
				},
			],
		],
	])('%s', (_name, units, expected) => {
		expect(unitTreeProblems(units)).toEqual(expected);
	});
});

describe('unknownUnitProblem', () => {
	it.each([
		['tehc', 'unit', { found: 'tehc', expected: 'tech、hr、ops' }],
		['team-2', 'organizer', { found: 'team-2', expected: 'tech/team-2、tech/team-1、tech' }],
	])('suggests the nearest ids for %s in %s', (found, field, params) => {
		expect(unknownUnitProblem(found, field, ids(company))).toEqual({
			field,
			code: 'unknownUnit',
			params,
		});
	});

	it('suggests a dash when there are no units at all', () => {
		expect(unknownUnitProblem('tech', 'unit', [])).toEqual({
			field: 'unit',
			code: 'unknownUnit',
			params: { found: 'tech', expected: '—' },
		});
	});
});

describe('drillDown', () => {
	// hq ─┬─ d1 ─┬─ d1a
	//     │      └─ d1b ── d1b-x
	//     ├─ d2
	//     └─ d3 ── d3a
	const drill = buildUnitTree([
		unit('hq'),
		unit('d1', 'hq', 'd1', 1),
		unit('d1a', 'd1', 'd1a', 1),
		unit('d1b', 'd1', 'd1b', 2),
		unit('d1b-x', 'd1b'),
		unit('d2', 'hq', 'd2', 2),
		unit('d3', 'hq', 'd3', 3),
		unit('d3a', 'd3'),
	]);
	// In tree order, as the filter bar lists them.
	const shown = (current?: string) => {
		const offered = drillDown(drill, current);
		return drill
			.all()
			.map((u) => u.id)
			.filter((id) => offered.has(id));
	};

	it('offers the top and the level below it on a list not filtered by unit', () => {
		expect(shown()).toEqual(['hq', 'd1', 'd2', 'd3']);
	});

	it('offers the path to the unit, the unit and the units below it', () => {
		expect(shown('hq')).toEqual(['hq', 'd1', 'd2', 'd3']);
		expect(shown('d1')).toEqual(['hq', 'd1', 'd1a', 'd1b']);
		expect(shown('d1b')).toEqual(['hq', 'd1', 'd1b', 'd1b-x']);
	});

	it('offers the units beside a unit with none below it', () => {
		expect(shown('d1a')).toEqual(['hq', 'd1', 'd1a', 'd1b']);
		expect(shown('d1b-x')).toEqual(['hq', 'd1', 'd1b', 'd1b-x']);
		expect(shown('d2')).toEqual(['hq', 'd1', 'd2', 'd3']);
	});
});
