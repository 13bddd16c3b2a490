/**
 * The content validator behind `npm run check` and the first step of every
 * build: the zod schemas of src/schemas/ plus the rules zod cannot express,
 * and the personal-data guard. It reports every problem in one run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { plainHelpers } from '../../schemas/common.ts';
import { makeCompetitionSchema, makeResultRowSchema } from '../../schemas/competitions.ts';
import { makeModelWorkerSchema } from '../../schemas/model-workers.ts';
import { makeNoticeSchema } from '../../schemas/notices.ts';
import { makePolicySchema } from '../../schemas/policies.ts';
import { siteSchema, type SiteConfig } from '../../schemas/site.ts';
import { makeUnitSchema } from '../../schemas/units.ts';
import { parseCsv, resultRowsFromCsv } from '../csv.ts';
import { personalDataProblems } from '../personal-data.ts';
import { inFile, type FieldProblem, type Problem } from '../problems.ts';
import { rankProblems, type ResultRow } from '../ranking.ts';
import { unknownUnitProblem, unitTreeProblems } from '../unit-tree.ts';
import { closest } from '../suggest.ts';
import { attachmentProblems } from './attachments.ts';
import { readContent, type CollectionName, type RawEntry } from './read.ts';
import { knownKeys, zodProblems } from './zod-problems.ts';

const schemas: Record<CollectionName, z.ZodType> = {
	units: makeUnitSchema(plainHelpers),
	notices: makeNoticeSchema(plainHelpers),
	'model-workers': makeModelWorkerSchema(plainHelpers),
	competitions: makeCompetitionSchema(plainHelpers),
	policies: makePolicySchema(plainHelpers),
};
const resultRowSchema = makeResultRowSchema(plainHelpers);

/**
 * A misspelt field (`categroy:`) would otherwise be dropped without a word:
 * warn, suggesting the nearest known name. Not an error — the contract lets a
 * union add its own fields.
 */
function unknownFieldProblems(data: Record<string, unknown>, schema: z.ZodType): FieldProblem[] {
	const known = knownKeys(schema);
	return Object.keys(data)
		.filter((key) => !known.includes(key))
		.map((key) => ({
			field: key,
			code: 'unknownField',
			params: { found: key, expected: closest(key, known, 1)[0] ?? '—' },
			severity: 'warning' as const,
		}));
}

const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif'];

/** A validated entry: the schema's output and where it came from. */
export interface CheckedEntry extends RawEntry {
	output: Record<string, unknown> | undefined;
}

export interface ValidationResult {
	site: SiteConfig | undefined;
	entries: CheckedEntry[];
	problems: Problem[];
	/** Number of entry files read. */
	files: number;
}

/** Fields whose text is meant to be public contact data, exempt from the personal-data guard. */
function isExemptPath(collection: CollectionName | 'site', path: Array<string | number>): boolean {
	if ((collection === 'site' || collection === 'units') && path[0] === 'contact') return true;
	return collection === 'notices' && path[0] === 'publicity' && path[1] === 'contact';
}

/** Every string in a parsed YAML value, with its path. */
function* strings(
	value: unknown,
	path: Array<string | number> = [],
): Generator<[Array<string | number>, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value))
		for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
	else if (value && typeof value === 'object' && !(value instanceof Date))
		for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
	else if (typeof value === 'number' && Number.isInteger(value) && String(value).length >= 11)
		yield [path, String(value)];
}

function pathString(path: Array<string | number>): string {
	return path.reduce<string>(
		(out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p),
		'',
	);
}

function guardData(
	collection: CollectionName | 'site',
	data: Record<string, unknown>,
): FieldProblem[] {
	const out: FieldProblem[] = [];
	for (const [path, text] of strings(data)) {
		if (isExemptPath(collection, path)) continue;
		out.push(...personalDataProblems(text, pathString(path)).map(({ line: _line, ...p }) => p));
	}
	return out;
}

function guardBody(entry: RawEntry): Problem[] {
	return personalDataProblems(entry.body, 'body').map((p) => ({
		...p,
		file: entry.file,
		line: p.line === undefined ? undefined : p.line + entry.bodyLine - 1,
	}));
}

function fileNextTo(entry: RawEntry, path: string): string {
	return join(dirname(entry.absolute), path);
}

/** Checks that a file named in an entry exists next to it. */
function fileProblems(
	entry: RawEntry,
	field: string,
	path: unknown,
	extensions?: string[],
): FieldProblem[] {
	if (typeof path !== 'string' || !path) return [];
	const absolute = fileNextTo(entry, path);
	if (!existsSync(absolute) || !statSync(absolute).isFile()) {
		const siblings = existsSync(dirname(absolute)) ? listSiblings(dirname(absolute)) : [];
		return [
			{
				field,
				code: 'fileMissing',
				params: { found: path, expected: closest(path, siblings, 3).join('、') || '—' },
			},
		];
	}
	if (extensions && !extensions.includes(extname(path).toLowerCase())) {
		return [{ field, code: 'fileType', params: { found: path, expected: extensions.join(', ') } }];
	}
	return [];
}

/** Files next to a missing one that could be what the editor meant (not other entries). */
function listSiblings(dir: string): string[] {
	if (!statSync(dir).isDirectory()) return [];
	return readdirSync(dir).filter((name) => !/\.(md|mdx|ya?ml)$/i.test(name));
}

interface CsvOutcome {
	rows: ResultRow[];
	problems: Problem[];
}

function csvResults(
	entry: RawEntry,
	output: Record<string, unknown>,
	contentDir: string,
): CsvOutcome {
	const file = output.resultsFile as string;
	const absolute = fileNextTo(entry, file);
	const csvFile = relative(contentDir, absolute).split(sep).join('/');
	const metricKeys = ((output.metrics as Array<{ key: string }>) ?? []).map((m) => m.key);
	const parsed = resultRowsFromCsv(parseCsv(readFileSync(absolute)), metricKeys);
	const problems: Problem[] = parsed.problems.map((p) => ({ ...p, file: csvFile }));
	const rows: ResultRow[] = [];
	for (const { line, row } of parsed.rows) {
		const result = resultRowSchema.safeParse(row, { reportInput: true });
		if (!result.success) {
			problems.push(
				...zodProblems(result.error.issues).map((p) => ({ ...p, file: csvFile, line })),
			);
			continue;
		}
		rows.push(result.data as ResultRow);
		for (const [key, value] of Object.entries(row)) {
			if (typeof value !== 'string') continue;
			problems.push(
				...personalDataProblems(value, key).map((p) => ({ ...p, file: csvFile, line })),
			);
		}
	}
	return { rows, problems };
}

/** Validates a whole content folder. */
export async function validateContent(contentDir: string): Promise<ValidationResult> {
	const read = readContent(contentDir);
	const problems: Problem[] = [...read.problems];

	let site: SiteConfig | undefined;
	if (read.site.data) {
		const parsed = siteSchema.safeParse(read.site.data, { reportInput: true });
		if (parsed.success) site = parsed.data;
		else problems.push(...inFile('site.yaml', zodProblems(parsed.error.issues)));
		problems.push(...inFile('site.yaml', unknownFieldProblems(read.site.data, siteSchema)));
		problems.push(...inFile('site.yaml', guardData('site', read.site.data)));
	}

	const entries: CheckedEntry[] = read.entries.map((entry) => {
		if (!entry.data) return { ...entry, output: undefined };
		const parsed = schemas[entry.collection].safeParse(entry.data, { reportInput: true });
		if (!parsed.success) problems.push(...inFile(entry.file, zodProblems(parsed.error.issues)));
		problems.push(
			...inFile(entry.file, unknownFieldProblems(entry.data, schemas[entry.collection])),
		);
		problems.push(...inFile(entry.file, guardData(entry.collection, entry.data)));
		problems.push(...guardBody(entry));
		return {
			...entry,
			output: parsed.success ? (parsed.data as Record<string, unknown>) : undefined,
		};
	});

	problems.push(...duplicateIdProblems(entries));
	const byCollection = (c: CollectionName) => entries.filter((e) => e.collection === c);
	const units = byCollection('units');
	const unitIds = units.map((u) => u.id);
	const unitSet = new Set(unitIds);
	const checkUnit = (entry: CheckedEntry, field: string, value: unknown) => {
		if (typeof value === 'string' && !unitSet.has(value)) {
			problems.push({ ...unknownUnitProblem(value, field, unitIds), file: entry.file });
		}
	};

	problems.push(
		...unitTreeProblems(
			units
				.filter((u) => u.output)
				.map((u) => ({
					id: u.id,
					file: u.file,
					name: String(u.output?.name),
					parent: u.output?.parent as string | undefined,
					order: u.output?.order as number | undefined,
				})),
		),
	);

	for (const entry of entries) {
		const out = entry.output;
		if (!out) continue;
		const at = (list: FieldProblem[]) => problems.push(...inFile(entry.file, list));
		if (
			entry.collection === 'notices' ||
			entry.collection === 'model-workers' ||
			entry.collection === 'policies'
		) {
			checkUnit(entry, 'unit', out.unit);
		}
		const publicity = out.publicity as { missingYears?: number[] } | undefined;
		for (const year of publicity?.missingYears ?? []) {
			// No holiday data for that year: counted Monday–Friday, which may be off around holidays.
			problems.push({
				file: entry.file,
				field: 'publicity.workingDays',
				code: 'calendarMissing',
				params: { year },
				severity: 'warning',
			});
		}
		if (entry.collection === 'notices' && out.urgent && !out.expires && !out.withdrawn) {
			// Allowed, but lobby screens would show it full-screen until someone edits it.
			problems.push({
				file: entry.file,
				field: 'urgent',
				code: 'urgentWithoutExpiry',
				params: {},
				severity: 'warning',
			});
		}
		if (entry.collection === 'model-workers')
			at(fileProblems(entry, 'photo', out.photo, PHOTO_EXTENSIONS));
		for (const [i, a] of (
			(out.attachments as Array<{ file: string }> | undefined) ?? []
		).entries()) {
			const missing = fileProblems(entry, `attachments[${i}].file`, a.file);
			at(missing);
			if (!missing.length)
				problems.push(
					...(await attachmentProblems({
						contentDir,
						entry,
						attachments: out.attachments as Array<{ file: string }>,
						index: i,
						locale: site?.locale ?? 'zh-CN',
					})),
				);
		}
		if (entry.collection === 'competitions') {
			checkUnit(entry, 'organizer', out.organizer);
			let rows = (out.results as ResultRow[] | undefined) ?? [];
			let rowsFile = entry.file;
			let field = (i: number, f: string) => `results[${i}].${f}`;
			if (typeof out.resultsFile === 'string') {
				const missing = fileProblems(entry, 'resultsFile', out.resultsFile, ['.csv']);
				at(missing);
				if (!missing.length) {
					const csv = csvResults(entry, out, contentDir);
					problems.push(...csv.problems);
					rows = csv.rows;
					rowsFile = relative(contentDir, fileNextTo(entry, out.resultsFile)).split(sep).join('/');
					field = (i: number, f: string) => `[${i + 2}].${f}`;
				}
			}
			for (const [i, row] of rows.entries()) {
				if (!unitSet.has(row.unit))
					problems.push({
						...unknownUnitProblem(row.unit, field(i, 'unit'), unitIds),
						file: rowsFile,
					});
			}
			const order = out.order as 'asc' | 'desc';
			problems.push(
				...rankProblems(rows, order).map((p) => ({
					...p,
					file: rowsFile,
					field:
						rowsFile === entry.file
							? p.field
							: p.field.replace(/^results\[(\d+)\]/, (_, i) => `[${Number(i) + 2}]`),
				})),
			);
		}
		if (entry.collection === 'policies') {
			const policyIds = byCollection('policies').map((p) => p.id);
			for (const [i, target] of ((out.supersedes as string[]) ?? []).entries()) {
				if (target === entry.id) {
					problems.push({
						file: entry.file,
						field: `supersedes[${i}]`,
						code: 'supersedesSelf',
						params: { found: target },
					});
				} else if (!policyIds.includes(target)) {
					problems.push({
						file: entry.file,
						field: `supersedes[${i}]`,
						code: 'unknownPolicy',
						params: { found: target, expected: closest(target, policyIds, 3).join('、') || '—' },
					});
				}
			}
		}
	}
	return { site, entries, problems, files: read.entries.length + 1 };
}

function duplicateIdProblems(entries: CheckedEntry[]): Problem[] {
	const seen = new Map<string, CheckedEntry>();
	const out: Problem[] = [];
	for (const entry of entries) {
		const key = `${entry.collection}/${entry.id}`;
		const first = seen.get(key);
		if (first)
			out.push({
				file: entry.file,
				field: '',
				code: 'duplicateId',
				params: { found: entry.id, expected: first.file },
			});
		else seen.set(key, entry);
	}
	return out;
}
