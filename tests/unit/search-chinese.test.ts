import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { demoFiles } from './demo-files.ts';
import {
	changeWitnesses,
	toHongKong,
	toSimplified,
	toTraditional,
} from '../../src/lib/search-chinese.ts';

/** OpenCC's own converters, without the shortcut. */
const plain = {
	toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
	toSimplified: OpenCC.Converter({ from: 'hk', to: 'cn' }),
	toHongKong: OpenCC.Converter({ from: 'cn', to: 'hk' }),
};
const configs = (OpenCC.Locale as unknown as { configs: Record<string, never> }).configs;

/** Every line of the demo union's text (Simplified), with some Traditional and Hong Kong text. */
function corpus(): string[] {
	const lines = demoFiles(/\.(md|mdx|ya?ml|csv)$/).flatMap((file) =>
		readFileSync(file, 'utf8').split('\n'),
	);
	lines.push(
		'關於開展2026年度職工技能競賽的通知',
		'頭髮、發展、乾隆年間的乾燥天氣',
		'示覆、函覆、藉口、沈重、明瞭',
		'一坏土',
		'軟件與軟體，香港的裏面和里面',
		'𠮷野家與𩸽',
		'⿰氵每',
	);
	return lines;
}

describe('the conversion shortcut', () => {
	it('converts every text exactly as OpenCC does', () => {
		const texts = corpus();
		expect(texts.length).toBeGreaterThan(1000);
		for (const text of texts) {
			expect(toSimplified(text)).toBe(plain.toSimplified(text));
			expect(toTraditional(text)).toBe(plain.toTraditional(text));
			expect(toHongKong(text)).toBe(plain.toHongKong(text));
		}
	});

	it('covers every dictionary entry that changes text', () => {
		for (const name of ['hk2s', 's2tw', 's2hk']) {
			const config = configs[name] as Parameters<typeof changeWitnesses>[0];
			const { bmp, astral } = changeWitnesses(config);
			for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain])
				for (const dictionary of group) {
					const pairs =
						typeof dictionary === 'string'
							? dictionary.split('|').map((entry) => entry.split(' '))
							: dictionary;
					for (const [source = '', replacement] of pairs) {
						if (source === replacement || source === '') continue;
						const witnessed = [...source].some((char) => {
							const code = char.codePointAt(0)!;
							return code < 0x10000 ? bmp[code] === 1 : astral;
						});
						expect(witnessed, `${name}: ${source} → ${replacement}`).toBe(true);
					}
				}
		}
	});

	it('leaves most Simplified text to the shortcut', () => {
		const { bmp } = changeWitnesses(configs.hk2s as Parameters<typeof changeWitnesses>[0]);
		const lines = corpus().filter((line) => /\p{Script=Han}/u.test(line));
		const converted = lines.filter((line) => [...line].some((c) => bmp[c.charCodeAt(0)] === 1));
		expect(converted.length / lines.length).toBeLessThan(0.2);
		expect(toSimplified('关于开展职工技能竞赛的通知')).toBe('关于开展职工技能竞赛的通知');
		expect(toSimplified('關於開展職工技能競賽的通知')).toBe('关于开展职工技能竞赛的通知');
	});
});
