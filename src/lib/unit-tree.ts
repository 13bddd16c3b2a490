/**
 * The organisation tree (公司工会 → 分工会 → 工会小组 …) built from the
 * `parent` fields of `units/*.yaml`: the integrity checks the schema cannot
 * make (parents exist, no cycles, exactly one root) and the walks pages need
 * (breadcrumbs, sub-unit lists, "this unit and everything under it").
 */
import type { FieldProblem, Problem } from './problems.ts';
import { closest } from './suggest.ts';

/** What the tree needs of a unit. */
export interface UnitLike {
	id: string;
	name: string;
	parent?: string;
	order?: number;
}

/** A checked unit tree; lookups by id, lists in display order (by `order`, then name). */
export interface UnitTree<U extends UnitLike> {
	/** The one unit without a parent. */
	root: U;
	/** The unit with this id, if any. */
	get(id: string): U | undefined;
	/** True when a unit has this id. */
	has(id: string): boolean;
	/** Direct children in display order. */
	children(id: string): U[];
	/** From the root down to the parent, excluding the unit itself (for breadcrumbs). */
	ancestors(id: string): U[];
	/** Every unit below, depth-first in display order, excluding the unit itself. */
	descendants(id: string): U[];
	/** The ids of the unit and all units below it (to gather their notices). */
	selfAndDescendantIds(id: string): Set<string>;
	/** Levels below the root: the root is 0. */
	depth(id: string): number;
	/** Every unit, depth-first in display order from the root. */
	all(): U[];
}

/** How many ids an "unknown id" message suggests. */
const SUGGESTIONS = 3;

/** Problems with the tree as a whole: missing parents, cycles, no root or more than one. */
export function unitTreeProblems(units: Array<UnitLike & { file: string }>): Problem[] {
	const byId = new Map(units.map((u) => [u.id, u]));
	const ids = [...byId.keys()].sort();
	const problems: Problem[] = [];

	for (const unit of units) {
		if (unit.parent === undefined || byId.has(unit.parent)) continue;
		problems.push({
			file: unit.file,
			field: 'parent',
			code: 'unitParentMissing',
			params: { found: unit.parent, expected: suggestions(unit.parent, ids) },
		});
	}

	for (const cycle of findCycles(ids, (id) => byId.get(id)?.parent)) {
		problems.push({
			file: byId.get(cycle[0]!)!.file,
			field: 'parent',
			code: 'unitCycle',
			params: { found: [...cycle, cycle[0]].join(' → ') },
		});
	}

	const roots = ids.filter((id) => byId.get(id)!.parent === undefined);
	if (roots.length === 0) {
		problems.push({ file: 'units/', field: '', code: 'unitNoRoot', params: {} });
	} else if (roots.length > 1) {
		for (const id of roots) {
			problems.push({
				file: byId.get(id)!.file,
				field: 'parent',
				code: 'unitManyRoots',
				params: { found: roots.join('、') },
			});
		}
	}
	return problems;
}

/** A field naming a unit that does not exist, with the nearest existing ids as the suggestion. */
export function unknownUnitProblem(found: string, field: string, known: string[]): FieldProblem {
	return { field, code: 'unknownUnit', params: { found, expected: suggestions(found, known) } };
}

/** Builds the tree of units that passed `unitTreeProblems`; throws if they did not. */
export function buildUnitTree<U extends UnitLike>(units: U[]): UnitTree<U> {
	const problems = unitTreeProblems(units.map((u) => ({ ...u, file: u.id })));
	if (problems.length > 0) {
		throw new Error(
			`Unit tree is invalid: ${problems.map((p) => `${p.code} ${p.file} ${p.params.found ?? ''}`).join('; ')}`,
		);
	}
	const byId = new Map(units.map((u) => [u.id, u]));
	const collator = new Intl.Collator('zh-CN');
	// Units without `order` follow the ordered ones; the id breaks name ties so output is stable.
	const displayOrder = (a: U, b: U) =>
		(a.order ?? Infinity) - (b.order ?? Infinity) ||
		collator.compare(a.name, b.name) ||
		(a.id < b.id ? -1 : 1);
	const childrenOf = new Map<string, U[]>(units.map((u) => [u.id, []]));
	for (const unit of units) if (unit.parent !== undefined) childrenOf.get(unit.parent)!.push(unit);
	for (const list of childrenOf.values()) list.sort(displayOrder);
	const root = units.find((u) => u.parent === undefined)!;

	// Unit ids are checked before pages ask, so an unknown one is a bug: fail loudly.
	const unit = (id: string): U => {
		const found = byId.get(id);
		if (!found) throw new RangeError(`Unknown unit: ${id}`);
		return found;
	};
	const children = (id: string): U[] => {
		unit(id);
		return [...childrenOf.get(id)!];
	};
	const descendants = (id: string): U[] =>
		children(id).flatMap((child) => [child, ...descendants(child.id)]);
	const ancestors = (id: string): U[] => {
		const parent = unit(id).parent;
		return parent === undefined ? [] : [...ancestors(parent), unit(parent)];
	};

	return {
		root,
		get: (id) => byId.get(id),
		has: (id) => byId.has(id),
		children,
		ancestors,
		descendants,
		selfAndDescendantIds: (id) => new Set([id, ...descendants(id).map((u) => u.id)]),
		depth: (id) => ancestors(id).length,
		all: () => [root, ...descendants(root.id)],
	};
}

/**
 * The units a unit filter offers (drill-down), by id: from the list of unit
 * `id`, the path to it from the root, the unit, and the units one level
 * below it — or, for a unit with none below it, the units beside it; from
 * any other list (`id` undefined), the root and the units one level below
 * it. Every unit is a few clicks away, and a list page carries a few dozen
 * links instead of the whole tree (hundreds at a large union, on each of
 * thousands of list pages).
 */
export function drillDown<U extends UnitLike>(
	tree: UnitTree<U>,
	id: string | undefined,
): Set<string> {
	if (id === undefined)
		return new Set([tree.root, ...tree.children(tree.root.id)].map((u) => u.id));
	const below = tree.children(id);
	const parent = tree.get(id)?.parent;
	const around = below.length > 0 || parent === undefined ? below : tree.children(parent);
	return new Set([...tree.ancestors(id).map((u) => u.id), id, ...around.map((u) => u.id)]);
}

// '—' rather than an empty string, so a message never ends in a blank.
function suggestions(found: string, known: string[]): string {
	return closest(found, known, SUGGESTIONS).join('、') || '—';
}

// Follows parent links from each id in order; a walk that meets its own path
// has found a cycle. Each cycle is reported once, starting at its smallest id.
function findCycles(ids: string[], parentOf: (id: string) => string | undefined): string[][] {
	const done = new Set<string>();
	const cycles: string[][] = [];
	for (const start of ids) {
		const path: string[] = [];
		const onPath = new Map<string, number>();
		let id: string | undefined = start;
		while (id !== undefined && !done.has(id) && !onPath.has(id)) {
			onPath.set(id, path.length);
			path.push(id);
			id = parentOf(id);
		}
		if (id !== undefined && onPath.has(id)) {
			const cycle = path.slice(onPath.get(id));
			const first = cycle.indexOf([...cycle].sort()[0]!);
			cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
		}
		for (const seen of path) done.add(seen);
	}
	return cycles;
}
