/**
 * Simplified ↔ Traditional conversion for the search index (build time
 * only: the dictionaries are large). Phrase-aware, so 头发 becomes 頭髮 and
 * 发展 becomes 發展. Traditional input may use Taiwan or Hong Kong forms.
 * A page in the other script than the site's gets a copy in the site's
 * script, and the query fold table (search-fold.ts) is made with these.
 */
import * as OpenCC from 'opencc-js';

/** One dictionary of an OpenCC configuration: `"source replacement|…"` or pairs. */
type Dictionary = string | ReadonlyArray<readonly [string, string]>;

interface OpenCCConfig {
	normalizationChain?: Dictionary[][];
	conversionChain: Dictionary[][];
}

function entries(dictionary: Dictionary): ReadonlyArray<readonly [string, string]> {
	if (typeof dictionary !== 'string') return dictionary;
	return dictionary.split('|').map((entry) => {
		const [source = '', replacement = ''] = entry.split(' ');
		return [source, replacement] as const;
	});
}

/**
 * Characters at least one of which is in every source text the dictionaries
 * of `config` replace with something else: the character each such entry
 * changes (a single-character entry's own; in a phrase, the first that
 * differs). Text with none of them comes out of the conversion unchanged —
 * a replacement needs its whole source in the text — so it need not be
 * converted: on a Simplified site 97 % of text runs have none.
 */
export function changeWitnesses(config: OpenCCConfig): { bmp: Uint8Array; astral: boolean } {
	const witnesses = new Set<number>();
	const phrases: Array<readonly [string, string]> = [];
	for (const dictionary of [...(config.normalizationChain ?? []), ...config.conversionChain].flat())
		for (const [source, replacement] of entries(dictionary)) {
			if (source === replacement || source === '') continue;
			const chars = [...source];
			if (chars.length === 1) witnesses.add(source.codePointAt(0)!);
			else phrases.push([source, replacement]);
		}
	for (const [source, replacement] of phrases) {
		const from = [...source].map((char) => char.codePointAt(0)!);
		if (from.some((code) => witnesses.has(code))) continue;
		const to = [...replacement].map((char) => char.codePointAt(0)!);
		const at = from.findIndex((code, i) => code !== to[i]);
		witnesses.add(from[at < 0 ? from.length - 1 : at]!);
	}
	const bmp = new Uint8Array(0x10000);
	let astral = false;
	for (const code of witnesses) {
		if (code < 0x10000) bmp[code] = 1;
		else astral = true;
	}
	return { bmp, astral };
}

/**
 * OpenCC's converter `from` → `to`, returning at once the text that holds
 * none of its {@link changeWitnesses} (the same result, without the
 * dictionary walk: the search index converts every text run of every page).
 */
function converter(from: string, to: string, name: string): (text: string) => string {
	const convert = OpenCC.Converter({ from, to } as Parameters<typeof OpenCC.Converter>[0]);
	const config = (OpenCC.Locale as unknown as { configs: Record<string, OpenCCConfig> }).configs[
		name
	];
	if (!config) return convert;
	// Made at the first conversion: most importers of this module convert nothing.
	let witnesses: ReturnType<typeof changeWitnesses> | undefined;
	return (text) => {
		const { bmp, astral } = (witnesses ??= changeWitnesses(config));
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			if (bmp[code] === 1 || (astral && code >= 0xd800 && code <= 0xdbff)) return convert(text);
		}
		return text;
	};
}

/** Simplified → Traditional (Taiwan forms, which most Traditional readers type). */
export const toTraditional = converter('cn', 'tw', 's2tw');

/** Traditional (Taiwan, Hong Kong or OpenCC standard forms) → Simplified. */
export const toSimplified = converter('hk', 'cn', 'hk2s');

/** Simplified → Hong Kong Traditional forms (for the characters a reader in Hong Kong may type). */
export const toHongKong = converter('cn', 'hk', 's2hk');

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
