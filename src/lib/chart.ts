/**
 * A horizontal bar chart of ranked results, laid out at build time for an
 * inline SVG (no chart JavaScript). Widths are percentages of the SVG's own
 * width, so the chart fills a phone or a wide screen while its text keeps a
 * readable size; heights are in CSS pixels. Bars start at zero: a bar twice
 * as long is a score twice as large.
 */

/** One bar: a label line above the bar, the value at the end of the label line. */
export interface BarInput {
	label: string;
	value: number;
	/** Text shown for the value, e.g. "1,456 秒". */
	valueText: string;
	/** Highlight (e.g. the podium); styling only. */
	emphasis?: boolean;
}

export interface Bar extends BarInput {
	/** Bar length in percent of the chart width (0–100). */
	percent: number;
	/** Baseline of the label text. */
	labelY: number;
	/** Top of the bar. */
	barY: number;
}

export interface BarChart {
	bars: Bar[];
	/** Total height in px. */
	height: number;
	barHeight: number;
	fontSize: number;
}

export interface BarChartOptions {
	/** Height of a bar (px). */
	barHeight?: number;
	/** Label font size (px). */
	fontSize?: number;
	/** Space between rows (px). */
	gap?: number;
	/** Shortest visible bar in percent, so a tiny value still shows. */
	minPercent?: number;
}

/** Lays out bars for `inputs` in their order; values must be finite and ≥ 0 (others are dropped). */
export function barChart(inputs: readonly BarInput[], options: BarChartOptions = {}): BarChart {
	const { barHeight = 14, fontSize = 14, gap = 14, minPercent = 0.5 } = options;
	const valid = inputs.filter((b) => Number.isFinite(b.value) && b.value >= 0);
	const max = Math.max(0, ...valid.map((b) => b.value));
	const labelLine = Math.round(fontSize * 1.5);
	const row = labelLine + barHeight + gap;
	const bars = valid.map((input, i) => {
		const top = i * row;
		const raw = max === 0 ? 0 : (input.value / max) * 100;
		const percent = input.value === 0 ? 0 : Math.max(minPercent, Math.round(raw * 100) / 100);
		return { ...input, percent, labelY: top + Math.round(fontSize * 1.1), barY: top + labelLine };
	});
	const height = bars.length ? bars.length * row - gap : 0;
	return { bars, height, barHeight, fontSize };
}
