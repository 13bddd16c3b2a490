/**
 * "Did you mean …?" for ids an editor mistyped: the valid choices nearest to
 * what was written, so an error message can name the likely fix.
 */

/** The `n` candidates nearest to `found` by edit distance, nearest first (ties in code-point order). */
export function closest(found: string, candidates: Iterable<string>, n = 3): string[] {
	return [...new Set(candidates)]
		.map((candidate) => ({ candidate, distance: distance(found, candidate) }))
		.sort(
			(a, b) =>
				a.distance - b.distance ||
				(a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0),
		)
		.slice(0, n)
		.map((c) => c.candidate);
}

// Ids are paths (`tech/team-1`); an editor who left out the folder wrote
// exactly the last segment, so that counts as a match too.
function distance(found: string, candidate: string): number {
	const lastSegment = candidate.slice(candidate.lastIndexOf('/') + 1);
	return Math.min(editDistance(found, candidate), editDistance(found, lastSegment));
}

/** Edits that turn `a` into `b`: insert, delete or substitute a character, or swap two adjacent ones. */
export function editDistance(a: string, b: string): number {
	// Levenshtein plus adjacent transpositions (optimal string alignment):
	// `tehc` for `tech` is one slip of the fingers, not two.
	// Code points, not UTF-16 units, so a Chinese character is one edit.
	const s = [...a];
	const t = [...b];
	const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
		Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	for (let i = 1; i <= s.length; i++) {
		for (let j = 1; j <= t.length; j++) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
				best = Math.min(best, d[i - 2]![j - 2]! + 1);
			d[i]![j] = best;
		}
	}
	return d[s.length]![t.length]!;
}
