import { describe, expect, it } from 'vitest';
import { excerpt, plainText } from '../../src/lib/excerpt.ts';

describe('plainText', () => {
	it.each([
		[
			'drops headings and keeps paragraphs',
			'## 一、时间\n\n3月1日开始。\n\n## 二、地点\n\n职工之家。',
			'3月1日开始。 职工之家。',
		],
		[
			'drops tables',
			'说明如下：\n\n| 项目 | 金额 |\n|---|---:|\n| 收入 | 5 |\n\n以上。',
			'说明如下： 以上。',
		],
		[
			'unwraps emphasis, links and code',
			'**各分工会**：请见[通知](../x/)和`表格`。',
			'各分工会：请见通知和表格。',
		],
		['drops images', '![合影](a.jpg)\n\n活动圆满结束。', '活动圆满结束。'],
		[
			'drops MDX imports and components',
			"import Chart from './c.astro';\n\n<Chart data={x} />\n\n正文。",
			'正文。',
		],
		['drops fenced code', '前言。\n\n```\ncode\n```\n\n后记。', '前言。 后记。'],
		['joins wrapped Chinese lines without a space', '第一行\n第二行。', '第一行第二行。'],
		[
			'joins wrapped Latin lines with a space',
			'first line\nsecond line.',
			'first line second line.',
		],
		['keeps list items as text', '- 报名；\n- 培训。', '报名；培训。'],
	])('%s', (_, markdown, expected) => {
		expect(plainText(markdown)).toBe(expected);
	});
});

describe('excerpt', () => {
	it('returns short text whole', () => {
		expect(excerpt('短文。')).toBe('短文。');
	});

	it('stops at the last sentence end near the limit', () => {
		const text =
			'第一句话写得比较长一些，用来占位。'.repeat(3) +
			'最后一句不会出现在摘要里，因为它超出了长度。';
		const out = excerpt(text, 40);
		expect(out.endsWith('。')).toBe(true);
		expect([...out].length).toBeLessThanOrEqual(40);
	});

	it('cuts with an ellipsis when no sentence ends near the limit', () => {
		const out = excerpt('没有句号的很长很长的一段文字'.repeat(10), 20);
		expect([...out]).toHaveLength(21);
		expect(out.endsWith('…')).toBe(true);
	});

	it('does not end an ellipsis after a comma', () => {
		expect(excerpt('甲乙丙丁戊己庚辛，壬癸子丑寅卯辰巳午未申酉戌亥', 9)).toBe('甲乙丙丁戊己庚辛…');
	});
});
