/**
 * Indexes over the site model that several pages read, built once per
 * build: listed notices (withdrawn ones keep their page but leave lists),
 * everything per unit including the units below it, policy succession, and
 * positions for previous/next links. Linear in the size of the content, so
 * a union with ten thousand notices builds as fast per page as the demo.
 */
import { byUnitWithAncestors, groupBy } from '../lib/filters.ts';
import {
	getSiteModel,
	type Competition,
	type ModelWorker,
	type Notice,
	type Policy,
	type SiteModel,
} from './index.ts';
import { competitionResults, competitionUnits, refId, unitOf } from './entries.ts';

export interface SiteViews {
	/** Notices that appear in lists, feeds and search: published and not withdrawn; newest first. */
	listedNotices: Notice[];
	/** Position of each listed notice in `listedNotices`. */
	noticeIndex: Map<string, number>;
	/** Listed notices by their own publishing unit. */
	noticesOfUnit: Map<string, Notice[]>;
	/** Listed notices of each unit and the units below it. */
	noticesUnder: Map<string, Notice[]>;
	modelWorkersUnder: Map<string, ModelWorker[]>;
	/** Competitions organised by, or with results of, each unit and the units below it. */
	competitionsUnder: Map<string, Competition[]>;
	policiesUnder: Map<string, Policy[]>;
	/** Policies that replace a policy (its "superseded by"). */
	supersededBy: Map<string, Policy[]>;
	/** Ids of the ancestors of each unit, root first. */
	ancestorIds: (unitId: string) => string[];
	/** Display name of a unit: its short name, else its name. */
	unitName: (unitId: string) => string;
}

let cached: Promise<SiteViews> | undefined;

/** The indexes, built once per build. */
export function getViews(): Promise<SiteViews> {
	cached ??= getSiteModel().then(build);
	return cached;
}

function build(model: SiteModel): SiteViews {
	const { units } = model;
	const ancestorsMemo = new Map<string, string[]>();
	const ancestorIds = (unitId: string): string[] => {
		let ids = ancestorsMemo.get(unitId);
		if (!ids) {
			ids = units.ancestors(unitId).map((u) => u.id);
			ancestorsMemo.set(unitId, ids);
		}
		return ids;
	};
	const listedNotices = model.notices.filter((n) => n.data.withdrawn === undefined);
	const noticeIndex = new Map(listedNotices.map((n, i) => [n.id, i]));
	const supersededBy = new Map<string, Policy[]>();
	for (const policy of model.policies) {
		for (const ref of policy.data.supersedes) {
			const id = refId(ref);
			supersededBy.set(id, [...(supersededBy.get(id) ?? []), policy]);
		}
	}
	// Results are read (and CSV files parsed) once here; pages reuse the cache.
	for (const c of model.competitions) competitionResults(c);
	return {
		listedNotices,
		noticeIndex,
		noticesOfUnit: groupBy(listedNotices, (n) => unitOf(n)!),
		noticesUnder: byUnitWithAncestors(listedNotices, (n) => [unitOf(n)!], ancestorIds),
		modelWorkersUnder: byUnitWithAncestors(model.modelWorkers, (w) => [unitOf(w)!], ancestorIds),
		competitionsUnder: byUnitWithAncestors(model.competitions, competitionUnits, ancestorIds),
		policiesUnder: byUnitWithAncestors(
			model.policies,
			(p) => {
				const unit = unitOf(p);
				return unit === undefined ? [] : [unit];
			},
			ancestorIds,
		),
		supersededBy,
		ancestorIds,
		unitName: (unitId) => {
			const unit = units.get(unitId);
			return unit ? (unit.entry.data.shortName ?? unit.name) : unitId;
		},
	};
}
