import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/lib/chart.ts';

const bar = (label: string, value: number) => ({ label, value, valueText: String(value) });

describe('barChart', () => {
	it('makes bar lengths proportional to values, the largest filling the width', () => {
		const chart = barChart([bar('a', 100), bar('b', 50), bar('c', 25)]);
		expect(chart.bars.map((b) => b.percent)).toEqual([100, 50, 25]);
	});

	it('starts bars at zero, so close scores look close', () => {
		const chart = barChart([bar('a', 95.5), bar('b', 94.5)]);
		expect(chart.bars[1]!.percent).toBeCloseTo(98.95, 2);
	});

	it('stacks rows top to bottom with a label line above each bar', () => {
		const chart = barChart([bar('a', 1), bar('b', 2)], { fontSize: 14, barHeight: 14, gap: 14 });
		const [a, b] = chart.bars;
		expect(a!.labelY).toBeLessThan(a!.barY);
		expect(b!.barY - a!.barY).toBe(21 + 14 + 14);
		expect(chart.height).toBe(b!.barY + 14);
	});

	it('gives a tiny positive value a visible bar and zero none', () => {
		const chart = barChart([bar('a', 10_000), bar('b', 1), bar('c', 0)]);
		expect(chart.bars[1]!.percent).toBe(0.5);
		expect(chart.bars[2]!.percent).toBe(0);
	});

	it('leaves out values that cannot be drawn', () => {
		expect(
			barChart([bar('a', Number.NaN), bar('b', -3), bar('c', 5)]).bars.map((b) => b.label),
		).toEqual(['c']);
	});

	it('has no height without bars', () => {
		expect(barChart([])).toMatchObject({ bars: [], height: 0 });
	});
});
