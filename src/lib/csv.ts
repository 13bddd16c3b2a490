/**
 * Competition results from a `.csv` file (`resultsFile`): decoding (editors
 * save from Excel as UTF-8 with or without a BOM, or in the Chinese default
 * GB18030), parsing with file line numbers for messages, and mapping English
 * or Chinese headers to result-row fields.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { FieldProblem } from './problems.ts';

/** A parsed CSV file: rows keyed by (trimmed) header, with their 1-based line in the file. */
export interface CsvParse {
	/** The header names in column order, trimmed. */
	headers: string[];
	rows: Array<{ line: number; values: Record<string, string> }>;
	problems: Array<FieldProblem & { line?: number }>;
	encoding: 'utf-8' | 'gb18030';
}

/** Header names that map to result-row fields; the keys are the English names editors may also use. */
const FIELD_HEADERS: Record<string, string[]> = {
	rank: ['rank', '名次', '排名'],
	name: ['name', '姓名', '名称'],
	type: ['type', '类型'],
	unit: ['unit', '单位'],
	score: ['score', '成绩', '得分', '总分'],
	award: ['award', '奖项'],
	note: ['note', '备注'],
};
const NUMERIC_FIELDS = new Set(['rank', 'score']);
/** A result row cannot be made without these columns. */
const REQUIRED_FIELDS = ['name', 'unit'];
const PLAIN_NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/** Text of a file: UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, otherwise GB18030. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
	try {
		// `ignoreBOM: false` is the default: the decoder drops a leading UTF-8 BOM.
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
	}
}

/** Parses CSV bytes with a header row; blank lines are skipped and every row keeps its line in the file. */
export function parseCsv(bytes: Uint8Array): CsvParse {
	const { text: raw, encoding } = decodeText(bytes);
	// One kind of line break, so line numbers count the same for every row.
	const text = raw.replace(/\r\n?/g, '\n');
	const records: Array<{ line: number; cells: string[] }> = [];
	const problems: CsvParse['problems'] = [];
	let offset = 0;
	let line = 1;
	Papa.parse<string[]>(text, {
		newline: '\n',
		delimiter: delimiterOf(text),
		step(result) {
			records.push({ line, cells: result.data });
			for (const error of result.errors) {
				problems.push({ field: '', code: 'csvSyntax', params: { found: error.code }, line });
			}
			// `cursor` is just past the row's line break; quoted cells may hold line breaks too.
			line += countNewlines(text, offset, result.meta.cursor);
			offset = result.meta.cursor;
		},
	});

	const nonBlank = records.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
	const [header, ...body] = nonBlank;
	const headers = (header?.cells ?? []).map((h) => h.trim());
	const rows = body.map(({ line, cells }) => {
		if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '')) {
			problems.push({
				field: '',
				code: 'csvFieldCount',
				params: { found: cells.length, expected: headers.length },
				line,
			});
		}
		// Missing trailing cells read as empty: spreadsheets often drop them.
		const values: Record<string, string> = {};
		headers.forEach((h, i) => {
			values[h] = cells[i] ?? '';
		});
		return { line, values };
	});
	return { headers, rows, problems, encoding };
}

/** Maps parsed CSV rows to raw result rows (`rank`, `name`, …, `scores[metric]`); its problems include the parse's. */
export function resultRowsFromCsv(
	parse: CsvParse,
	metricKeys: string[],
): {
	rows: Array<{ line: number; row: Record<string, unknown> }>;
	problems: Array<FieldProblem & { line: number }>;
} {
	// Syntax problems come along so that a caller cannot forget them.
	const problems: Array<FieldProblem & { line: number }> = parse.problems.map((p) => ({
		...p,
		line: p.line ?? 1,
	}));
	const allowed = [...Object.values(FIELD_HEADERS).flat(), ...metricKeys];
	const columns: Array<{ header: string; target: Target }> = [];
	const seen = new Map<string, string>();
	for (const header of parse.headers) {
		const target = targetOf(header, metricKeys);
		if (target === undefined) {
			// A header-less, empty column is what a trailing comma leaves behind.
			const used = header !== '' || parse.rows.some((r) => (r.values[header] ?? '').trim() !== '');
			if (used) {
				problems.push({
					field: header,
					code: 'csvUnknownColumn',
					params: { found: header, expected: allowed.join(', ') },
					line: 1,
				});
			}
			continue;
		}
		const key = target.metric === undefined ? target.field : `scores.${target.metric}`;
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			problems.push({
				field: header,
				code: 'csvDuplicateColumn',
				params: { found: header, expected: earlier },
				line: 1,
			});
			continue;
		}
		seen.set(key, header);
		columns.push({ header, target });
	}
	for (const field of REQUIRED_FIELDS) {
		if (seen.has(field)) continue;
		problems.push({
			field,
			code: 'csvMissingColumn',
			params: { found: parse.headers.join(', '), expected: FIELD_HEADERS[field]!.join(', ') },
			line: 1,
		});
	}

	const rows = parse.rows.map(({ line, values }) => {
		const row: Record<string, unknown> = {};
		const scores: Record<string, number> = {};
		for (const { header, target } of columns) {
			const cell = (values[header] ?? '').trim();
			if (cell === '') continue;
			const numeric = target.metric !== undefined || NUMERIC_FIELDS.has(target.field);
			if (!numeric) {
				row[target.field] = cell;
				continue;
			}
			if (!PLAIN_NUMBER.test(cell)) {
				problems.push({
					field: header,
					code: 'csvNotNumber',
					params: { found: cell, expected: 'number' },
					line,
				});
				continue;
			}
			if (target.metric === undefined) row[target.field] = Number(cell);
			else scores[target.metric] = Number(cell);
		}
		if (Object.keys(scores).length > 0) row.scores = scores;
		return { line, row };
	});
	return { rows, problems };
}

type Target = { field: string; metric?: undefined } | { field: 'scores'; metric: string };

// Built-in columns win over a metric key of the same name; English names match in any case.
function targetOf(header: string, metricKeys: string[]): Target | undefined {
	const lower = header.toLowerCase();
	for (const [field, names] of Object.entries(FIELD_HEADERS)) {
		if (names.includes(lower)) return { field };
	}
	if (metricKeys.includes(header)) return { field: 'scores', metric: header };
	return undefined;
}

// Papa's guessing needs many rows to be sure; the header line alone tells
// a spreadsheet's tab- or semicolon-separated export from a comma one.
function delimiterOf(text: string): string {
	const header = text.split('\n').find((l) => l.trim() !== '') ?? '';
	if (header.includes(',')) return ',';
	if (header.includes('\t')) return '\t';
	if (header.includes(';')) return ';';
	return ',';
}

function countNewlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
	return n;
}
