/**
 * The slides of a lobby screen as the components draw them: texts cut to
 * their budget (src/lib/display-fit.ts), dates in the site's locale, QR
 * codes and large portraits made at build. One builder per kind of slide.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import type { Competition, ModelWorker, Notice, SiteModel } from '../../data/index.ts';
import { competitionResults, refId, unitOf } from '../../data/entries.ts';
import type { SiteViews } from '../../data/views.ts';
import { civilDay } from '../../lib/dates.ts';
import type { DisplayItem } from '../../lib/display.ts';
import {
	clipText,
	LEADERBOARD_ROWS,
	SUMMARY_BUDGET,
	titleSize,
	withoutSalutation,
	type Fitted,
	type TitleSize,
} from '../../lib/display-fit.ts';
import { plainText } from '../../lib/excerpt.ts';
import { formatDate, formatNumber, type FormatContext } from '../../lib/format.ts';

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

/** What every builder needs: strings, unit names, the page's URL and the QR maker. */
export interface Helpers {
	t: SiteModel['t'];
	views: SiteViews;
	url: string | undefined;
	qr: (url: string | undefined, label: string) => Promise<string | undefined>;
}

/** A notice, 公示 or 紧急通知. */
export async function noticeSlide(
	notice: Notice,
	item: DisplayItem,
	h: Helpers & { ctx: FormatContext },
): Promise<NoticeSlide> {
	const d = notice.data;
	const budget = d.urgent
		? SUMMARY_BUDGET.urgent
		: item.publicity
			? SUMMARY_BUDGET.publicity
			: SUMMARY_BUDGET.notice;
	const summary = clipText(d.summary ?? withoutSalutation(plainText(notice.body ?? '')), budget);
	const slide: NoticeSlide = {
		kind: 'notice',
		slide: item.slide,
		title: d.title,
		titleSize: titleSize(d.title),
		category: d.category,
		urgent: d.urgent,
		pinned: d.pinned,
		unitName: h.views.unitName(unitOf(notice)!),
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

/** A model worker in the spotlight. */
export async function workerSlide(
	worker: ModelWorker,
	slide: string,
	h: Helpers,
): Promise<WorkerSlide> {
	const d = worker.data;
	const view: WorkerSlide = {
		kind: 'worker',
		slide,
		name: d.name,
		unitName: h.views.unitName(unitOf(worker)!),
		honours: d.honours.slice(0, 3).map((x) => ({ title: x.title, year: x.year, level: x.level })),
		summary: clipText(
			d.summary ?? withoutSalutation(plainText(worker.body ?? '')),
			SUMMARY_BUDGET.worker,
		),
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
	const widths = [
		...new Set([640, 960, 1280].filter((w) => w < maxWidth).concat(Math.min(maxWidth, 1280))),
	];
	const width = Math.min(960, maxWidth);
	const height = Math.round((width * 5) / 4);
	const image = await getImage({
		src,
		width,
		height,
		widths,
		fit: 'cover',
		position: 'top',
		format: 'webp',
		quality: 80,
	});
	return { src: image.src, srcset: image.srcSet.attribute, width, height, alt };
}

/** A competition's leaderboard. */
export async function competitionSlide(
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
			out.score =
				formatNumber(row.score, h.ctx.locale, { maximumFractionDigits: 2 }) +
				(scoreUnit ? ` ${scoreUnit}` : '');
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
		organizer: h.views.unitName(refId(d.organizer)),
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
function periodText(
	start: string,
	end: string,
	h: { t: SiteModel['t']; ctx: FormatContext },
): string {
	const short = start.slice(0, 4) === end.slice(0, 4);
	return h.t('display.period', {
		start: formatDate(start, h.ctx),
		end: formatDate(end, h.ctx, short ? 'short' : 'long'),
	});
}
