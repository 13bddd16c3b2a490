/**
 * Competition results: ranks computed from scores with standard competition
 * ranking (ties share a rank and the next rank is skipped: 1, 2, 2, 4), and
 * the check that ranks an editor typed agree with the scores.
 */
import type { FieldProblem } from './problems.ts';

/** 个人 (a person) or 团队 (a team). */
export type ResultType = '个人' | '团队';

/** One result row as written in the entry or its CSV file. */
export interface ResultRow {
	rank?: number;
	name: string;
	type: ResultType;
	unit: string;
	score?: number;
	scores?: Record<string, number>;
	award?: string;
	note?: string;
}

/** A row ready to show: `rank` is the given or computed rank; `tied` when another row shares it. */
export interface RankedRow extends ResultRow {
	rank?: number;
	computedRank?: number;
	tied: boolean;
}

/** Ranks rows by score (`desc`: higher first) and sorts them by rank; rows without score or rank come last. */
export function rankResults(rows: ResultRow[], order: 'asc' | 'desc'): RankedRow[] {
	const computed = computedRanks(rows, order);
	const ranked = rows.map((row, index) => {
		const computedRank = computed[index];
		const rank = row.rank ?? computedRank;
		const out: RankedRow = { ...row, tied: false };
		if (rank === undefined) delete out.rank;
		else out.rank = rank;
		if (computedRank !== undefined) out.computedRank = computedRank;
		return { out, index };
	});
	const perRank = new Map<number, number>();
	for (const { out } of ranked) {
		if (out.rank !== undefined) perRank.set(out.rank, (perRank.get(out.rank) ?? 0) + 1);
	}
	for (const { out } of ranked) {
		out.tied = out.rank !== undefined && perRank.get(out.rank)! > 1;
	}
	// Array.prototype.sort is stable, but the index keeps the order explicit.
	return ranked
		.sort((a, b) => (a.out.rank ?? Infinity) - (b.out.rank ?? Infinity) || a.index - b.index)
		.map(({ out }) => out);
}

/** Given ranks that disagree with the scores, as `rankMismatch` problems on `results[i].rank`. */
export function rankProblems(rows: ResultRow[], order: 'asc' | 'desc'): FieldProblem[] {
	const computed = computedRanks(rows, order);
	const problems: FieldProblem[] = [];
	rows.forEach((row, i) => {
		const expected = computed[i];
		if (row.rank === undefined || expected === undefined || row.rank === expected) return;
		problems.push({
			field: `results[${i}].rank`,
			code: 'rankMismatch',
			params: { found: row.rank, expected, name: row.name },
		});
	});
	return problems;
}

// Standard competition ranking: a row's rank is 1 + the number of scored
// rows strictly better, i.e. 1 + where its score first appears in score order.
function computedRanks(rows: ResultRow[], order: 'asc' | 'desc'): Array<number | undefined> {
	const sorted = rows
		.flatMap((row) => (row.score === undefined ? [] : [row.score]))
		.sort((a, b) => (order === 'desc' ? b - a : a - b));
	const firstAt = new Map<number, number>();
	sorted.forEach((score, i) => {
		if (!firstAt.has(score)) firstAt.set(score, i + 1);
	});
	return rows.map((row) => (row.score === undefined ? undefined : firstAt.get(row.score)));
}
