/**
 * How competition results read: the heading of the total column (with the
 * metrics' common unit, e.g. 总成绩（秒）), the ranking rule in words, the
 * award groups, and the CSV download of a ranking.
 */
import Papa from 'papaparse';
import type { RankedRow } from './ranking.ts';

export interface Metric {
	key: string;
	label: string;
	unit?: string | undefined;
}

/** The total column's heading: with the unit all metrics share, if they share one. */
export function scoreColumnLabel(
	metrics: readonly Metric[],
	label: string,
	withUnit: (label: string, unit: string) => string,
): string {
	const units = new Set(metrics.map((m) => m.unit));
	const [unit] = [...units];
	return units.size === 1 && unit ? withUnit(label, unit) : label;
}

/** The unit all metrics share, if any (for the chart's values). */
export function commonUnit(metrics: readonly Metric[]): string | undefined {
	const units = new Set(metrics.map((m) => m.unit));
	const [unit] = [...units];
	return units.size === 1 ? unit : undefined;
}

/** Rows grouped by award in ranking order (一等奖 first when it ranks first); rows without an award are left out. */
export function awardGroups<R extends Pick<RankedRow, 'award'>>(
	rows: readonly R[],
): Array<{ award: string; rows: R[] }> {
	const groups = new Map<string, R[]>();
	for (const row of rows) {
		if (!row.award) continue;
		groups.set(row.award, [...(groups.get(row.award) ?? []), row]);
	}
	return [...groups].map(([award, list]) => ({ award, rows: list }));
}

/** Column headings of the CSV download, in the site language. */
export interface CsvHeadings {
	rank: string;
	name: string;
	type: string;
	unit: string;
	score: string;
	award: string;
	note: string;
	/** A heading with its unit, e.g. 粗加工用时（秒）. */
	withUnit: (label: string, unit: string) => string;
	/** A shared rank, e.g. 2（并列）. */
	tiedRank: (rank: number) => string;
}

/**
 * The ranking as CSV for spreadsheets: a UTF-8 BOM (so Excel reads Chinese
 * correctly), CRLF line ends, the computed rank (ties marked), the unit's
 * name, one column per metric.
 */
export function resultsCsv(
	rows: ReadonlyArray<RankedRow & { unitName: string; typeLabel: string }>,
	metrics: readonly Metric[],
	h: CsvHeadings,
): string {
	const header = [
		h.rank,
		h.name,
		h.type,
		h.unit,
		...metrics.map((m) => (m.unit ? h.withUnit(m.label, m.unit) : m.label)),
		h.score,
		h.award,
		h.note,
	];
	const body = rows.map((r) => [
		r.rank === undefined ? '' : r.tied ? h.tiedRank(r.rank) : String(r.rank),
		r.name,
		r.typeLabel,
		r.unitName,
		...metrics.map((m) => (r.scores?.[m.key] === undefined ? '' : String(r.scores[m.key]))),
		r.score === undefined ? '' : String(r.score),
		r.award ?? '',
		r.note ?? '',
	]);
	return '\uFEFF' + Papa.unparse([header, ...body], { newline: '\r\n' }) + '\r\n';
}
