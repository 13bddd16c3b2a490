/**
 * Simplified ↔ Traditional conversion for the search index (build time
 * only: the dictionaries are large). Phrase-aware, so 头发 becomes 頭髮 and
 * 发展 becomes 發展. Traditional input may use Taiwan or Hong Kong forms.
 * A page in the other script than the site's gets a copy in the site's
 * script, and the query fold table (search-fold.ts) is made with these.
 */
import * as OpenCC from 'opencc-js';

/** Simplified → Traditional (Taiwan forms, which most Traditional readers type). */
export const toTraditional: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Traditional (Taiwan, Hong Kong or OpenCC standard forms) → Simplified. */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Simplified → Hong Kong Traditional forms (for the characters a reader in Hong Kong may type). */
export const toHongKong: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'hk' });

/** Both directions: a page gets a copy in whichever script it is not already in. */
export const scriptConverters: ReadonlyArray<(text: string) => string> = [
	toTraditional,
	toSimplified,
];

/** How a site's search index meets both scripts (see search-fold.ts). */
export interface SiteScript {
	/** Into the site's script: the copy of a page in the other script, and the fold table's targets. */
	toSite: (text: string) => string;
	/** Into the other script's forms: the characters a reader may type that the site lacks. */
	toOther: ReadonlyArray<(text: string) => string>;
}

/** The script of a site language: Traditional for zh-TW, zh-HK, zh-Hant…; Simplified otherwise. */
export function siteScript(locale: string | undefined): SiteScript {
	return /^zh-(?:tw|hk|mo|hant)\b/i.test(locale ?? '')
		? { toSite: toTraditional, toOther: [toSimplified] }
		: { toSite: toSimplified, toOther: [toTraditional, toHongKong] };
}
