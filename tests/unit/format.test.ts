import { describe, expect, it } from 'vitest';
import {
	fileFormat,
	formatBytes,
	formatDate,
	formatInstant,
	formatNumber,
	phoneText,
	telHref,
} from '../../src/lib/format.ts';

const SH = { locale: 'zh-CN', timeZone: 'Asia/Shanghai' };

describe('formatDate', () => {
	it.each([
		['2026-11-21', SH, 'long', '2026年11月21日'],
		['2026-11-18T09:00', SH, 'long', '2026年11月18日 09:00'],
		['2026-11-21', SH, 'short', '11月21日'],
		['2026-11-21', SH, 'month', '2026年11月'],
		['2026-11-21', { locale: 'zh-TW', timeZone: 'Asia/Shanghai' }, 'long', '2026年11月21日'],
		['2026-11-21', { locale: 'en', timeZone: 'Asia/Shanghai' }, 'long', 'November 21, 2026'],
		[
			'2026-11-18T21:30',
			{ locale: 'en', timeZone: 'Asia/Shanghai' },
			'long',
			'November 18, 2026 at 21:30',
		],
	] as const)('prints %s in %o as %s style', (value, ctx, style, expected) => {
		expect(formatDate(value, ctx, style)).toBe(expected);
	});

	it('prints the day the civil date names, whatever zone the build machine is in', () => {
		// Midnight in Shanghai is the previous evening in UTC.
		expect(formatDate('2026-01-01', SH)).toBe('2026年1月1日');
		expect(formatDate('2026-01-01', { locale: 'zh-CN', timeZone: 'America/Los_Angeles' })).toBe(
			'2026年1月1日',
		);
	});

	it('rejects what is not a civil date', () => {
		expect(() => formatDate('2026-02-30', SH)).toThrow(RangeError);
	});
});

describe('formatInstant', () => {
	it('prints an instant on the day it falls in the site time zone', () => {
		const instant = Date.UTC(2026, 10, 20, 17, 0); // 01:00 on the 21st in Shanghai
		expect(formatInstant(instant, SH)).toBe('2026年11月21日');
		expect(formatInstant(instant, SH, true)).toBe('2026年11月21日 01:00');
	});
});

describe('formatBytes', () => {
	it.each([
		[0, 'zh-CN', '0 B'],
		[512, 'zh-CN', '512 B'],
		[512, 'en', '512 byte'],
		[1024, 'zh-CN', '1 kB'],
		[23_456, 'zh-CN', '22.9 kB'],
		[1_572_864, 'en', '1.5 MB'],
		[200 * 1024 * 1024, 'en', '200 MB'],
	])('formats %d bytes in %s as %s', (bytes, locale, expected) => {
		expect(formatBytes(bytes, locale)).toBe(expected);
	});
});

describe('formatNumber', () => {
	it('groups thousands in the locale', () => {
		expect(formatNumber(3862, 'zh-CN')).toBe('3,862');
	});
});

describe('fileFormat', () => {
	it.each([
		['jingfei.pdf', 'PDF'],
		['sub/baomingbiao.DOCX', 'DOCX'],
		['mingdan.xlsx', 'XLSX'],
		['a.b.csv', 'CSV'],
		['README', ''],
		['.hidden', ''],
	])('names the format of %s as %s', (file, expected) => {
		expect(fileFormat(file)).toBe(expected);
	});
});

describe('phone numbers', () => {
	it('never wrap on screen and dial with digits only', () => {
		expect(phoneText('0512-66881234')).toBe('0512\u201166881234');
		expect(telHref('0512-6688 1234')).toBe('tel:051266881234');
		expect(telHref('+86 512-66881234')).toBe('tel:+8651266881234');
	});
});
