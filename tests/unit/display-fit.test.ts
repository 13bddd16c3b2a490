import { describe, expect, it } from 'vitest';
import { clipText, textWidth, titleSize, withoutSalutation } from '../../src/lib/display-fit.ts';

describe('textWidth', () => {
	it.each([
		['counts a CJK character as one em', '公示', 2],
		['counts Latin letters and digits as about half', 'ab12', 2.2],
		['counts full-width punctuation and brackets as one', '〔〕（）。，“”', 8],
		['mixes both', '2026年', 2.2 + 1],
		['counts an ideograph outside the BMP once', '𠀀', 1],
	])('%s', (_name, text, expected) => {
		expect(textWidth(text)).toBeCloseTo(expected, 5);
	});
});

describe('titleSize', () => {
	it.each([
		['a short title is extra large', '关于寒潮天气期间调整上下班时间的紧急通知', 'xl'],
		['a 24-character title is large', '2027年元旦春节“冬送温暖”困难职工帮扶名单公示', 'l'],
		[
			'a long title is medium',
			'第三届职工代表大会第四次会议关于通过《集体合同（2026—2028年）》的决议',
			'm',
		],
		['a very long title is small', '关于'.repeat(30), 's'],
	])('%s', (_name, title, expected) => {
		expect(titleSize(title)).toBe(expected);
	});
});

describe('clipText', () => {
	it.each([
		['keeps a text that fits', '短文本。', 10, { text: '短文本。', clipped: false }],
		['collapses white space', '一  二\n三', 10, { text: '一 二 三', clipped: false }],
		[
			'cuts at the last sentence end, without an ellipsis',
			'第一句话说完了。第二句话也说完了。第三句很长很长很长很长。',
			18,
			{ text: '第一句话说完了。第二句话也说完了。', clipped: true },
		],
		[
			'cuts at a clause end when no sentence ends late enough',
			'受强寒潮影响，常白班上班时间推迟至九点，户外作业暂停请注意安全',
			22,
			{ text: '受强寒潮影响，常白班上班时间推迟至九点…', clipped: true },
		],
		[
			'cuts mid-text when there is no break at all',
			'一二三四五六七八九十一二三四五六七八九十',
			10,
			{ text: '一二三四五六七八九…', clipped: true },
		],
		[
			'does not cut at a sentence end too early in the text',
			'好。一二三四五六七八九十一二三四五六七八九十',
			10,
			{ text: '好。一二三四五六七…', clipped: true },
		],
	])('%s', (_name, text, budget, expected) => {
		const fitted = clipText(text, budget);
		expect(fitted).toEqual(expected);
		expect(textWidth(fitted.text)).toBeLessThanOrEqual(budget);
	});
});

describe('withoutSalutation', () => {
	it.each([
		['drops 各分工会：', '各分工会： 元旦、春节将至。', '元旦、春节将至。'],
		['drops a longer salutation', '各单位、全体职工： 据预报……', '据预报……'],
		['keeps a colon inside a sentence', '时间：2026年11月21日。', '时间：2026年11月21日。'],
		[
			'keeps a long first clause ending in a colon',
			'根据苏州市总工会关于做好劳动模范推荐工作的通知要求： 公司……',
			'根据苏州市总工会关于做好劳动模范推荐工作的通知要求： 公司……',
		],
		['keeps text without one', '经民主推荐，现予公示。', '经民主推荐，现予公示。'],
	])('%s', (_name, prose, expected) => {
		expect(withoutSalutation(prose)).toBe(expected);
	});
});
