import { describe, expect, it } from 'vitest';
import {
	DEFAULT_LIMITS,
	IDLE_SLIDE,
	isOnAir,
	nextChange,
	noticeSection,
	parseDisplayParams,
	pixelShift,
	planSlides,
	samePlan,
	spotlightWorkers,
	type DisplayItem,
	type DisplaySectionName,
} from '../../src/lib/display.ts';
import { daysLeft, periodInstants } from '../../src/lib/publicity.ts';
import { liveDaysLeft } from '../../src/lib/live-status.ts';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);
const ALL: DisplaySectionName[] = ['urgent', 'publicity', 'notices', 'honours', 'competitions'];

/** A small screen's worth of items around 2026-11-20 in Suzhou. */
const items: DisplayItem[] = [
	// 紧急通知 from 16:30 on the 20th, until the end of the 25th.
	{
		slide: 'urgent',
		kind: 'notice',
		urgent: true,
		from: at('2026-11-20T16:30+08:00'),
		until: at('2026-11-26T00:00+08:00'),
	},
	// 公示 open 18th 09:00 – 27th.
	{
		slide: 'pub-open',
		kind: 'notice',
		from: at('2026-11-18T00:00+08:00'),
		publicity: { startsAt: at('2026-11-18T09:00+08:00'), endsAt: at('2026-11-28T00:00+08:00') },
	},
	// 公示 published on the 20th, open 1–7 December.
	{
		slide: 'pub-later',
		kind: 'notice',
		from: at('2026-11-20T00:00+08:00'),
		publicity: { startsAt: at('2026-12-01T00:00+08:00'), endsAt: at('2026-12-08T00:00+08:00') },
	},
	{ slide: 'pinned', kind: 'notice', from: at('2026-11-10T00:00+08:00') },
	{
		slide: 'expiring',
		kind: 'notice',
		from: at('2026-05-11T00:00+08:00'),
		until: at('2026-11-22T00:00+08:00'),
	},
	{ slide: 'older', kind: 'notice', from: at('2026-04-15T00:00+08:00') },
	{ slide: 'worker-a', kind: 'worker' },
	{ slide: 'worker-b', kind: 'worker' },
	{
		slide: 'board',
		kind: 'competition',
		from: at('2026-03-01T00:00+08:00'),
		until: at('2027-04-02T00:00+08:00'),
		period: { startsAt: at('2026-03-01T00:00+08:00'), endsAt: at('2027-02-01T00:00+08:00') },
	},
];

describe('isOnAir', () => {
	it.each([
		['is on air from its first instant', { from: 100 }, 100, true],
		['is not on air before it', { from: 100 }, 99, false],
		['leaves at its `until` instant (exclusive)', { until: 200 }, 200, false],
		['is on air the instant before `until`', { until: 200 }, 199, true],
		['is always on air without bounds', {}, -1e15, true],
	])('%s', (_name, item, now, expected) => {
		expect(isOnAir(item, now)).toBe(expected);
	});
});

describe('noticeSection', () => {
	it.each([
		['an open 公示 is in publicity', 'pub-open', '2026-11-21T10:00+08:00', 'publicity'],
		[
			'a 公示 before its period is an ordinary notice',
			'pub-later',
			'2026-11-21T10:00+08:00',
			'notices',
		],
		[
			'a 公示 leaves the screen when its period ends',
			'pub-open',
			'2026-11-28T00:00+08:00',
			undefined,
		],
		[
			'a 公示 opens at its start time, not its start day',
			'pub-open',
			'2026-11-18T08:59+08:00',
			'notices',
		],
		['an urgent notice is urgent while on air', 'urgent', '2026-11-21T10:00+08:00', 'urgent'],
		['an urgent notice is off air before its time', 'urgent', '2026-11-20T16:29+08:00', undefined],
		['an expired notice is off air', 'expiring', '2026-11-22T00:00+08:00', undefined],
	])('%s', (_name, slide, when, expected) => {
		expect(
			noticeSection(
				items.find((i) => i.slide === slide)!,
				at(when),
			),
		).toBe(expected);
	});
});

describe('planSlides', () => {
	it('rotates the sections in order, each item once', () => {
		const plan = planSlides(items, ALL, at('2026-11-20T10:00+08:00'));
		expect(plan.urgent).toBe(false);
		expect(plan.slides).toEqual([
			'pub-open',
			'pub-later',
			'pinned',
			'expiring',
			'older',
			'worker-a',
			'worker-b',
			'board',
		]);
		expect(plan.sections['pub-open']).toBe('publicity');
		expect(plan.sections['pub-later']).toBe('notices');
	});

	it('lets an urgent notice replace everything while it is on air', () => {
		const plan = planSlides(items, ALL, at('2026-11-21T10:00+08:00'));
		expect(plan).toEqual({ urgent: true, slides: ['urgent'], sections: { urgent: 'urgent' } });
	});

	it('keeps the urgent override even when the sections leave it out', () => {
		expect(planSlides(items, ['honours'], at('2026-11-21T10:00+08:00')).slides).toEqual(['urgent']);
	});

	it('follows the order and choice of sections', () => {
		const plan = planSlides(items, ['competitions', 'honours'], at('2026-11-26T10:00+08:00'));
		expect(plan.slides).toEqual(['board', 'worker-a', 'worker-b']);
	});

	it('drops what went off air: the urgent notice after its day, an expired notice', () => {
		const plan = planSlides(items, ALL, at('2026-11-26T00:00+08:00'));
		expect(plan.urgent).toBe(false);
		expect(plan.slides).not.toContain('urgent');
		expect(plan.slides).not.toContain('expiring');
	});

	it('shows at most the limit of a section', () => {
		const plan = planSlides(items, ['notices'], at('2026-11-20T10:00+08:00'), {
			notices: 2,
			publicity: 8,
			honours: 8,
			competitions: 4,
		});
		expect(plan.slides).toEqual(['pub-later', 'pinned']);
	});

	it('falls back to the idle slide when nothing is on air', () => {
		expect(planSlides(items, ['competitions'], at('2027-05-01T00:00+08:00'))).toEqual({
			urgent: false,
			slides: [IDLE_SLIDE],
			sections: { [IDLE_SLIDE]: 'idle' },
		});
	});

	it('compares plans by their slides', () => {
		const a = planSlides(items, ALL, at('2026-11-20T10:00+08:00'));
		const b = planSlides(items, ALL, at('2026-11-20T11:00+08:00'));
		const c = planSlides(items, ALL, at('2026-11-22T11:00+08:00'));
		expect(samePlan(a, b)).toBe(true);
		expect(samePlan(a, c)).toBe(false);
	});
});

describe('nextChange', () => {
	it.each([
		['the urgent notice going on air', '2026-11-20T10:00+08:00', '2026-11-20T16:30+08:00'],
		['the expiring notice leaving', '2026-11-21T10:00+08:00', '2026-11-22T00:00+08:00'],
		[
			'the next 公示 opening after the urgent notice ends',
			'2026-11-28T10:00+08:00',
			'2026-12-01T00:00+08:00',
		],
	])('finds %s', (_name, now, expected) => {
		expect(nextChange(items, at(now))).toBe(at(expected));
	});

	it('is undefined when nothing will change again', () => {
		expect(nextChange(items, at('2030-01-01T00:00Z'))).toBeUndefined();
	});
});

describe('parseDisplayParams', () => {
	const defaults = { slideSeconds: 15, sections: ALL };
	it.each([
		[
			'takes the defaults without parameters',
			'',
			{ seconds: 15, sections: ALL, rotate: 90, theme: 'light' },
		],
		[
			'reads every parameter',
			'?seconds=20&sections=notices,honours&orientation=portrait&theme=dark&rotate=270',
			{
				seconds: 20,
				sections: ['notices', 'honours'],
				orientation: 'portrait',
				rotate: 270,
				theme: 'dark',
			},
		],
		[
			'clamps seconds to 5–600',
			'?seconds=1',
			{ seconds: 5, sections: ALL, rotate: 90, theme: 'light' },
		],
		[
			'clamps long slides',
			'?seconds=9999',
			{ seconds: 600, sections: ALL, rotate: 90, theme: 'light' },
		],
		[
			'ignores seconds that are not a number',
			'?seconds=abc',
			{ seconds: 15, sections: ALL, rotate: 90, theme: 'light' },
		],
		[
			'drops unknown and repeated sections, keeps the order',
			'?sections=honours,%20weather,Notices,honours',
			{ seconds: 15, sections: ['honours', 'notices'], rotate: 90, theme: 'light' },
		],
		[
			'keeps the defaults when no section is known',
			'?sections=weather',
			{ seconds: 15, sections: ALL, rotate: 90, theme: 'light' },
		],
		[
			'ignores an unknown orientation, rotation and theme',
			'?orientation=diagonal&theme=neon&rotate=45',
			{ seconds: 15, sections: ALL, rotate: 90, theme: 'light' },
		],
	])('%s', (_name, search, expected) => {
		expect(parseDisplayParams(search, defaults)).toEqual(expected);
	});
});

describe('pixelShift', () => {
	it('walks a 3×3 grid within 2 px and comes back after nine minutes', () => {
		const steps = Array.from({ length: 9 }, (_, m) => pixelShift(m));
		expect(new Set(steps.map((s) => `${s.x},${s.y}`)).size).toBe(9);
		for (const { x, y } of steps) {
			expect(Math.abs(x)).toBeLessThanOrEqual(2);
			expect(Math.abs(y)).toBeLessThanOrEqual(2);
		}
		expect(pixelShift(9)).toEqual(pixelShift(0));
		// Minute numbers are epoch minutes: large, and negative before 1970.
		expect(pixelShift(29_400_000)).toEqual(pixelShift(29_400_000 % 9));
		expect(pixelShift(-1)).toEqual(pixelShift(8));
	});

	it('moves by at most one step a minute', () => {
		for (let m = 0; m < 18; m++) {
			const a = pixelShift(m);
			const b = pixelShift(m + 1);
			expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y)).toBeLessThanOrEqual(4);
		}
	});
});

describe('the countdown the browser shows agrees with publicity.ts', () => {
	const period = { start: '2026-11-18T09:00', end: '2026-11-27' };
	const { endsAt } = periodInstants(period, SHANGHAI);
	it.each([
		['ten days before the end', '2026-11-18T10:00+08:00', 10],
		['on the last morning', '2026-11-27T08:00+08:00', 1],
		['a minute before the end', '2026-11-27T23:59+08:00', 1],
		['just after midnight in Suzhou (still the 26th in UTC)', '2026-11-26T00:30+08:00', 2],
	])('%s', (_name, now, expected) => {
		expect(liveDaysLeft(endsAt!, at(now), SHANGHAI)).toBe(expected);
		expect(daysLeft(period, at(now), SHANGHAI)).toBe(expected);
	});
});

describe('the model workers a screen carries', () => {
	const person = (name: string, featured: boolean, latestYear: number) => ({
		name,
		featured,
		latestYear,
	});
	const rank = (p: ReturnType<typeof person>) => p;

	it('carries no more than the honours section can show: featured, then the latest honoured', () => {
		// A large unit: 30 people, in name order, one of them featured.
		const people = Array.from({ length: 30 }, (_, i) =>
			person(`p${String(i).padStart(2, '0')}`, i === 17, 2000 + (i % 10)),
		);
		const carried = spotlightWorkers(people, rank);
		expect(carried).toHaveLength(DEFAULT_LIMITS.honours);
		expect(carried[0]!.name).toBe('p17');
		// Then the three honoured in 2009, the three in 2008 (name order within a year), one from 2007.
		expect(carried.slice(1).map((p) => p.name)).toEqual([
			'p09',
			'p19',
			'p29',
			'p08',
			'p18',
			'p28',
			'p07',
		]);
		// Every slide carried is one the plan shows.
		const items: DisplayItem[] = carried.map((p) => ({ slide: `w-${p.name}`, kind: 'worker' }));
		expect(planSlides(items, ['honours'], at('2026-11-20T12:00+08:00')).slides).toEqual(
			items.map((i) => i.slide),
		);
	});

	it('keeps a small unit whole, in its order', () => {
		const people = [person('a', false, 2020), person('b', false, 2020)];
		expect(spotlightWorkers(people, rank)).toEqual(people);
	});
});
