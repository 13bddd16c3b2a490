/**
 * The lobby screen (电子公示屏): which items are on air at an instant, in
 * which order, and how URL parameters override the site's defaults. Runs
 * both at build (to pick the first slide) and in the browser every second,
 * so it uses nothing but `Intl` — no content loading, no date library.
 */
import { liveStatus } from './live-status.ts';

/** Sections a screen can rotate, as `site.yaml` names them. `urgent` is not a section but an override. */
export const DISPLAY_SECTION_NAMES = [
	'urgent',
	'publicity',
	'notices',
	'honours',
	'competitions',
] as const;
export type DisplaySectionName = (typeof DISPLAY_SECTION_NAMES)[number];
/** The sections that take turns; urgent notices override them all. */
export type RotatingSection = Exclude<DisplaySectionName, 'urgent'>;

export type Orientation = 'landscape' | 'portrait';
export type Theme = 'light' | 'dark';

/** Shortest and longest slide time a screen accepts, in seconds. */
export const SLIDE_SECONDS_RANGE = { min: 5, max: 600 } as const;

/** One thing a screen can show, with the instants (epoch ms) that bound it; written at build. */
export interface DisplayItem {
	/** The slide element that shows it. */
	slide: string;
	kind: 'notice' | 'worker' | 'competition';
	/** On air from this instant (inclusive); absent: always. */
	from?: number;
	/** Off air from this instant (exclusive); absent: never. */
	until?: number;
	/** 紧急通知: overrides every section while on air. */
	urgent?: boolean;
	/** 公示期 instants (`endsAt` exclusive). */
	publicity?: { startsAt: number; endsAt: number };
	/** Competition period, for its status; `endsAt` absent when open-ended. */
	period?: { startsAt: number; endsAt?: number };
}

/** What a screen shows right now: the slides in turn, and whether an urgent notice took over. */
export interface SlidePlan {
	urgent: boolean;
	slides: string[];
	/** The section of each slide, for the footer label. */
	sections: Record<string, RotatingSection | 'urgent' | 'idle'>;
}

/** How many items a section shows at most: a screen is glanced at, not read through. */
export interface SectionLimits {
	notices: number;
	publicity: number;
	honours: number;
	competitions: number;
}

export const DEFAULT_LIMITS: SectionLimits = {
	notices: 6,
	publicity: 8,
	honours: 8,
	competitions: 4,
};

/**
 * The model workers a screen carries. They are always on air, so the honours
 * section shows the first `limit` of them and any more would never come up
 * (at a large union, a unit screen would carry a thousand slides): featured
 * people first, then the most recently honoured, in the given order otherwise.
 */
export function spotlightWorkers<T>(
	people: readonly T[],
	rank: (person: T) => { featured: boolean; latestYear: number },
	limit: number = DEFAULT_LIMITS.honours,
): T[] {
	return people
		.map((person, index) => ({ person, index, ...rank(person) }))
		.sort(
			(a, b) =>
				Number(b.featured) - Number(a.featured) || b.latestYear - a.latestYear || a.index - b.index,
		)
		.slice(0, limit)
		.map(({ person }) => person);
}

/** The slide shown when nothing else is on air (the union's name and contact). */
export const IDLE_SLIDE = 'idle';

/** True when `item` is on air at `now`. */
export function isOnAir(item: Pick<DisplayItem, 'from' | 'until'>, now: number): boolean {
	return (
		(item.from === undefined || now >= item.from) && (item.until === undefined || now < item.until)
	);
}

/**
 * The section a notice belongs to at `now`, or `undefined` when it is off air:
 * an open 公示 is in `publicity`; one that has not started is an ordinary
 * notice; one that is over leaves the screen.
 */
export function noticeSection(
	item: DisplayItem,
	now: number,
): 'urgent' | 'publicity' | 'notices' | undefined {
	if (!isOnAir(item, now)) return undefined;
	if (item.urgent) return 'urgent';
	if (!item.publicity) return 'notices';
	const status = liveStatus(item.publicity.startsAt, item.publicity.endsAt, now);
	if (status === 'open') return 'publicity';
	return status === 'upcoming' ? 'notices' : undefined;
}

/**
 * The slides on air at `now`. Items come in the order they should show
 * (pinned first, newest first — decided at build); sections rotate in the
 * given order. Any urgent notice on air replaces everything else, whatever
 * the sections say: an emergency message that a URL can switch off is not one.
 */
export function planSlides(
	items: readonly DisplayItem[],
	sections: readonly DisplaySectionName[],
	now: number,
	limits: SectionLimits = DEFAULT_LIMITS,
): SlidePlan {
	const bySection: Record<RotatingSection | 'urgent', string[]> = {
		urgent: [],
		publicity: [],
		notices: [],
		honours: [],
		competitions: [],
	};
	for (const item of items) {
		if (item.kind === 'notice') {
			const section = noticeSection(item, now);
			if (section) bySection[section].push(item.slide);
		} else if (isOnAir(item, now)) {
			bySection[item.kind === 'worker' ? 'honours' : 'competitions'].push(item.slide);
		}
	}
	const labels: SlidePlan['sections'] = {};
	if (bySection.urgent.length > 0) {
		for (const slide of bySection.urgent) labels[slide] = 'urgent';
		return { urgent: true, slides: bySection.urgent, sections: labels };
	}
	const slides: string[] = [];
	for (const section of sections) {
		if (section === 'urgent') continue;
		for (const slide of bySection[section].slice(0, limits[section])) {
			if (slide in labels) continue;
			slides.push(slide);
			labels[slide] = section;
		}
	}
	if (slides.length === 0) {
		labels[IDLE_SLIDE] = 'idle';
		return { urgent: false, slides: [IDLE_SLIDE], sections: labels };
	}
	return { urgent: false, slides, sections: labels };
}

/** Two plans show the same slides in the same order. */
export function samePlan(a: SlidePlan, b: SlidePlan): boolean {
	return (
		a.urgent === b.urgent &&
		a.slides.length === b.slides.length &&
		a.slides.every((s, i) => s === b.slides[i])
	);
}

/** The earliest instant after `now` at which some item goes on or off air (a plan can only change then). */
export function nextChange(items: readonly DisplayItem[], now: number): number | undefined {
	let next: number | undefined;
	const consider = (t: number | undefined) => {
		if (t !== undefined && t > now && (next === undefined || t < next)) next = t;
	};
	for (const item of items) {
		consider(item.from);
		consider(item.until);
		consider(item.publicity?.startsAt);
		consider(item.publicity?.endsAt);
	}
	return next;
}

/** Screen settings after URL parameters override the site's defaults. */
export interface DisplaySettings {
	seconds: number;
	sections: DisplaySectionName[];
	/** `undefined`: follow the screen's shape. */
	orientation?: Orientation;
	/** Which way a forced orientation turns the picture on a screen of the other shape, clockwise: 90 (default) or 270. */
	rotate: 90 | 270;
	theme: Theme;
}

/**
 * Reads `?seconds=20&sections=notices,honours&orientation=portrait&theme=dark`
 * (and `rotate=270` for a screen mounted the other way round).
 * A bad value falls back to the default rather than blanking a screen that
 * nobody is watching: seconds are clamped, unknown sections dropped.
 */
export function parseDisplayParams(
	search: string,
	defaults: { slideSeconds: number; sections: readonly DisplaySectionName[] },
): DisplaySettings {
	const params = new URLSearchParams(search);
	const settings: DisplaySettings = {
		seconds: defaults.slideSeconds,
		sections: [...defaults.sections],
		rotate: 90,
		theme: 'light',
	};
	const seconds = Number(params.get('seconds') ?? Number.NaN);
	if (Number.isFinite(seconds) && seconds > 0) {
		settings.seconds = Math.round(
			Math.min(SLIDE_SECONDS_RANGE.max, Math.max(SLIDE_SECONDS_RANGE.min, seconds)),
		);
	}
	const sections = (params.get('sections') ?? '')
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter((s): s is DisplaySectionName =>
			(DISPLAY_SECTION_NAMES as readonly string[]).includes(s),
		);
	if (sections.length > 0) settings.sections = [...new Set(sections)];
	const orientation = params.get('orientation');
	if (orientation === 'landscape' || orientation === 'portrait') settings.orientation = orientation;
	if (params.get('rotate') === '270') settings.rotate = 270;
	if (params.get('theme') === 'dark') settings.theme = 'dark';
	return settings;
}

/**
 * The offset (in CSS pixels at 1080p) of minute `n`: a slow walk around a
 * 3×3 grid, two pixels apart, so no edge stays lit on the same pixel for more
 * than a minute and the image never drifts further than two pixels.
 */
export function pixelShift(minute: number): { x: number; y: number } {
	const path = [
		[0, 0],
		[2, 0],
		[2, 2],
		[0, 2],
		[-2, 2],
		[-2, 0],
		[-2, -2],
		[0, -2],
		[2, -2],
	] as const;
	const [x, y] = path[((Math.floor(minute) % path.length) + path.length) % path.length]!;
	return { x, y };
}
