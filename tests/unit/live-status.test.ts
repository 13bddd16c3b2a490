import { describe, expect, it } from 'vitest';
import { dayNumber, liveDaysLeft, liveDaysUntil, liveStatus } from '../../src/lib/live-status.ts';
import {
	daysLeft,
	periodInstants,
	periodStatus,
	resolvePublicity,
} from '../../src/lib/publicity.ts';

const TZ = 'Asia/Shanghai';
const at = (local: string) => Date.parse(`${local}+08:00`);

describe('liveStatus agrees with the build-time rules', () => {
	const periods = [
		{ name: 'a date-only period', period: { start: '2026-11-18', end: '2026-11-27' } },
		{
			name: 'a period that starts at 09:00',
			period: { start: '2026-11-18T09:00', end: '2026-11-27' },
		},
		{
			name: 'a period that ends at 17:00',
			period: { start: '2026-11-18', end: '2026-11-27T17:00' },
		},
		{
			name: 'the 5-working-day period across National Day',
			period: resolvePublicity({ start: '2026-09-28', workingDays: 5, contact: 'x' }),
		},
	];
	const instants = [
		'2026-09-27T23:59:59',
		'2026-09-28T00:00:00',
		'2026-10-01T12:00:00',
		'2026-10-09T23:59:59',
		'2026-10-10T00:00:00',
		'2026-11-18T08:59:59',
		'2026-11-18T09:00:00',
		'2026-11-21T10:00:00',
		'2026-11-27T16:59:59',
		'2026-11-27T17:00:00',
		'2026-11-27T23:59:59',
		'2026-11-28T00:00:00',
	];
	describe.each(periods)('$name', ({ period }) => {
		const { startsAt, endsAt } = periodInstants(period, TZ);
		it.each(instants)('at %s', (local) => {
			const now = at(local);
			expect(liveStatus(startsAt, endsAt, now)).toBe(periodStatus(period, now, TZ));
			if (liveStatus(startsAt, endsAt, now) === 'open')
				expect(liveDaysLeft(endsAt!, now, TZ)).toBe(daysLeft(period, now, TZ));
		});
	});

	it('never closes a period without an end', () => {
		expect(liveStatus(at('2026-01-01T00:00:00'), undefined, at('2099-01-01T00:00:00'))).toBe(
			'open',
		);
	});
});

describe('day arithmetic in the site time zone', () => {
	it('counts the day in Shanghai, not in UTC', () => {
		// 23:30 UTC on the 20th is the 21st in Shanghai.
		expect(dayNumber(Date.UTC(2026, 10, 20, 23, 30), TZ)).toBe(Date.UTC(2026, 10, 21) / 86_400_000);
	});

	it.each([
		['2026-11-21T10:00:00', '2026-11-27', 7],
		['2026-11-27T10:00:00', '2026-11-27', 1],
	])('on %s a period ending %s has %i days left', (now, end, expected) => {
		const { endsAt } = periodInstants({ start: '2026-11-01', end }, TZ);
		expect(liveDaysLeft(endsAt!, at(now), TZ)).toBe(expected);
	});

	it.each([
		['2026-11-30T23:00:00', 1],
		['2026-11-21T10:00:00', 10],
	])('on %s a period starting on 1 December starts in %i days', (now, expected) => {
		expect(liveDaysUntil(at('2026-12-01T00:00:00'), at(now), TZ)).toBe(expected);
	});
});
