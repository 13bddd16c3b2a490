/**
 * Civil dates: what editors write (`2025-10-08`, `2025-10-08T09:30`), kept as
 * strings until a time zone turns them into instants. A content date never
 * becomes a `Date` on its own: "the 8th" means a different instant in
 * Shanghai and in Urumqi-on-UTC servers, and builds run anywhere.
 */
import { TZDate } from '@date-fns/tz';

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
export type CivilDate = string;

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

export interface CivilParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	/** True when the value named a time of day, not just a day. */
	hasTime: boolean;
}

/** Splits a civil date into numbers; `undefined` when it is not a real calendar date. */
export function parseCivil(value: string): CivilParts | undefined {
	const m = CIVIL.exec(value.trim());
	if (!m) return undefined;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const hasTime = m[4] !== undefined;
	const hour = hasTime ? Number(m[4]) : 0;
	const minute = hasTime ? Number(m[5]) : 0;
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59) return undefined;
	return { year, month, day, hour, minute, hasTime };
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for `YYYY-MM-DD` / `YYYY-MM-DDTHH:mm` strings that name a real date and time. */
export function isCivilDate(value: string): boolean {
	return parseCivil(value) !== undefined;
}

/**
 * Normalises what a YAML parser may hand over (a string, or a `Date` that
 * js-yaml made from an unquoted `2025-10-08`) into a civil date string.
 * Returns `undefined` for anything else, or for an impossible date.
 */
export function toCivil(value: unknown): CivilDate | undefined {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		const iso = value.toISOString();
		const time = iso.slice(11, 16);
		return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
	}
	if (typeof value !== 'string') return undefined;
	const parts = parseCivil(value);
	if (!parts) return undefined;
	return formatCivil(parts);
}

/** Writes parts back as a canonical civil date string. */
export function formatCivil(p: Omit<CivilParts, 'hasTime'> & { hasTime?: boolean }): CivilDate {
	const date = `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
	return p.hasTime ? `${date}T${pad(p.hour)}:${pad(p.minute)}` : date;
}

/** The day part of a civil date. */
export function civilDay(value: CivilDate): string {
	return value.slice(0, 10);
}

/**
 * The instant a civil date names in `timeZone`. A date without a time means
 * the start of that day, or — with `edge: 'end'` — the start of the next day,
 * so that "ends on the 8th" includes the whole of the 8th.
 */
export function civilToInstant(
	value: CivilDate,
	timeZone: string,
	edge: 'start' | 'end' = 'start',
): number {
	const key = `${value}|${timeZone}|${edge}`;
	let instant = instants.get(key);
	if (instant === undefined) {
		const p = parseCivil(value);
		if (!p) throw new RangeError(`Not a civil date: ${value}`);
		const dayShift = !p.hasTime && edge === 'end' ? 1 : 0;
		instant = new TZDate(
			p.year,
			p.month - 1,
			p.day + dayShift,
			p.hour,
			p.minute,
			timeZone,
		).getTime();
		remember(instants, key, instant);
	}
	return instant;
}

/**
 * Time-zone arithmetic is slow (an Intl call per conversion) and a build asks
 * for the same few thousand days over and over: both conversions are memoised.
 */
const instants = new Map<string, number>();
const days = new Map<string, string>();
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
	if (cache.size >= 100_000) cache.clear();
	cache.set(key, value);
}

/** The calendar day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function dayAt(instant: number, timeZone: string): string {
	const key = `${instant}|${timeZone}`;
	let day = days.get(key);
	if (day === undefined) {
		const d = new TZDate(instant, timeZone);
		day = formatCivil({
			year: d.getFullYear(),
			month: d.getMonth() + 1,
			day: d.getDate(),
			hour: 0,
			minute: 0,
		});
		remember(days, key, day);
	}
	return day;
}

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
	const p = parseCivil(day);
	if (!p) throw new RangeError(`Not a civil date: ${day}`);
	const d = new Date(Date.UTC(p.year, p.month - 1, p.day + n));
	return d.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (`YYYY-MM-DD`): 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return (utcDay(to) - utcDay(from)) / 86_400_000;
}

/** Day of the week of a calendar day: 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
	const p = parseCivil(day);
	if (!p) throw new RangeError(`Not a civil date: ${day}`);
	return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** Compares two civil dates by the instant they start; date-only sorts before times on the same day. */
export function compareCivil(a: CivilDate, b: CivilDate): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function utcDay(day: string): number {
	const p = parseCivil(day);
	if (!p) throw new RangeError(`Not a civil date: ${day}`);
	return Date.UTC(p.year, p.month - 1, p.day);
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}
