/**
 * The mainland China working-day calendar: weekends, public holidays and the
 * 调休 make-up working days announced each year by the State Council, from
 * the chinese-days data (2004 onwards). A year the data does not cover yet
 * falls back to Monday–Friday, and callers are told which years those were,
 * because a 公示期 counted that way may be wrong and an editor must check it.
 */
// A deep JSON import (the package has no "exports" map) works the same in
// Node's type stripping and in Vite; the JS API would pull in the lunar code.
import calendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, civilDay, parseCivil, weekday } from './dates.ts';

const holidays: Readonly<Record<string, string>> = calendar.holidays;
const makeUpWorkdays: Readonly<Record<string, string>> = calendar.workdays;
const yearsWithData = new Set(
	[...Object.keys(holidays), ...Object.keys(makeUpWorkdays)].map((day) => Number(day.slice(0, 4))),
);

/** True when `day` is a working day: a 调休 make-up day, or Monday–Friday and not a public holiday. */
export function isWorkingDay(day: string): boolean {
	const d = civilDay(day);
	if (makeUpWorkdays[d] !== undefined) return true;
	const w = weekday(d);
	return w !== 0 && w !== 6 && holidays[d] === undefined;
}

/** True when the holiday data covers `year`; otherwise working days there are only Monday–Friday. */
export function hasCalendarData(year: number): boolean {
	return yearsWithData.has(year);
}

/**
 * The `count`-th working day from `start`: `start` is day 1 when it is a
 * working day, otherwise the first working day after it is. `missingYears`
 * lists the years passed through that had no holiday data.
 */
export function addWorkingDays(
	start: string,
	count: number,
): { end: string; missingYears: number[] } {
	if (!Number.isInteger(count) || count < 1) {
		throw new RangeError(`Working-day count must be a positive integer: ${count}`);
	}
	let day = civilDay(start);
	let counted = isWorkingDay(day) ? 1 : 0;
	while (counted < count) {
		day = addDays(day, 1);
		if (isWorkingDay(day)) counted++;
	}
	return { end: day, missingYears: missingYearsBetween(civilDay(start), day) };
}

/** Working days from `start` to `end`, both included; 0 when `end` is before `start`. */
export function countWorkingDays(start: string, end: string): number {
	const last = civilDay(end);
	let n = 0;
	for (let day = civilDay(start); day <= last; day = addDays(day, 1)) {
		if (isWorkingDay(day)) n++;
	}
	return n;
}

function missingYearsBetween(from: string, to: string): number[] {
	const missing: number[] = [];
	for (let year = parseCivil(from)!.year; year <= parseCivil(to)!.year; year++) {
		if (!hasCalendarData(year)) missing.push(year);
	}
	return missing;
}
