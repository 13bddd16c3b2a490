import { describe, expect, it } from 'vitest';
import { siteScript, toSimplified, toTraditional } from '../../src/lib/search-chinese.ts';
import {
	foldTable,
	foldText,
	parseFoldTable,
	type ScriptChars,
} from '../../src/lib/search-fold.ts';

/** The characters of a site whose text is `texts`, converted as the build does. */
function charsOf(texts: string[], toSite: (text: string) => string): ScriptChars {
	const chars: ScriptChars = { all: new Set(), normal: new Set() };
	for (const text of texts) {
		for (const c of text) chars.all.add(c);
		for (const c of toSite(text)) chars.normal.add(c);
	}
	return chars;
}

describe('foldTable', () => {
	it('folds Traditional (Taiwan and Hong Kong forms) onto what a Simplified site contains', () => {
		const { toSite, toOther } = siteScript('zh-CN');
		const table = parseFoldTable(
			foldTable(charsOf(['劳动模范', '职工书屋'], toSite), toSite, toOther),
		);
		expect(foldText('勞動模範', table)).toBe('劳动模范');
		expect(foldText('職工書屋', table)).toBe('职工书屋');
		// Only characters the site has are targets: 發 is not folded on a site without 发.
		expect(table.has('發')).toBe(false);
	});

	it('never folds a character the site itself writes (乾隆 stays 乾隆)', () => {
		const { toSite, toOther } = siteScript('zh-CN');
		const table = parseFoldTable(foldTable(charsOf(['乾隆年间', '干部'], toSite), toSite, toOther));
		expect(toSite('乾隆')).toBe('乾隆');
		expect(foldText('乾隆', table)).toBe('乾隆');
		expect(foldText('幹部', table)).toBe('干部');
	});

	it("folds a Traditional page's own characters onto its Simplified copy", () => {
		const { toSite, toOther } = siteScript('zh-CN');
		const table = parseFoldTable(foldTable(charsOf(['港澳職工聯誼會'], toSite), toSite, toOther));
		expect(foldText('聯誼會', table)).toBe('联谊会');
		expect(foldText('联谊会', table)).toBe('联谊会');
	});

	it('folds Simplified onto a Traditional (zh-TW) site', () => {
		const script = siteScript('zh-TW');
		expect(script.toSite).toBe(toTraditional);
		expect(script.toOther).toEqual([toSimplified]);
		const table = parseFoldTable(
			foldTable(
				charsOf(['勞動模範推薦', '職工書屋'], script.toSite),
				script.toSite,
				script.toOther,
			),
		);
		expect(foldText('劳动模范推荐', table)).toBe('勞動模範推薦');
		expect(foldText('职工书屋', table)).toBe('職工書屋');
	});

	it('reads only well-formed tables, and leaves text alone without one', () => {
		expect(parseFoldTable(undefined).size).toBe(0);
		expect(parseFoldTable(42).size).toBe(0);
		expect(foldText('勞動', new Map())).toBe('勞動');
		expect([...parseFoldTable('發发頭头')]).toEqual([
			['發', '发'],
			['頭', '头'],
		]);
	});
});
