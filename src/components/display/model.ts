/**
 * What a lobby screen carries, built once per screen at build: every item
 * that may come on air while the screen runs (with the instants that bound
 * it), the slides that show them, and the strings the browser needs. Which
 * items are on air is left to the browser's clock (src/lib/display.ts).
 */
import { getSiteModel, type Competition, type Notice, type SiteModel } from '../../data/index.ts';
import {
	competitionResults,
	entryUrl,
	siteUrl,
	unitOf,
	type PageCollection,
} from '../../data/entries.ts';
import { getViews, type SiteViews } from '../../data/views.ts';
import { byUnitWithAncestors } from '../../lib/filters.ts';
import { addDays, civilDay, civilToInstant } from '../../lib/dates.ts';
import {
	planSlides,
	spotlightWorkers,
	type DisplayItem,
	type DisplaySectionName,
	type SlidePlan,
} from '../../lib/display.ts';
import { periodInstants } from '../../lib/publicity.ts';
import { qrSvg } from '../../lib/qr.ts';
import { competitionSlide, noticeSlide, workerSlide, type SlideView } from './views.ts';

import type { FormatContext } from '../../lib/format.ts';

/** Days a leaderboard stays on screen after the competition ended or its results came out, whichever is later. */
export const LEADERBOARD_DAYS_AFTER = 60;
/** Notices a screen carries beyond the 公示: more than it shows, so expiring ones have successors. */
const NOTICES_CARRIED = 12;

/** Everything the browser needs, embedded in the page as JSON. */
export interface DisplayData {
	locale: string;
	timeZone: string;
	slideSeconds: number;
	sections: DisplaySectionName[];
	items: DisplayItem[];
	versionUrl: string;
	strings: Record<string, string>;
}

export interface DisplayModel {
	site: SiteModel['site'];
	t: SiteModel['t'];
	/** The unit of a unit screen; absent for the whole union. */
	unit?: { id: string; name: string };
	slides: SlideView[];
	data: DisplayData;
	/** The plan at build time: its first slide is up before the script runs. */
	initialPlan: SlidePlan;
	/** QR code to the public site's home page (or the unit's page), for the idle slide. */
	homeQr?: string;
	contact: SiteModel['site']['contact'];
}

/** Strings the browser script formats at run time. */
const BROWSER_STRINGS = [
	'display.section.urgent',
	'display.section.publicity',
	'display.section.notices',
	'display.section.honours',
	'display.section.competitions',
	'display.section.idle',
	'display.status.open',
	'display.status.upcoming',
	'display.status.closed',
	'display.competition.open',
	'display.competition.upcoming',
	'display.competition.closed',
	'display.countdown.label',
	'display.countdown.days',
	'display.countdown.day',
	'display.countdown.todayLabel',
	'display.countdown.today',
	'display.counter',
] as const;

/** The model of `/display/` (no unit) or `/display/<unit>/`. */
export async function displayModel(unitId?: string): Promise<DisplayModel> {
	const model = await getSiteModel();
	const views = await getViews();
	const { site, t, units } = model;
	const ctx: FormatContext = { locale: site.locale, timeZone: site.timezone };
	const base = import.meta.env.BASE_URL;
	const pageUrl = (collection: PageCollection, id: string) => entryUrl(collection, id, site, base);
	const qr = async (url: string | undefined, label: string) =>
		url ? qrSvg(url, { label, className: 'qr' }) : undefined;

	const scope = unitId === undefined ? undefined : units.selfAndDescendantIds(unitId);
	const ancestors = new Set(unitId === undefined ? [] : views.ancestorIds(unitId));
	const inScope = (id: string) => scope === undefined || scope.has(id);

	const items: DisplayItem[] = [];
	const slides: SlideView[] = [];

	// Notices: the unit's own and those below it, and any urgent notice from above (an emergency concerns everyone under it).
	const notices =
		unitId === undefined ? model.notices : screenNotices(model, views, unitId, ancestors);
	const pinnedFirst = [
		...notices.filter((n) => n.data.pinned),
		...notices.filter((n) => !n.data.pinned),
	];
	let carried = 0;
	for (const notice of pinnedFirst) {
		// Neither urgent nor a 公示: once the screen carries enough of those, the rest are not looked at.
		const ordinary = !notice.data.urgent && !notice.data.publicity;
		if (ordinary && carried >= NOTICES_CARRIED) continue;
		const item = noticeItem(notice, site.timezone);
		if (item.until !== undefined && item.until <= model.builtAt) continue;
		if (item.publicity && item.publicity.endsAt <= model.builtAt) continue;
		if (ordinary) carried++;
		items.push(item);
		slides.push(
			await noticeSlide(notice, item, { t, ctx, views, url: pageUrl('notices', notice.id), qr }),
		);
	}

	// Model workers: a unit screen shows its own people; the union's screen its featured ones.
	const people = model.modelWorkers.filter((w) => inScope(unitOf(w)!));
	const featured = people.filter((w) => w.data.featured);
	const spotlight = spotlightWorkers(
		unitId === undefined && featured.length > 0 ? featured : people,
		(w) => ({
			featured: Boolean(w.data.featured),
			latestYear: Math.max(...w.data.honours.map((h) => h.year)),
		}),
	);
	for (const worker of spotlight) {
		const slide = `w-${slug(worker.id)}`;
		items.push({ slide, kind: 'worker' });
		slides.push(
			await workerSlide(worker, slide, { t, views, url: pageUrl('model-workers', worker.id), qr }),
		);
	}

	// Competitions with results: organised here, or with result rows of this unit.
	const competitions =
		scope === undefined ? model.competitions : (views.competitionsUnder.get(unitId!) ?? []);
	for (const competition of competitions) {
		const rows = competitionResults(competition);
		if (rows.length === 0) continue;
		const item = competitionItem(competition, site.timezone);
		if (item.until !== undefined && item.until <= model.builtAt) continue;
		items.push(item);
		slides.push(
			await competitionSlide(competition, item, {
				t,
				ctx,
				views,
				own: scope === undefined ? () => false : (unit) => scope.has(unit),
				url: pageUrl('competitions', competition.id),
				qr,
			}),
		);
	}

	const data: DisplayData = {
		locale: site.locale,
		timeZone: site.timezone,
		slideSeconds: site.display.slideSeconds,
		sections: [...site.display.sections],
		items,
		versionUrl: `${base}version.json`,
		strings: Object.fromEntries(BROWSER_STRINGS.map((key) => [key, t(key)])),
	};
	const home = unitId === undefined ? siteUrl(site, base) : pageUrl('units', unitId);
	const homeQr = await qr(
		home,
		t('display.qrLabel', { title: unitId === undefined ? site.name : views.unitName(unitId) }),
	);
	return {
		site,
		t,
		...(homeQr === undefined ? {} : { homeQr }),
		...(unitId === undefined ? {} : { unit: { id: unitId, name: views.unitName(unitId) } }),
		slides,
		data,
		initialPlan: planSlides(items, data.sections, model.builtAt),
		contact: site.contact,
	};
}

/** Every notice (withdrawn ones too: a screen drops them at their date) by unit and the units above it, and the urgent ones. */
interface NoticeIndex {
	under: Map<string, Notice[]>;
	urgent: Notice[];
	position: Map<Notice, number>;
}
const noticeIndexes = new WeakMap<SiteModel, NoticeIndex>();

/**
 * The notices of a unit's screen, in the model's order: its own, those below
 * it, and the urgent ones of the units above it. Indexed once per build, not
 * filtered out of every notice once per screen (200 screens × 10,000 notices
 * at a large union).
 */
function screenNotices(
	model: SiteModel,
	views: SiteViews,
	unitId: string,
	ancestors: ReadonlySet<string>,
): Notice[] {
	let index = noticeIndexes.get(model);
	if (!index) {
		index = {
			under: byUnitWithAncestors(model.notices, (n) => [unitOf(n)!], views.ancestorIds),
			urgent: model.notices.filter((n) => n.data.urgent),
			position: new Map(model.notices.map((n, i) => [n, i])),
		};
		noticeIndexes.set(model, index);
	}
	const own = index.under.get(unitId) ?? [];
	const above = index.urgent.filter((n) => ancestors.has(unitOf(n)!));
	if (above.length === 0) return own;
	const position = index.position;
	return [...own, ...above].sort((a, b) => position.get(a)! - position.get(b)!);
}

/** A slide id from an entry id (`2026/x` → `2026-x`), safe in attributes and selectors. */
function slug(id: string): string {
	return id.replace(/[^a-z0-9-]/g, '-');
}

function noticeItem(notice: Notice, timeZone: string): DisplayItem {
	const d = notice.data;
	const ends = [
		d.expires === undefined ? undefined : civilToInstant(d.expires, timeZone, 'end'),
		d.withdrawn === undefined ? undefined : civilToInstant(d.withdrawn.date, timeZone, 'start'),
	].filter((x): x is number => x !== undefined);
	const item: DisplayItem = {
		slide: `n-${slug(notice.id)}`,
		kind: 'notice',
		from: civilToInstant(d.date, timeZone, 'start'),
	};
	if (ends.length > 0) item.until = Math.min(...ends);
	if (d.urgent) item.urgent = true;
	if (d.publicity && !d.urgent) {
		const { startsAt, endsAt } = periodInstants(d.publicity, timeZone);
		item.publicity = { startsAt, endsAt: endsAt! };
	}
	return item;
}

function competitionItem(competition: Competition, timeZone: string): DisplayItem {
	const d = competition.data;
	const { startsAt, endsAt } = periodInstants(d.period, timeZone);
	const item: DisplayItem = {
		slide: `c-${slug(competition.id)}`,
		kind: 'competition',
		from: startsAt,
		period: { startsAt },
	};
	if (endsAt !== undefined) item.period!.endsAt = endsAt;
	if (d.period.end !== undefined) {
		const last = [civilDay(d.period.end), d.published === undefined ? '' : civilDay(d.published)]
			.sort()
			.at(-1)!;
		item.until = civilToInstant(addDays(last, LEADERBOARD_DAYS_AFTER), timeZone, 'end');
	}
	return item;
}
