/** The text `npm run check` and `npm run build` print for a validation run. */
import { formatProblem, sortProblems, type Problem, type Translate } from '../problems.ts';

export interface Report {
	lines: string[];
	errors: number;
	warnings: number;
}

/** One line per problem, errors first, then a summary line. */
export function report(
	problems: Problem[],
	t: Translate,
	files: number,
	milliseconds: number,
): Report {
	const sorted = sortProblems(problems);
	const errors = sorted.filter((p) => p.severity !== 'warning');
	const warnings = sorted.filter((p) => p.severity === 'warning');
	const seconds = (milliseconds / 1000).toFixed(2);
	const lines = [...errors, ...warnings].map((p) => formatProblem(p, t));
	lines.push(
		errors.length
			? t('check.summary.failed', { count: errors.length, files, seconds })
			: t('check.summary.ok', { files, seconds }),
	);
	if (warnings.length) lines.push(t('check.summary.warnings', { count: warnings.length }));
	return { lines, errors: errors.length, warnings: warnings.length };
}
