/**
 * Dates, numbers and file sizes for readers, through `Intl` in the site's
 * locale and time zone. A civil date (`2025-10-08`) is printed as the day it
 * names; a civil date-time also gets its time of day (24-hour clock).
 */
import { civilToInstant, parseCivil, type CivilDate } from './dates.ts';

/** What every formatter needs: the UI locale and the site's time zone. */
export interface FormatContext {
	locale: string;
	timeZone: string;
}

/** `long`: 2026年11月21日 / November 21, 2026; `short`: 11月21日 / Nov 21; `month`: 2026年11月. */
export type DateStyle = 'long' | 'short' | 'month';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
	long: { year: 'numeric', month: 'long', day: 'numeric' },
	short: { month: 'short', day: 'numeric' },
	month: { year: 'numeric', month: 'long' },
};
const TIME_OPTIONS: Intl.DateTimeFormatOptions = {
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
};

const cache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(
	ctx: FormatContext,
	options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
	const key = `${ctx.locale}|${ctx.timeZone}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
		cache.set(key, format);
	}
	return format;
}

/** A civil date as readers write it; the time of day is added when the value has one (unless `style` is `month`). */
export function formatDate(
	value: CivilDate,
	ctx: FormatContext,
	style: DateStyle = 'long',
): string {
	const key = `${value}|${style}|${ctx.locale}|${ctx.timeZone}`;
	let text = formatted.get(key);
	if (text !== undefined) return text;
	const parts = parseCivil(value);
	if (!parts) throw new RangeError(`Not a civil date: ${value}`);
	const withTime = parts.hasTime && style !== 'month';
	const options = withTime ? { ...DATE_OPTIONS[style], ...TIME_OPTIONS } : DATE_OPTIONS[style];
	text = dateTimeFormat(ctx, options).format(civilToInstant(value, ctx.timeZone));
	// A build formats the same few thousand dates on page after page.
	if (formatted.size >= 100_000) formatted.clear();
	formatted.set(key, text);
	return text;
}

const formatted = new Map<string, string>();

/** An instant (epoch ms), e.g. the build time, as a date (and time when `withTime`). */
export function formatInstant(instant: number, ctx: FormatContext, withTime = false): string {
	// Mostly the build time, on every page: kept with the dates.
	const key = `@${instant}|${withTime}|${ctx.locale}|${ctx.timeZone}`;
	let text = formatted.get(key);
	if (text !== undefined) return text;
	text = dateTimeFormat(
		ctx,
		withTime ? { ...DATE_OPTIONS.long, ...TIME_OPTIONS } : DATE_OPTIONS.long,
	).format(instant);
	if (formatted.size >= 100_000) formatted.clear();
	formatted.set(key, text);
	return text;
}

/** A number with the locale's grouping, e.g. 3,862. */
export function formatNumber(
	value: number,
	locale: string,
	options: Intl.NumberFormatOptions = {},
): string {
	return new Intl.NumberFormat(locale, options).format(value);
}

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size the way file managers show it (1 KB = 1024 bytes), e.g. 12.3 kB, 1.5 MB, 512 byte. */
export function formatBytes(bytes: number, locale: string): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: SIZE_UNITS[unit],
		maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
	}).format(value);
}

/** What readers call a file's format: PDF, DOCX, XLSX, CSV … from its extension ('' when it has none). */
export function fileFormat(file: string): string {
	const name = file.split('/').pop() ?? file;
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toUpperCase() : '';
}

/** A phone number for display: hyphens become non-breaking (U+2011), so the number never wraps. */
export function phoneText(phone: string): string {
	return phone.replace(/-/g, '\u2011');
}

/** A `tel:` URL: digits and a leading plus only. */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** A translated template cut at its `{name}` placeholders, so that markup (e.g. `<time>`) can fill them. */
export function templateParts(template: string): Array<{ text: string } | { slot: string }> {
	return template
		.split(/(\{\w+\})/)
		.filter((part) => part !== '')
		.map((part) => {
			const m = /^\{(\w+)\}$/.exec(part);
			return m ? { slot: m[1]! } : { text: part };
		});
}
