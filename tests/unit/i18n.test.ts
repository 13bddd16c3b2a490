import { describe, expect, it } from 'vitest';
import { dictionaries, interpolate, missingKeys, translator } from '../../src/i18n/index.ts';
import { LOCALES } from '../../src/schemas/site.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(LOCALES.filter((l) => l !== 'zh-CN'))('the %s dictionary', (locale) => {
	it('has every key of zh-CN', () => {
		expect(missingKeys(locale)).toEqual([]);
	});

	it('has no key zh-CN lacks (a typo or a stale key)', () => {
		const extra = Object.keys(dictionaries[locale]).filter(
			(key) => !(key in dictionaries['zh-CN']),
		);
		expect(extra).toEqual([]);
	});

	it('uses the same placeholders as zh-CN in every string', () => {
		const mismatched = Object.entries(dictionaries['zh-CN'])
			.filter(
				([key, text]) =>
					key in dictionaries[locale] &&
					placeholders(text).join() !== placeholders(dictionaries[locale][key]!).join(),
			)
			.map(([key]) => key);
		expect(mismatched).toEqual([]);
	});
});

describe('translator', () => {
	it('fills placeholders and leaves unknown ones as they are', () => {
		expect(interpolate('还剩 {n} 天，{x}', { n: 3 })).toBe('还剩 3 天，{x}');
	});

	it('speaks the site language', () => {
		expect(translator('zh-CN')('status.open')).toBe('公示中');
		expect(translator('zh-TW')('nav.units')).toBe('組織機構');
		expect(translator('en')('status.closed')).toBe('Ended');
	});

	it('falls back to the key for an unknown key', () => {
		expect(translator('en')('no.such.key')).toBe('no.such.key');
	});
});
