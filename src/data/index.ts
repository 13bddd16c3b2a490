/**
 * The only place pages read content. Loads every collection once per build,
 * drops what must not be published (drafts in production, notices dated in
 * the future) and builds the unit tree. Everything else is src/lib/.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { dayAt } from '../lib/dates.ts';
import { buildUnitTree, type UnitTree } from '../lib/unit-tree.ts';
import { announceSearchPages } from './search-pages.ts';
import { translator } from '../i18n/index.ts';
import type { SiteConfig } from '../schemas/site.ts';

export type Unit = CollectionEntry<'units'>;
export type Notice = CollectionEntry<'notices'>;
export type ModelWorker = CollectionEntry<'model-workers'>;
export type Competition = CollectionEntry<'competitions'>;
export type Policy = CollectionEntry<'policies'>;

export interface UnitRecord {
	id: string;
	name: string;
	parent?: string;
	order: number;
	entry: Unit;
}

export interface SiteModel {
	site: SiteConfig;
	/** The day the build ran, in the site time zone (`YYYY-MM-DD`). */
	buildDay: string;
	/** Epoch milliseconds of the build. */
	builtAt: number;
	units: UnitTree<UnitRecord>;
	/** Published notices, newest first (withdrawn ones included: their pages stay). */
	notices: Notice[];
	modelWorkers: ModelWorker[];
	competitions: Competition[];
	policies: Policy[];
	t: ReturnType<typeof translator>;
}

let cached: Promise<SiteModel> | undefined;

/** "Now" for this build: GONGKAI_NOW (ISO date-time or epoch ms, for tests and previews) or the clock. */
function buildInstant(value: string | undefined): number {
	if (!value) return Date.now();
	const instant = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
	if (Number.isNaN(instant)) throw new Error(`GONGKAI_NOW is not a date-time: ${value}`);
	return instant;
}

/** Whether an entry is published in this build: drafts only in dev. */
function published(draft: boolean | undefined): boolean {
	return import.meta.env.DEV || !draft;
}

async function load(): Promise<SiteModel> {
	const [siteEntry] = await getCollection('site');
	if (!siteEntry) throw new Error('site.yaml was not loaded');
	const site = siteEntry.data as SiteConfig;
	const builtAt = buildInstant(process.env.GONGKAI_NOW);
	const buildDay = dayAt(builtAt, site.timezone);
	const unitEntries = await getCollection('units');
	const units = buildUnitTree<UnitRecord>(
		unitEntries.map((entry) => ({
			id: entry.id,
			name: entry.data.name,
			parent: entry.data.parent,
			order: entry.data.order,
			entry,
		})),
	);
	// Scheduled publishing: a notice dated in the future appears on its day (the daily rebuild).
	const notices = (await getCollection('notices'))
		.filter((n) => published(n.data.draft) && n.data.date.slice(0, 10) <= buildDay)
		.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
	const modelWorkers = (await getCollection('model-workers')).sort(
		(a, b) =>
			Number(b.data.featured) - Number(a.data.featured) ||
			a.data.name.localeCompare(b.data.name, 'zh-CN'),
	);
	const competitions = (await getCollection('competitions')).sort((a, b) =>
		b.data.period.start.localeCompare(a.data.period.start),
	);
	const policies = (await getCollection('policies')).sort((a, b) =>
		b.data.issued.localeCompare(a.data.issued),
	);
	const model: SiteModel = {
		site,
		buildDay,
		builtAt,
		units,
		notices,
		modelWorkers,
		competitions,
		policies,
		t: translator(site.locale),
	};
	// Before any page renders: the search index starts on pages as they are written.
	announceSearchPages(model);
	return model;
}

/** The site model, loaded once per build. */
export function getSiteModel(): Promise<SiteModel> {
	cached ??= load();
	return cached;
}
