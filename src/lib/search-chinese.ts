/**
 * Simplified ↔ Traditional conversion for the search index (build time
 * only: the dictionaries are large). Phrase-aware, so 头发 becomes 頭髮 and
 * 发展 becomes 發展. Traditional input may use Taiwan or Hong Kong forms.
 */
import * as OpenCC from 'opencc-js';

/** Simplified → Traditional (Taiwan forms, which most Traditional readers type). */
export const toTraditional: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Traditional (Taiwan, Hong Kong or OpenCC standard forms) → Simplified. */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Both directions: a page gets a copy in whichever script it is not already in. */
export const scriptConverters: ReadonlyArray<(text: string) => string> = [
	toTraditional,
	toSimplified,
];
