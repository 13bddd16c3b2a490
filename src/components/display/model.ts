/**
 * What a lobby screen carries, built once per screen at build: every item
 * that may come on air while the screen runs (with the instants that bound
 * it), the slides that show them, and the strings the browser needs. Which
 * items are on air is left to the browser's clock (src/lib/display.ts).
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import { getSiteModel, type Competition, type ModelWorker, type Notice, type SiteModel } from '../../data/index.ts';
import { competitionResults, entryPath, refId, unitOf, type PageCollection } from '../../data/entries.ts';
import { getViews, type SiteViews } from '../../data/views.ts';
import { addDays, civilDay, civilToInstant } from '../../lib/dates.ts';
import { planSlides, type DisplayItem, type DisplaySectionName, type SlidePlan } from '../../lib/display.ts';
import { clipText, LEADERBOARD_ROWS, SUMMARY_BUDGET, titleSize, withoutSalutation, type Fitted, type TitleSize } from '../../lib/display-fit.ts';
import { plainText } from '../../lib/excerpt.ts';
import { formatDate, formatNumber, type FormatContext } from '../../lib/format.ts';
import { periodInstants } from '../../lib/publicity.ts';
import { qrSvg } from '../../lib/qr.ts';

/** Days a leaderboard stays on screen after the competition ended or its results came out, whichever is later. */
export const LEADERBOARD_DAYS_AFTER = 60;
/** Notices a screen carries beyond the 公示: more than it shows, so expiring ones have successors. */
const NOTICES_CARRIED = 12;

export interface SlideBase {
	slide: string;
	/** QR code (inline SVG) to the page on the public site; absent without `url` in site.yaml. */
	qr?: string;
}

export interface NoticeSlide extends SlideBase {
	kind: 'notice';
	title: string;
	titleSize: TitleSize;
	category: string;
	urgent: boolean;
	pinned: boolean;
	unitName: string;
	date: string;
	dateTime: string;
	docNumber?: string;
	summary: Fitted;
	/** Until when an urgent notice holds the screen, formatted. */
	expires?: string;
	publicity?: { period: string; contact: string; startsAt: number; endsAt: number };
}

export interface WorkerSlide extends SlideBase {
	kind: 'worker';
	name: string;
	position?: string;
	unitName: string;
	honours: Array<{ title: string; year: number; level: string }>;
	motto?: string;
	studio?: string;
	summary: Fitted;
	photo?: { src: string; srcset: string; width: number; height: number; alt: string };
	/** The first character of the name, for the monogram when there is no photo. */
	initial: string;
}

export interface LeaderboardRow {
	rank?: number;
	name: string;
	team: boolean;
	unitName: string;
	score?: string;
	award?: string;
	/** Hidden on a landscape screen (fewer rows fit). */
	portraitOnly: boolean;
	/** The row belongs to this screen's unit: highlighted. */
	own: boolean;
}

export interface CompetitionSlide extends SlideBase {
	kind: 'competition';
	title: string;
	titleSize: TitleSize;
	kindLabel: string;
	organizer: string;
	period: string;
	published?: string;
	startsAt: number;
	endsAt?: number;
	rows: LeaderboardRow[];
	/** All rows, when more than fit. */
	total: number;
}

export type SlideView = NoticeSlide | WorkerSlide | CompetitionSlide;

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
	const origin = site.url ? new URL(site.url).origin : undefined;
	const pageUrl = (collection: PageCollection, id: string) =>
		origin ? new URL(base + entryPath(collection, id), origin).href : undefined;
	const qr = async (url: string | undefined, label: string) =>
		url ? qrSvg(url, { label, className: 'qr' }) : undefined;

	const scope = unitId === undefined ? undefined : units.selfAndDescendantIds(unitId);
	const ancestors = new Set(unitId === undefined ? [] : views.ancestorIds(unitId));
	const inScope = (id: string) => scope === undefined || scope.has(id);

	const items: DisplayItem[] = [];
	const slides: SlideView[] = [];

	// Notices: the unit's own and those below it, and any urgent notice from above (an emergency concerns everyone under it).
	const notices = model.notices.filter((n) => {
		const unit = unitOf(n)!;
		return inScope(unit) || (n.data.urgent && ancestors.has(unit));
	});
	const pinnedFirst = [...notices.filter((n) => n.data.pinned), ...notices.filter((n) => !n.data.pinned)];
	let carried = 0;
	for (const notice of pinnedFirst) {
		const item = noticeItem(notice, site.timezone);
		if (item.until !== undefined && item.until <= model.builtAt) continue;
		if (item.publicity && item.publicity.endsAt <= model.builtAt) continue;
		const ordinary = !item.urgent && !item.publicity;
		if (ordinary && carried >= NOTICES_CARRIED) continue;
		if (ordinary) carried++;
		items.push(item);
		slides.push(await noticeSlide(notice, item, { t, ctx, views, url: pageUrl('notices', notice.id), qr }));
	}

	// Model workers: a unit screen shows its own people; the union's screen its featured ones.
	const people = model.modelWorkers.filter((w) => inScope(unitOf(w)!));
	const featured = people.filter((w) => w.data.featured);
	const spotlight = unitId === undefined && featured.length > 0 ? featured : [...featured, ...people.filter((w) => !w.data.featured)];
	for (const worker of spotlight) {
		const slide = `w-${slug(worker.id)}`;
		items.push({ slide, kind: 'worker' });
		slides.push(await workerSlide(worker, slide, { t, views, url: pageUrl('model-workers', worker.id), qr }));
	}

	// Competitions with results: organised here, or with result rows of this unit.
	const competitions = scope === undefined ? model.competitions : (views.competitionsUnder.get(unitId!) ?? []);
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
	return {
		site,
		t,
		...(unitId === undefined ? {} : { unit: { id: unitId, name: views.unitName(unitId) } }),
		slides,
		data,
		initialPlan: planSlides(items, data.sections, model.builtAt),
		contact: site.contact,
	};
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
	const item: DisplayItem = { slide: `n-${slug(notice.id)}`, kind: 'notice', from: civilToInstant(d.date, timeZone, 'start') };
	if (ends.length > 0) item.until = Math.min(...ends);
	if (d.urgent) item.urgent = true;
	if (d.publicity && !d.urgent) {
		const { startsAt, endsAt } = periodInstants(d.publicity, timeZone);
		item.publicity = { startsAt, endsAt: endsAt! };
	}
	return item;
}

interface Helpers {
	t: SiteModel['t'];
	views: SiteViews;
	url: string | undefined;
	qr: (url: string | undefined, label: string) => Promise<string | undefined>;
}

async function noticeSlide(notice: Notice, item: DisplayItem, h: Helpers & { ctx: FormatContext }): Promise<NoticeSlide> {
	const d = notice.data;
	const budget = d.urgent ? SUMMARY_BUDGET.urgent : item.publicity ? SUMMARY_BUDGET.publicity : SUMMARY_BUDGET.notice;
	const summary = clipText(d.summary ?? withoutSalutation(plainText(notice.body ?? '')), budget);
	const slide: NoticeSlide = {
		kind: 'notice',
		slide: item.slide,
		title: d.title,
		titleSize: titleSize(d.title),
		category: d.category,
		urgent: d.urgent,
		pinned: d.pinned,
		unitName: h.views.unitName(refId(d.unit as { id: string })),
		date: formatDate(d.date, h.ctx),
		dateTime: d.date,
		summary,
	};
	const qr = await h.qr(h.url, h.t('display.qrLabel', { title: d.title }));
	if (qr) slide.qr = qr;
	if (d.docNumber) slide.docNumber = d.docNumber;
	if (d.urgent && d.expires) slide.expires = formatDate(d.expires, h.ctx);
	if (d.publicity && item.publicity) {
		slide.publicity = {
			period: periodText(d.publicity.start, d.publicity.end, h),
			contact: d.publicity.contact,
			...item.publicity,
		};
	}
	return slide;
}

async function workerSlide(worker: ModelWorker, slide: string, h: Helpers): Promise<WorkerSlide> {
	const d = worker.data;
	const view: WorkerSlide = {
		kind: 'worker',
		slide,
		name: d.name,
		unitName: h.views.unitName(unitOf(worker)!),
		honours: d.honours.slice(0, 3).map((x) => ({ title: x.title, year: x.year, level: x.level })),
		summary: clipText(d.summary ?? withoutSalutation(plainText(worker.body ?? '')), SUMMARY_BUDGET.worker),
		initial: [...d.name][0] ?? '',
	};
	const qr = await h.qr(h.url, h.t('display.qrLabel', { title: d.name }));
	if (qr) view.qr = qr;
	if (d.position) view.position = d.position;
	if (d.motto) view.motto = d.motto;
	if (d.studio) view.studio = d.studio;
	if (d.photo) view.photo = await photo(d.photo as ImageMetadata, d.photoAlt);
	return view;
}

/** A large WebP portrait, 4:5 from the top, in widths for 1080p and 4K screens; never enlarged. */
async function photo(src: ImageMetadata, alt: string): Promise<NonNullable<WorkerSlide['photo']>> {
	const maxWidth = Math.floor(Math.min(src.width, (src.height * 4) / 5));
	const widths = [...new Set([640, 960, 1280].filter((w) => w < maxWidth).concat(Math.min(maxWidth, 1280)))];
	const width = Math.min(960, maxWidth);
	const height = Math.round((width * 5) / 4);
	const image = await getImage({ src, width, height, widths, fit: 'cover', position: 'top', format: 'webp', quality: 80 });
	return { src: image.src, srcset: image.srcSet.attribute, width, height, alt };
}

function competitionItem(competition: Competition, timeZone: string): DisplayItem {
	const d = competition.data;
	const { startsAt, endsAt } = periodInstants(d.period, timeZone);
	const item: DisplayItem = { slide: `c-${slug(competition.id)}`, kind: 'competition', from: startsAt, period: { startsAt } };
	if (endsAt !== undefined) item.period!.endsAt = endsAt;
	if (d.period.end !== undefined) {
		const last = [civilDay(d.period.end), d.published === undefined ? '' : civilDay(d.published)].sort().at(-1)!;
		item.until = civilToInstant(addDays(last, LEADERBOARD_DAYS_AFTER), timeZone, 'end');
	}
	return item;
}

async function competitionSlide(
	competition: Competition,
	item: DisplayItem,
	h: Helpers & { ctx: FormatContext; own: (unit: string) => boolean },
): Promise<CompetitionSlide> {
	const d = competition.data;
	const all = competitionResults(competition);
	// The total has the metrics' unit when they all share one (秒, 分); mixed units say nothing.
	const unitsOfMetrics = [...new Set(d.metrics.map((m) => m.unit ?? ''))];
	const scoreUnit = unitsOfMetrics.length === 1 && unitsOfMetrics[0] ? unitsOfMetrics[0] : '';
	const rows = all.slice(0, LEADERBOARD_ROWS.portrait).map((row, i): LeaderboardRow => {
		const out: LeaderboardRow = {
			name: row.name,
			team: row.type === '团队',
			unitName: h.views.unitName(row.unit),
			portraitOnly: i >= LEADERBOARD_ROWS.landscape,
			own: h.own(row.unit),
		};
		if (row.rank !== undefined) out.rank = row.rank;
		if (row.score !== undefined) {
			out.score = formatNumber(row.score, h.ctx.locale, { maximumFractionDigits: 2 }) + (scoreUnit ? ` ${scoreUnit}` : '');
		}
		if (row.award) out.award = row.award;
		return out;
	});
	const view: CompetitionSlide = {
		kind: 'competition',
		slide: item.slide,
		title: d.title,
		titleSize: titleSize(d.title),
		kindLabel: d.kind,
		organizer: h.views.unitName(refId(d.organizer as { id: string })),
		period:
			d.period.end === undefined
				? h.t('display.periodOpen', { start: formatDate(d.period.start, h.ctx) })
				: periodText(d.period.start, d.period.end, h),
		startsAt: item.period!.startsAt,
		rows,
		total: all.length,
	};
	if (item.period!.endsAt !== undefined) view.endsAt = item.period!.endsAt;
	if (d.published) {
		// Results published before the competition ends are a standing, not the final word.
		const interim = d.period.end === undefined || civilDay(d.published) < civilDay(d.period.end);
		const key = interim ? 'display.competition.publishedInterim' : 'display.competition.published';
		view.published = h.t(key, { date: formatDate(d.published, h.ctx, 'short') });
	}
	const qr = await h.qr(h.url, h.t('display.qrLabel', { title: d.title }));
	if (qr) view.qr = qr;
	return view;
}

/** A period: 2026年10月12日 至 10月16日 (the end's year only when it differs). */
function periodText(start: string, end: string, h: { t: SiteModel['t']; ctx: FormatContext }): string {
	const short = start.slice(0, 4) === end.slice(0, 4);
	return h.t('display.period', { start: formatDate(start, h.ctx), end: formatDate(end, h.ctx, short ? 'short' : 'long') });
}
