/**
 * Simplified and Traditional Chinese meet in one script at query time.
 *
 * The index holds every page as written, plus — only where a page is in the
 * other script — a copy converted into the site's script (Simplified for a
 * zh-CN site, Traditional for zh-TW; see search-text.ts). The search page
 * then folds what the reader typed into the site's script, character by
 * character, with a table made at build from the characters the site
 * actually contains ({@link foldTable}). A Traditional query finds
 * Simplified pages and the reverse, and a site written in one script pays
 * for no second copy of its text: the table is a few kilobytes, where a
 * copy of every page doubled the index and the time to build it.
 *
 * Characters are folded only towards a character the site's text contains in
 * its own script, and never when the character itself occurs there (乾 in
 * 乾隆 stays 乾 on a Simplified site).
 */

/** What a site's text contains: Han characters once converted to the site's script, and as written (at least where that differs). */
export interface ScriptChars {
	all: Set<string>;
	normal: Set<string>;
}

/**
 * The fold table of a site, as a string of pairs (`發发頭头…`: each
 * character of the other script followed by the character it folds to).
 *
 * @param toSite converts text into the site's script (char by char here)
 * @param toOther converters into the other script's forms (Taiwan, Hong Kong …), for the
 *   characters a reader may type that the site does not contain
 */
export function foldTable(
	chars: ScriptChars,
	toSite: (text: string) => string,
	toOther: ReadonlyArray<(text: string) => string>,
): string {
	const candidates = new Set<string>();
	for (const char of chars.all) if (!chars.normal.has(char)) candidates.add(char);
	for (const char of chars.normal)
		for (const convert of toOther) {
			const other = convert(char);
			if (other !== char && [...other].length === 1) candidates.add(other);
		}
	const pairs: string[] = [];
	for (const char of [...candidates].sort()) {
		if (chars.normal.has(char)) continue;
		const target = toSite(char);
		if (target !== char && chars.normal.has(target)) pairs.push(char + target);
	}
	return pairs.join('');
}

/** The table of {@link foldTable} as a map; anything malformed is skipped. */
export function parseFoldTable(table: unknown): Map<string, string> {
	const map = new Map<string, string>();
	if (typeof table !== 'string') return map;
	const chars = [...table];
	for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
	return map;
}

/** `text` with every character the table names folded into the site's script. */
export function foldText(text: string, table: ReadonlyMap<string, string>): string {
	if (table.size === 0) return text;
	let out = '';
	for (const char of text) out += table.get(char) ?? char;
	return out;
}
