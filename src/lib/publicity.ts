/**
 * 公示期 and other dated periods (competitions): resolving an end from a
 * number of working days, and the status on a given instant. Status depends
 * on the reader's today, not the build's, so everything here takes `now` and
 * a time zone and the browser can run the same rules.
 */
import {
	civilDay,
	civilToInstant,
	daysBetween,
	dayAt,
	parseCivil,
	toCivil,
	type CivilDate,
} from './dates.ts';
import type { FieldProblem } from './problems.ts';
import { addWorkingDays } from './working-days.ts';

/** A period as editors write it; a date-only `end` includes the whole of that day. */
export interface PeriodInput {
	start: CivilDate;
	end?: CivilDate;
}

/** 未开始 / 公示中 (进行中) / 已结束. */
export type PeriodStatus = 'upcoming' | 'open' | 'closed';

/** The `publicity` field of a 公示: an end date or a number of working days, never both. */
export interface PublicityInput {
	start: CivilDate;
	end?: CivilDate;
	workingDays?: number;
	contact: string;
}

/** A 公示期 with its end worked out; `missingYears` are years counted Monday–Friday for lack of holiday data. */
export interface Publicity {
	start: CivilDate;
	end: CivilDate;
	workingDays?: number;
	contact: string;
	missingYears: number[];
}

/** Longest 公示期 we accept in working days: longer is almost certainly a typo for a date. */
const MAX_WORKING_DAYS = 60;

/** Works out the end of a 公示期; a `workingDays` end is a whole day even when `start` has a time. */
export function resolvePublicity(input: PublicityInput): Publicity {
	const { start, end, workingDays, contact } = input;
	if (end !== undefined) {
		return {
			start,
			end,
			...(workingDays === undefined ? {} : { workingDays }),
			contact,
			missingYears: [],
		};
	}
	if (workingDays === undefined) {
		throw new RangeError('A publicity period needs an end or a number of working days');
	}
	const counted = addWorkingDays(civilDay(start), workingDays);
	return { start, end: counted.end, workingDays, contact, missingYears: counted.missingYears };
}

/** The instants a period starts and ends in `timeZone`; `endsAt` is exclusive (a date-only end is the next midnight). */
export function periodInstants(
	period: PeriodInput,
	timeZone: string,
): { startsAt: number; endsAt?: number } {
	const startsAt = civilToInstant(period.start, timeZone, 'start');
	if (period.end === undefined) return { startsAt };
	return { startsAt, endsAt: civilToInstant(period.end, timeZone, 'end') };
}

/** Whether a period has not started, is running, or is over at `now`; a period without an end never closes. */
export function periodStatus(period: PeriodInput, now: number, timeZone: string): PeriodStatus {
	const { startsAt, endsAt } = periodInstants(period, timeZone);
	if (now < startsAt) return 'upcoming';
	if (endsAt !== undefined && now >= endsAt) return 'closed';
	return 'open';
}

/** Calendar days left in an open period, today and the last day both counted (ends today → 1); otherwise `undefined`. */
export function daysLeft(period: PeriodInput, now: number, timeZone: string): number | undefined {
	const { endsAt } = periodInstants(period, timeZone);
	if (endsAt === undefined || periodStatus(period, now, timeZone) !== 'open') return undefined;
	// The day holding the period's last instant: an end of `T00:00` does not count that day.
	const lastDay = dayAt(endsAt - 1, timeZone);
	return daysBetween(dayAt(now, timeZone), lastDay) + 1;
}

/** Checks of a `publicity` object that zod cannot say neatly: end or working days, order, range. */
export function publicityProblems(input: {
	start?: unknown;
	end?: unknown;
	workingDays?: unknown;
}): FieldProblem[] {
	const problems: FieldProblem[] = [];
	const hasEnd = input.end !== undefined && input.end !== null;
	const hasDays = input.workingDays !== undefined && input.workingDays !== null;
	if (hasEnd === hasDays) {
		problems.push({
			field: 'publicity',
			code: 'publicityEndOrDays',
			params: { found: hasEnd ? 'end + workingDays' : '—', expected: 'end | workingDays' },
		});
	}
	if (hasEnd) problems.push(...endBeforeStart(input.start, input.end, 'publicity.end'));
	if (hasDays) {
		const n = input.workingDays;
		if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
			problems.push({
				field: 'publicity.workingDays',
				code: 'workingDaysRange',
				params: { found: String(n), expected: `1–${MAX_WORKING_DAYS}` },
			});
		}
	}
	return problems;
}

/** Checks that a period (a competition's `period`) does not end before it starts. */
export function periodProblems(
	period: { start?: unknown; end?: unknown },
	prefix: string,
): FieldProblem[] {
	return endBeforeStart(period.start, period.end, `${prefix}.end`);
}

// Invalid or missing dates are the schema's to report; this only compares two good ones.
function endBeforeStart(startValue: unknown, endValue: unknown, field: string): FieldProblem[] {
	const start = toCivil(startValue);
	const end = toCivil(endValue);
	if (start === undefined || end === undefined) return [];
	// A date-only end covers its whole day, so only the days compare; with a
	// time, canonical civil strings compare in time order (date-only = 00:00).
	const ok = parseCivil(end)!.hasTime ? end >= start : end >= civilDay(start);
	if (ok) return [];
	return [{ field, code: 'endBeforeStart', params: { found: end, expected: `≥ ${start}` } }];
}
