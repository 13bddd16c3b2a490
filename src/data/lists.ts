/**
 * The list pages of each collection as data: the whole list and one list per
 * facet value (category, year, unit with the units below it, status …),
 * each at its stable path, paginated, with the filter groups to show. Pages
 * turn these into `getStaticPaths` results with `listPaths`.
 */
import type { FilterBarText, FilterGroup, FilterOption } from '../lib/filter-bar.ts';
import {
	COMPETITION_KIND_SLUGS,
	HONOUR_LEVEL_SLUGS,
	NOTICE_CATEGORY_SLUGS,
	POLICY_CATEGORY_SLUGS,
	POLICY_STATUS_SLUGS,
	PUBLICITY_STATUS_SLUGS,
	yearsOf,
} from '../lib/filters.ts';
import { pageParam, paginate, type ListPage } from '../lib/pagination.ts';
import { drillDown } from '../lib/unit-tree.ts';
import type { Translate } from '../lib/problems.ts';
import { periodStatus } from '../lib/publicity.ts';
import {
	getSiteModel,
	type Competition,
	type ModelWorker,
	type Notice,
	type Policy,
} from './index.ts';
import { getViews } from './views.ts';

/** One list: where it lives, what it is called and what it holds. */
export interface ListSpec<T> {
	/** Path of the first page under the site base, e.g. `notices/category/publicity/`. */
	path: string;
	title: string;
	items: T[];
	/** `<facet>:<value>` of a filtered list; undefined for the whole list. */
	key?: string;
}

/** A facet: one list per value, shown as one filter group. */
export interface Facet<T> {
	name: string;
	label: string;
	fold?: boolean;
	/** The values offered on the list of `value` (undefined: a list not of this facet); default all. */
	offered?: (value: string | undefined) => ReadonlySet<string>;
	values: Array<{ value: string; label: string; depth?: number; spec: ListSpec<T> }>;
}

/** Everything a collection's list pages need. */
export interface Lists<T> {
	all: ListSpec<T>;
	facets: Facet<T>[];
}

/** Props of a list page. */
export interface ListView<T> {
	spec: ListSpec<T>;
	page: ListPage<T>;
	groups: FilterGroup[];
}

/** A facet's options as every list offers them (none of them current), made once per facet: a unit facet has hundreds, a large union about a thousand lists. */
const facetOptions = new WeakMap<
	Facet<unknown>,
	Array<{ value: string; key?: string; empty: boolean; option: FilterOption }>
>();

function optionsOf<T>(facet: Facet<T>) {
	let options = facetOptions.get(facet as Facet<unknown>);
	if (!options) {
		options = facet.values.map((v) => ({
			value: v.value,
			...(v.spec.key === undefined ? {} : { key: v.spec.key }),
			empty: v.spec.items.length === 0,
			option: {
				label: v.label,
				path: v.spec.path,
				count: v.spec.items.length,
				...(v.depth === undefined ? {} : { depth: v.depth }),
			},
		}));
		facetOptions.set(facet as Facet<unknown>, options);
	}
	return options;
}

/**
 * The filter groups of a list page, with the current list marked. A facet
 * that says which values it offers (the unit facet: the units around the
 * current one) offers those, even when their lists are empty.
 */
export function filterGroups<T>(
	lists: Lists<T>,
	current: ListSpec<T>,
	allLabel: string,
): FilterGroup[] {
	return lists.facets.map((facet, i) => {
		const options: FilterOption[] = [];
		if (i === 0)
			options.push({
				label: allLabel,
				path: lists.all.path,
				count: lists.all.items.length,
				current: current.key === undefined,
			});
		const entries = optionsOf(facet);
		const offered = facet.offered?.(entries.find((e) => e.key === current.key)?.value);
		for (const { value, key, empty, option } of entries) {
			if (key === current.key) options.push({ ...option, current: true });
			// Empty values stay reachable by URL but are not offered, unless the reader is on one.
			else if (offered ? offered.has(value) : !empty) options.push(option);
		}
		return { label: facet.label, ...(facet.fold ? { fold: true } : {}), options };
	});
}

/**
 * The filter bar's words and number format, one object per build (the
 * site model's): the markup of each option is made once for it, not once
 * per list (src/lib/filter-bar.ts).
 */
const barTexts = new WeakMap<object, FilterBarText>();
export function filterBarText(model: { site: { locale: string }; t: Translate }): FilterBarText {
	let text = barTexts.get(model);
	if (!text) {
		const number = new Intl.NumberFormat(model.site.locale);
		text = {
			base: import.meta.env.BASE_URL,
			label: model.t('filters.label'),
			current: (value) => model.t('filters.current', { value }),
			count: (value) => number.format(value),
		};
		barTexts.set(model, text);
	}
	return text;
}

/** `getStaticPaths` entries for every page of `specs`; `params(spec, page)` names the route params. */
function listPaths<T, P extends Record<string, string | undefined>>(
	lists: Lists<T>,
	specs: ListSpec<T>[],
	params: (spec: ListSpec<T>, page: number) => P,
	allLabel: string,
	pages: 'all' | 'first' | 'rest' = 'all',
): Array<{ params: P; props: ListView<T> }> {
	return specs.flatMap((spec) => {
		const groups = filterGroups(lists, spec, allLabel);
		return paginate(spec.items)
			.filter(
				(page) => pages === 'all' || (pages === 'first' ? page.number === 1 : page.number > 1),
			)
			.map((page) => ({ params: params(spec, page.number), props: { spec, page, groups } }));
	});
}

/** Paths of a facet route `<collection>/<facet>/[<facet>]/[...page]`: every value, every page. */
export async function facetPaths<T>(lists: Lists<T>, name: string) {
	const { t } = await getSiteModel();
	const facet = lists.facets.find((f) => f.name === name);
	if (!facet) throw new Error(`No facet "${name}"`);
	return facet.values.flatMap((v) =>
		listPaths(
			lists,
			[v.spec],
			(_, n) => ({ [name]: v.value, page: pageParam(n) }),
			t('filters.all'),
		),
	);
}

/** The first page of the whole list (`<collection>/index.astro`). */
export async function firstPage<T>(lists: Lists<T>): Promise<ListView<T>> {
	const { t } = await getSiteModel();
	return listPaths(lists, [lists.all], () => ({}), t('filters.all'), 'first')[0]!.props;
}

/** Pages 2… of the whole list (`<collection>/page/[page].astro`). */
export async function restPages<T>(lists: Lists<T>) {
	const { t } = await getSiteModel();
	return listPaths(lists, [lists.all], (_, n) => ({ page: String(n) }), t('filters.all'), 'rest');
}

/** Names each filtered list after the whole list and its filter: 公示公告：通知. */
function titled<T>(t: Translate, lists: Lists<T>): Lists<T> {
	for (const facet of lists.facets) {
		for (const v of facet.values)
			v.spec.title = t('list.filteredTitle', { list: lists.all.title, filter: v.spec.title });
	}
	return lists;
}

/** One list per unit (with the units below it), in tree order, for a unit facet. */
async function unitFacet<T>(
	collection: string,
	under: Map<string, T[]>,
	label: string,
): Promise<Facet<T>> {
	const { units } = await getSiteModel();
	const { unitName } = await getViews();
	return {
		name: 'unit',
		label,
		fold: true,
		offered: (id) => drillDown(units, id),
		values: units.all().map((u) => ({
			value: u.id,
			label: unitName(u.id),
			depth: units.depth(u.id),
			spec: {
				path: `${collection}/unit/${u.id}/`,
				title: u.name,
				items: under.get(u.id) ?? [],
				key: `unit:${u.id}`,
			},
		})),
	};
}

function vocabularyFacet<T, V extends string>(
	collection: string,
	name: string,
	label: string,
	slugs: Readonly<Record<V, string>>,
	labelOf: (slug: string) => string,
	items: T[],
	has: (item: T, value: V) => boolean,
): Facet<T> {
	return {
		name,
		label,
		values: (Object.keys(slugs) as V[]).map((value) => {
			const slug = slugs[value];
			return {
				value: slug,
				label: labelOf(slug),
				spec: {
					path: `${collection}/${name}/${slug}/`,
					title: labelOf(slug),
					items: items.filter((i) => has(i, value)),
					key: `${name}:${slug}`,
				},
			};
		}),
	};
}

function yearFacet<T>(
	collection: string,
	label: string,
	items: T[],
	dateOf: (item: T) => string,
	titleOf: (year: number) => string,
): Facet<T> {
	return {
		name: 'year',
		label,
		values: yearsOf(items.map(dateOf)).map((year) => ({
			value: String(year),
			label: String(year),
			spec: {
				path: `${collection}/year/${year}/`,
				title: titleOf(year),
				items: items.filter((i) => dateOf(i).startsWith(`${year}-`)),
				key: `year:${year}`,
			},
		})),
	};
}

let noticeCache: Promise<Lists<Notice>> | undefined;

/** Notice lists: all, by category, 公示 status, year and unit. Withdrawn notices are in none. */
export function noticeLists(): Promise<Lists<Notice>> {
	noticeCache ??= (async () => {
		const { t, site, builtAt } = await getSiteModel();
		const { listedNotices, noticesUnder } = await getViews();
		const statusOf = (n: Notice) =>
			n.data.publicity ? periodStatus(n.data.publicity, builtAt, site.timezone) : undefined;
		const status: Facet<Notice> = {
			name: 'status',
			label: t('filters.publicityStatus'),
			values: PUBLICITY_STATUS_SLUGS.map((slug) => ({
				value: slug,
				label: t(`status.${slug}`),
				spec: {
					path: `notices/status/${slug}/`,
					title: t(`status.${slug}`),
					items: listedNotices.filter((n) => statusOf(n) === slug),
					key: `status:${slug}`,
				},
			})),
		};
		return titled(t, {
			all: { path: 'notices/', title: t('nav.notices'), items: listedNotices },
			facets: [
				vocabularyFacet(
					'notices',
					'category',
					t('filters.category'),
					NOTICE_CATEGORY_SLUGS,
					(s) => t(`notice.category.${s}`),
					listedNotices,
					(n, v) => n.data.category === v,
				),
				status,
				yearFacet(
					'notices',
					t('filters.year'),
					listedNotices,
					(n) => n.data.date,
					(year) => t('filters.yearValue', { year }),
				),
				await unitFacet('notices', noticesUnder, t('filters.unit')),
			],
		});
	})();
	return noticeCache;
}

let workerCache: Promise<Lists<ModelWorker>> | undefined;

/** Model-worker lists: all, by honour level (anyone holding an honour of that level) and unit. */
export function modelWorkerLists(): Promise<Lists<ModelWorker>> {
	workerCache ??= (async () => {
		const { t, modelWorkers } = await getSiteModel();
		const { modelWorkersUnder } = await getViews();
		return titled(t, {
			all: { path: 'model-workers/', title: t('nav.modelWorkers'), items: modelWorkers },
			facets: [
				vocabularyFacet(
					'model-workers',
					'level',
					t('filters.honourLevel'),
					HONOUR_LEVEL_SLUGS,
					(s) => t(`honour.level.${s}`),
					modelWorkers,
					(w, v) => w.data.honours.some((h) => h.level === v),
				),
				await unitFacet('model-workers', modelWorkersUnder, t('filters.unit')),
			],
		});
	})();
	return workerCache;
}

let competitionCache: Promise<Lists<Competition>> | undefined;

/** Competition lists: all, by kind, status, year (of the start) and unit (organiser or results). */
export function competitionLists(): Promise<Lists<Competition>> {
	competitionCache ??= (async () => {
		const { t, site, builtAt, competitions } = await getSiteModel();
		const { competitionsUnder } = await getViews();
		const status: Facet<Competition> = {
			name: 'status',
			label: t('filters.status'),
			values: PUBLICITY_STATUS_SLUGS.map((slug) => ({
				value: slug,
				label: t(slug === 'open' ? 'status.running' : `status.${slug}`),
				spec: {
					path: `competitions/status/${slug}/`,
					title: t(slug === 'open' ? 'status.running' : `status.${slug}`),
					items: competitions.filter(
						(c) => periodStatus(c.data.period, builtAt, site.timezone) === slug,
					),
					key: `status:${slug}`,
				},
			})),
		};
		return titled(t, {
			all: { path: 'competitions/', title: t('nav.competitions'), items: competitions },
			facets: [
				vocabularyFacet(
					'competitions',
					'kind',
					t('filters.kind'),
					COMPETITION_KIND_SLUGS,
					(s) => t(`competition.kind.${s}`),
					competitions,
					(c, v) => c.data.kind === v,
				),
				status,
				yearFacet(
					'competitions',
					t('filters.year'),
					competitions,
					(c) => c.data.period.start,
					(year) => t('filters.yearValue', { year }),
				),
				await unitFacet('competitions', competitionsUnder, t('filters.unit')),
			],
		});
	})();
	return competitionCache;
}

let policyCache: Promise<Lists<Policy>> | undefined;

/** Policy lists: all, by category, validity status and issuing unit. */
export function policyLists(): Promise<Lists<Policy>> {
	policyCache ??= (async () => {
		const { t, policies } = await getSiteModel();
		const { policiesUnder } = await getViews();
		return titled(t, {
			all: { path: 'policies/', title: t('nav.policies'), items: policies },
			facets: [
				vocabularyFacet(
					'policies',
					'category',
					t('filters.category'),
					POLICY_CATEGORY_SLUGS,
					(s) => t(`policy.category.${s}`),
					policies,
					(p, v) => p.data.category === v,
				),
				vocabularyFacet(
					'policies',
					'status',
					t('filters.validity'),
					POLICY_STATUS_SLUGS,
					(s) => t(`policy.status.${s}`),
					policies,
					(p, v) => p.data.status === v,
				),
				await unitFacet('policies', policiesUnder, t('filters.issuingUnit')),
			],
		});
	})();
	return policyCache;
}
