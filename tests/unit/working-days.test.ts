import { describe, expect, it } from 'vitest';
import {
	addWorkingDays,
	countWorkingDays,
	hasCalendarData,
	isWorkingDay,
} from '../../src/lib/working-days.ts';

describe('isWorkingDay', () => {
	it.each([
		['2026-09-30', true, 'an ordinary Wednesday'],
		['2026-10-03', false, 'a Saturday'],
		['2026-10-04', false, 'a Sunday'],
		['2026-10-01', false, 'National Day'],
		['2026-10-07', false, 'a weekday in the National Day holiday'],
		['2026-10-10', true, 'the 调休 Saturday after National Day'],
		['2026-09-20', true, 'the 调休 Sunday before Mid-Autumn'],
		['2026-09-25', false, 'Mid-Autumn Festival (a Friday)'],
		['2026-02-14', true, 'the 调休 Saturday before Spring Festival'],
		['2026-02-16', false, 'Spring Festival Eve'],
		['2026-02-23', false, 'the last day of the Spring Festival holiday (a Monday)'],
		['2027-01-04', true, 'a Monday in a year without data'],
		['2027-01-02', false, 'a Saturday in a year without data'],
	])('says %s is a working day: %s (%s)', (day, expected) => {
		expect(isWorkingDay(day)).toBe(expected);
	});

	it('reads only the day of a date with a time', () => {
		expect(isWorkingDay('2026-10-10T09:00')).toBe(true);
	});
});

describe('hasCalendarData', () => {
	it.each([
		[2004, true],
		[2025, true],
		[2026, true],
		[2003, false],
		[2027, false],
	])('knows whether %i has holiday data (%s)', (year, expected) => {
		expect(hasCalendarData(year)).toBe(expected);
	});
});

describe('addWorkingDays', () => {
	it.each([
		['ends a 5-working-day period after the National Day holiday', '2026-09-28', 5, '2026-10-09'],
		['counts the 调休 Saturday after National Day', '2026-09-28', 6, '2026-10-10'],
		['counts the start itself when it is a working day', '2026-09-28', 1, '2026-09-28'],
		['starts a period given on a weekend on the next Monday', '2026-11-21', 1, '2026-11-23'],
		['counts a period starting on a Saturday from Monday', '2026-11-21', 5, '2026-11-27'],
		['starts a period given on a holiday after the holiday', '2026-10-02', 1, '2026-10-08'],
		[
			'counts a period starting on a holiday from the first working day after it',
			'2026-10-05',
			3,
			'2026-10-10',
		],
		[
			'jumps the Spring Festival holiday, counting the 调休 Saturday before it',
			'2026-02-13',
			3,
			'2026-02-24',
		],
		['counts the 调休 Saturday after Spring Festival', '2026-02-24', 5, '2026-02-28'],
		['counts the 调休 Sunday before Mid-Autumn', '2026-09-18', 3, '2026-09-21'],
		['skips the Mid-Autumn long weekend', '2026-09-24', 3, '2026-09-29'],
	])('%s', (_name, start, count, end) => {
		expect(addWorkingDays(start, count)).toEqual({ end, missingYears: [] });
	});

	it.each([
		['falls back to Monday–Friday in 2027 and reports it', '2027-09-27', 5, '2027-10-01', [2027]],
		['reports a year without data that a period runs into', '2026-12-28', 10, '2027-01-08', [2027]],
		['reports each year without data once, in order', '2027-12-20', 20, '2028-01-14', [2027, 2028]],
	])('%s', (_name, start, count, end, missingYears) => {
		expect(addWorkingDays(start, count)).toEqual({ end, missingYears });
	});

	it.each([0, -1, 2.5, Number.NaN])('refuses a count of %s', (count) => {
		expect(() => addWorkingDays('2026-09-28', count)).toThrow(RangeError);
	});
});

describe('countWorkingDays', () => {
	it.each([
		['2026-09-28', '2026-10-09', 5, 'across the National Day holiday'],
		['2026-09-28', '2026-10-10', 6, 'including the 调休 Saturday'],
		['2026-10-01', '2026-10-07', 0, 'inside the holiday'],
		['2026-11-23', '2026-11-23', 1, 'on one working day'],
		['2026-11-24', '2026-11-23', 0, 'when the end is before the start'],
		['2026-02-01', '2026-02-28', 16, 'in February 2026: 20 weekdays, 6 off, 2 调休 Saturdays'],
	])('counts %s to %s as %i working days (%s)', (start, end, expected) => {
		expect(countWorkingDays(start, end)).toBe(expected);
	});

	it.each([
		['2026-09-28', 5],
		['2026-02-10', 12],
		['2026-12-21', 9],
	])('agrees with addWorkingDays from %s over %i days', (start, n) => {
		expect(countWorkingDays(start, addWorkingDays(start, n).end)).toBe(n);
	});
});
