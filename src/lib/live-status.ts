/**
 * The status rules the browser runs on the reader's day: the same answers
 * as publicity.ts (`periodStatus`, `daysLeft`), but from instants written
 * into the page at build, with nothing but `Intl` — no date library, no
 * holiday calendar — so the page script stays well under 2 KB.
 */

/** 未开始 / 公示中 (进行中) / 已结束. */
export type LiveStatus = 'upcoming' | 'open' | 'closed';

/** Status at `now` of a period from `start` (inclusive) to `end` (exclusive; none: never closes). */
export function liveStatus(start: number, end: number | undefined, now: number): LiveStatus {
	if (now < start) return 'upcoming';
	return end !== undefined && now >= end ? 'closed' : 'open';
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `instant` in `timeZone` as a day number (days since 1970-01-01). */
export function dayNumber(instant: number, timeZone: string): number {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
		});
		formats.set(timeZone, format);
	}
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
	return Date.UTC(parts.year!, parts.month! - 1, parts.day!) / 86_400_000;
}

/** Days left in an open period, today and the last day both counted (ends today → 1). */
export function liveDaysLeft(end: number, now: number, timeZone: string): number {
	// The last day is the one holding the period's last instant: an end at midnight does not count that day.
	return dayNumber(end - 1, timeZone) - dayNumber(now, timeZone) + 1;
}

/** Calendar days from today until the day a period starts (starts tomorrow → 1). */
export function liveDaysUntil(start: number, now: number, timeZone: string): number {
	return dayNumber(start, timeZone) - dayNumber(now, timeZone);
}
