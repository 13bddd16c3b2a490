/**
 * "Did you mean …?" for ids an editor mistyped: the valid choices nearest to
 * what was written, so an error message can name the likely fix.
 */

/** The `n` candidates nearest to `found` by edit distance, nearest first (ties in code-point order). */
export function closest(found: string, candidates: Iterable<string>, n = 3): string[] {
	return [...new Set(candidates)]
		.map((candidate) => ({ candidate, distance: distance(found, candidate) }))
		.sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
		.slice(0, n)
		.map((c) => c.candidate);
}

// Ids are paths (`tech/team-1`); an editor who left out the folder wrote
// exactly the last segment, so that counts as a match too.
function distance(found: string, candidate: string): number {
	const lastSegment = candidate.slice(candidate.lastIndexOf('/') + 1);
	return Math.min(levenshtein(found, candidate), levenshtein(found, lastSegment));
}

/** Edits (insert, delete, substitute one character) that turn `a` into `b`. */
export function levenshtein(a: string, b: string): number {
	// Code points, not UTF-16 units, so a Chinese character is one edit.
	const s = [...a];
	const t = [...b];
	let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
	for (let i = 1; i <= s.length; i++) {
		const current = [i];
		for (let j = 1; j <= t.length; j++) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[t.length]!;
}
