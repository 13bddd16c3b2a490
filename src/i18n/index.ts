/**
 * UI strings: one flat dictionary per locale with dotted keys. zh-CN is the
 * default and complete; the others fall back to it key by key.
 */
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import zhTW from './zh-TW.json' with { type: 'json' };
import type { Locale } from '../schemas/site.ts';
import type { ProblemParams, Translate } from '../lib/problems.ts';

export type Dictionary = Record<string, string>;

export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** Fills `{name}` placeholders. */
export function interpolate(template: string, params: ProblemParams = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		params[name] === undefined ? whole : String(params[name]),
	);
}

/** A translator for `locale`; unknown keys fall back to zh-CN, then to the key itself. */
export function translator(locale: Locale): Translate {
	const dict = dictionaries[locale];
	const fallback = dictionaries['zh-CN'];
	return (key, params) => interpolate(dict[key] ?? fallback[key] ?? key, params);
}

/** Keys of the default dictionary missing from `locale` (checked by the tests and at build). */
export function missingKeys(locale: Locale): string[] {
	return Object.keys(dictionaries['zh-CN']).filter((key) => !(key in dictionaries[locale]));
}
