import { describe, expect, it } from 'vitest';
import {
	daysLeft,
	periodInstants,
	periodProblems,
	periodStatus,
	publicityProblems,
	resolvePublicity,
	type PeriodInput,
} from '../../src/lib/publicity.ts';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('resolvePublicity', () => {
	it.each([
		[
			'ends a 5-working-day period after the National Day holiday',
			{ start: '2026-09-28', workingDays: 5 },
			{ end: '2026-10-09', missingYears: [] },
		],
		[
			'ends a 6-working-day period on the 调休 Saturday after National Day',
			{ start: '2026-09-28', workingDays: 6 },
			{ end: '2026-10-10', missingYears: [] },
		],
		[
			'ends a period whose start has a time on a whole day',
			{ start: '2026-11-18T09:00', workingDays: 5 },
			{ end: '2026-11-24', missingYears: [] },
		],
		[
			'keeps an end the editor wrote',
			{ start: '2026-11-18', end: '2026-11-27T17:00' },
			{ end: '2026-11-27T17:00', missingYears: [] },
		],
		[
			'reports a year without holiday data',
			{ start: '2027-03-01', workingDays: 5 },
			{ end: '2027-03-05', missingYears: [2027] },
		],
	])('%s', (_name, input, expected) => {
		const contact = '工会办公室 0512-66881234';
		expect(resolvePublicity({ ...input, contact })).toEqual({ ...input, ...expected, contact });
	});

	it('refuses a period with neither end nor working days', () => {
		expect(() => resolvePublicity({ start: '2026-11-18', contact: '' })).toThrow(RangeError);
	});
});

describe('periodInstants', () => {
	it.each([
		[
			'a date-only period ends at the next midnight',
			{ start: '2026-11-18', end: '2026-11-27' },
			SHANGHAI,
			'2026-11-17T16:00:00Z',
			'2026-11-27T16:00:00Z',
		],
		[
			'a period with times ends at that time',
			{ start: '2026-11-18T09:00', end: '2026-11-27T17:30' },
			SHANGHAI,
			'2026-11-18T01:00:00Z',
			'2026-11-27T09:30:00Z',
		],
		[
			'the same dates in UTC are eight hours later',
			{ start: '2026-11-18', end: '2026-11-27' },
			'UTC',
			'2026-11-18T00:00:00Z',
			'2026-11-28T00:00:00Z',
		],
	])('%s', (_name, period, tz, startsAt, endsAt) => {
		expect(periodInstants(period, tz)).toEqual({ startsAt: at(startsAt), endsAt: at(endsAt) });
	});

	it('has no end instant for an open-ended period', () => {
		expect(periodInstants({ start: '2026-11-18' }, SHANGHAI)).toEqual({
			startsAt: at('2026-11-17T16:00:00Z'),
		});
	});
});

const november: PeriodInput = { start: '2026-11-18', end: '2026-11-27' };
const withTimes: PeriodInput = { start: '2026-11-18T09:00', end: '2026-11-27T17:00' };

describe.each([
	// period, time zone, now, status, days left
	[
		'is upcoming the evening before it starts',
		november,
		SHANGHAI,
		'2026-11-17T23:59:59+08:00',
		'upcoming',
		undefined,
	],
	[
		'opens at midnight Shanghai on its first day',
		november,
		SHANGHAI,
		'2026-11-18T00:00:00+08:00',
		'open',
		10,
	],
	[
		'is still open one second before midnight on its last day',
		november,
		SHANGHAI,
		'2026-11-27T23:59:59+08:00',
		'open',
		1,
	],
	[
		'closes at midnight Shanghai after its last day',
		november,
		SHANGHAI,
		'2026-11-28T00:00:00+08:00',
		'closed',
		undefined,
	],
	[
		'closes at 16:00 UTC, which is midnight in Shanghai',
		november,
		SHANGHAI,
		'2026-11-27T16:00:00Z',
		'closed',
		undefined,
	],
	[
		'is still open at 16:00 UTC when read in UTC',
		november,
		'UTC',
		'2026-11-27T16:00:00Z',
		'open',
		1,
	],
	[
		'is still open at midnight Shanghai when read in Urumqi',
		november,
		'Asia/Urumqi',
		'2026-11-28T00:00:00+08:00',
		'open',
		1,
	],
	[
		'is upcoming before 9:00 on its first day when given a start time',
		withTimes,
		SHANGHAI,
		'2026-11-18T08:59:00+08:00',
		'upcoming',
		undefined,
	],
	[
		'opens at 9:00 on its first day when given a start time',
		withTimes,
		SHANGHAI,
		'2026-11-18T09:00:00+08:00',
		'open',
		10,
	],
	[
		'closes at the end time on its last day',
		withTimes,
		SHANGHAI,
		'2026-11-27T17:00:00+08:00',
		'closed',
		undefined,
	],
	[
		'is open on its last day before the end time',
		withTimes,
		SHANGHAI,
		'2026-11-27T16:59:00+08:00',
		'open',
		1,
	],
	[
		'never closes without an end',
		{ start: '2026-11-18' },
		SHANGHAI,
		'2036-01-01T00:00:00+08:00',
		'open',
		undefined,
	],
	[
		'does not count a last day that ends at 00:00',
		{ start: '2026-11-18', end: '2026-11-28T00:00' },
		SHANGHAI,
		'2026-11-27T12:00:00+08:00',
		'open',
		1,
	],
] as const)('a period that %s', (_name, period, tz, now, status, left) => {
	it(`is ${status}`, () => {
		expect(periodStatus(period, at(now), tz)).toBe(status);
	});
	it(`has ${left ?? 'no'} days left`, () => {
		expect(daysLeft(period, at(now), tz)).toBe(left);
	});
});

describe('a 5-working-day 公示 across the National Day holiday', () => {
	const publicity = resolvePublicity({
		start: '2026-09-28',
		workingDays: 5,
		contact: '工会办公室',
	});
	it.each([
		['2026-09-30T12:00:00+08:00', 'open', 10],
		['2026-10-05T12:00:00+08:00', 'open', 5],
		['2026-10-09T23:59:00+08:00', 'open', 1],
		['2026-10-10T00:00:00+08:00', 'closed', undefined],
	] as const)('on %s is %s with %s days left', (now, status, left) => {
		expect(periodStatus(publicity, at(now), SHANGHAI)).toBe(status);
		expect(daysLeft(publicity, at(now), SHANGHAI)).toBe(left);
	});
});

describe('publicityProblems', () => {
	it.each([
		['accepts an end', { start: '2026-11-18', end: '2026-11-27' }],
		['accepts working days', { start: '2026-11-18', workingDays: 5 }],
		['accepts a one-day period', { start: '2026-11-18', end: '2026-11-18' }],
		[
			'accepts a date-only end on the day of a timed start',
			{ start: '2026-11-18T09:00', end: '2026-11-18' },
		],
		['accepts 60 working days', { start: '2026-11-18', workingDays: 60 }],
		[
			'accepts dates a YAML parser turned into Date objects',
			{ start: new Date('2026-11-18'), end: new Date('2026-11-27') },
		],
		['leaves an unreadable date to the schema', { start: 'soon', end: '2026-11-27' }],
	])('%s', (_name, input) => {
		expect(publicityProblems(input)).toEqual([]);
	});

	it.each([
		[
			'asks for an end or working days when neither is given',
			{ start: '2026-11-18' },
			[
				{
					field: 'publicity',
					code: 'publicityEndOrDays',
					params: { found: '—', expected: 'end | workingDays' },
				},
			],
		],
		[
			'refuses both an end and working days',
			{ start: '2026-11-18', end: '2026-11-27', workingDays: 5 },
			[
				{
					field: 'publicity',
					code: 'publicityEndOrDays',
					params: { found: 'end + workingDays', expected: 'end | workingDays' },
				},
			],
		],
		[
			'refuses an end before the start',
			{ start: '2026-11-18', end: '2026-11-17' },
			[
				{
					field: 'publicity.end',
					code: 'endBeforeStart',
					params: { found: '2026-11-17', expected: '≥ 2026-11-18' },
				},
			],
		],
		[
			'refuses an end time before the start time on the same day',
			{ start: '2026-11-18T09:00', end: '2026-11-18T08:30' },
			[
				{
					field: 'publicity.end',
					code: 'endBeforeStart',
					params: { found: '2026-11-18T08:30', expected: '≥ 2026-11-18T09:00' },
				},
			],
		],
	])('%s', (_name, input, expected) => {
		expect(publicityProblems(input)).toEqual(expected);
	});

	it.each([0, 61, 2.5, '5', -3])('refuses %j working days', (workingDays) => {
		expect(publicityProblems({ start: '2026-11-18', workingDays })).toEqual([
			{
				field: 'publicity.workingDays',
				code: 'workingDaysRange',
				params: { found: String(workingDays), expected: '1–60' },
			},
		]);
	});
});

describe('periodProblems', () => {
	it.each([
		['accepts a period without an end', { start: '2026-03-01' }, []],
		['accepts an end after the start', { start: '2026-03-01', end: '2026-11-30' }, []],
		[
			'refuses an end before the start under the given prefix',
			{ start: '2026-03-01', end: '2025-11-30' },
			[
				{
					field: 'period.end',
					code: 'endBeforeStart',
					params: { found: '2025-11-30', expected: '≥ 2026-03-01' },
				},
			],
		],
	])('%s', (_name, period, expected) => {
		expect(periodProblems(period, 'period')).toEqual(expected);
	});
});
