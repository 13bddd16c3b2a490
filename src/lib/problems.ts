/**
 * A content problem, written for the editor who has to fix it: which file,
 * which field, what was found, what is expected. The wording lives in the
 * i18n dictionaries under `error.<code>`; this module only carries the facts.
 */

export type ProblemParams = Record<string, string | number>;

export interface Problem {
	/** Path relative to the content folder, with `/` separators (`notices/2025/a.md`). */
	file: string;
	/** Dotted field path (`publicity.end`, `results[2].score`), or `''` for the whole file. */
	field: string;
	/** Message code: the dictionary key is `error.<code>`. */
	code: string;
	/** Values for the message: usually `found`, `expected` and anything the hint needs. */
	params: ProblemParams;
	/** 1-based line in the file, where it is known (YAML syntax, CSV rows, body text). */
	line?: number;
	/** `warning` does not fail a build. */
	severity?: 'error' | 'warning';
}

/** A problem before it is pinned to a file (what pure checks return). */
export type FieldProblem = Omit<Problem, 'file'>;

/** Pins field problems to the file they were found in. */
export function inFile(file: string, problems: FieldProblem[]): Problem[] {
	return problems.map((p) => ({ ...p, file }));
}

/** Joins a field path: `field('results', 2, 'score')` → `results[2].score`. */
export function fieldPath(...parts: Array<string | number | symbol>): string {
	let out = '';
	for (const part of parts) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out;
}

/** A message lookup: `t('error.required', { field: 'title' })`. */
export type Translate = (key: string, params?: ProblemParams) => string;

/** One line per problem: `notices/a.md › publicity.end: …`. */
export function formatProblem(problem: Problem, t: Translate): string {
	const file = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const where = problem.field ? `${file} › ${problem.field}` : file;
	const label = problem.severity === 'warning' ? t('check.warning') : t('check.error');
	// A YAML parser error carries the parser's code; its explanation is a message of its own.
	const yaml = problem.params.yaml;
	const detail =
		yaml === undefined
			? ''
			: t(`yaml.${yaml}`) === `yaml.${yaml}`
				? t('yaml.other')
				: t(`yaml.${yaml}`);
	return `${label} ${where}: ${t(`error.${problem.code}`, { ...problem.params, detail })}`;
}

/** Sorts problems by file, then field, so a report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			a.field.localeCompare(b.field) ||
			a.code.localeCompare(b.code),
	);
}
