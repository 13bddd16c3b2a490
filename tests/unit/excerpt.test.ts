import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipText, SUMMARY_BUDGET, withoutSalutation } from '../../src/lib/display-fit.ts';
import { excerpt, LEADING_PROSE, leadingParagraphs, plainText } from '../../src/lib/excerpt.ts';
import { demoFiles } from './demo-files.ts';

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

/** The Markdown bodies of the demo union. */
function demoBodies(): string[] {
	return demoFiles(/\.mdx?$/).map((file) =>
		readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''),
	);
}

describe('leadingParagraphs', () => {
	/** Everything that summarises a body: excerpts, and the lobby screens' summaries. */
	const summaries = (markdown: string) => [
		excerpt(markdown),
		...Object.values(SUMMARY_BUDGET).map(
			(budget) => clipText(withoutSalutation(plainText(markdown)), budget).text,
		),
	];

	it('keeps what every summary reads, of every demo body and of long ones made from them', () => {
		const bodies = demoBodies();
		expect(bodies.length).toBeGreaterThan(20);
		// Long bodies too: each demo body followed by the next two, fenced code and tables included.
		const long = bodies.map((body, i) =>
			[
				body,
				bodies[(i + 1) % bodies.length],
				'```\n代码\n\n仍是代码\n```',
				bodies[(i + 2) % bodies.length],
			].join('\n\n'),
		);
		let shortened = 0;
		for (const body of [...bodies, ...long]) {
			const lead = leadingParagraphs(body);
			expect(summaries(lead)).toEqual(summaries(body));
			expect(plainText(body).startsWith(plainText(lead))).toBe(true);
			if (lead.length < body.length) shortened++;
		}
		expect(shortened).toBeGreaterThan(bodies.length / 2);
	});

	it('returns a short body whole', () => {
		const body = '各位职工：\n\n本周五下午停电检修。\n\n特此通知。';
		expect(leadingParagraphs(body)).toBe(body);
	});

	it('cuts at the first paragraph end with enough prose, never inside a code fence', () => {
		const p = '职工之家开放时间调整。'.repeat(14); // 154 characters
		const fence = ['```', p, '', p, '```'];
		const body = [p, '', p, '', ...fence, '', p, '', p].join('\n');
		// Two paragraphs are 309 characters of prose, the fence none: the cut follows the third.
		const lead = leadingParagraphs(body);
		expect(lead).toBe([p, '', p, '', ...fence, '', p].join('\n'));
		expect(plainText(lead)).toBe([p, p, p].join(' '));
	});

	it('counts prose, not Markdown, towards the characters kept', () => {
		const link = '[通知](https://example.com/a/very/long/address/that/is/not/prose/at/all/)';
		const body = Array(20).fill(`${link}${link}${link}。`).join('\n\n');
		const lead = leadingParagraphs(body, 60);
		expect([...plainText(lead)].length).toBeGreaterThanOrEqual(60);
		expect([...plainText(lead)].length).toBeLessThan(60 + 10);
	});

	it('reads Windows line ends', () => {
		const paragraph = '安全生产月活动安排如下。'.repeat(20);
		const body = [paragraph, paragraph, paragraph].join('\r\n\r\n');
		expect(plainText(leadingParagraphs(body))).toBe([paragraph, paragraph].join(' '));
		expect(LEADING_PROSE).toBeLessThan(2 * [...paragraph].length);
	});
});
