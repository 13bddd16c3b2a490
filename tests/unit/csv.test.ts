import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, resultRowsFromCsv } from '../../src/lib/csv.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => utf8(`\uFEFF${text}`);
const gb18030 = (text: string) => new Uint8Array(iconv.encode(text, 'gb18030'));

const TABLE = '名次,姓名,单位,成绩\n1,张三,技术中心,98.5\n2,李四,运营部,91\n';

describe('decodeText', () => {
	it.each([
		['reads UTF-8 without a BOM', utf8(TABLE), 'utf-8'],
		['drops a UTF-8 BOM', withBom(TABLE), 'utf-8'],
		['falls back to GB18030 for bytes that are not UTF-8', gb18030(TABLE), 'gb18030'],
	] as const)('%s', (_name, bytes, encoding) => {
		expect(decodeText(bytes)).toEqual({ text: TABLE, encoding });
	});

	it('reads rare characters outside GBK from GB18030', () => {
		expect(decodeText(gb18030('姓名\n𠀀\n')).text).toBe('姓名\n𠀀\n');
	});
});

describe('parseCsv', () => {
	const expectedRows = [
		{ line: 2, values: { 名次: '1', 姓名: '张三', 单位: '技术中心', 成绩: '98.5' } },
		{ line: 3, values: { 名次: '2', 姓名: '李四', 单位: '运营部', 成绩: '91' } },
	];

	it.each([
		['UTF-8 without a BOM', utf8(TABLE), 'utf-8'],
		['UTF-8 with a BOM', withBom(TABLE), 'utf-8'],
		['GB18030', gb18030(TABLE), 'gb18030'],
		['Windows line breaks', utf8(TABLE.replaceAll('\n', '\r\n')), 'utf-8'],
		['no final line break', utf8(TABLE.trimEnd()), 'utf-8'],
	] as const)('reads the same rows from %s', (_name, bytes, encoding) => {
		expect(parseCsv(bytes)).toEqual({
			headers: ['名次', '姓名', '单位', '成绩'],
			rows: expectedRows,
			problems: [],
			encoding,
		});
	});

	it.each([
		['skips blank lines but keeps counting them', 'name,unit\n\na,x\n\n \n,\nb,y\n', [3, 7]],
		['skips blank lines before the header', '\n\nname,unit\na,x\n', [4]],
		[
			'gives a row with a line break in a quoted cell the line it starts on',
			'name,note\na,"line one\nline two"\nb,x\n',
			[2, 4],
		],
	])('%s', (_name, text, lines) => {
		expect(parseCsv(utf8(text)).rows.map((r) => r.line)).toEqual(lines);
	});

	it('trims header names and keeps cells as written', () => {
		expect(parseCsv(utf8(' name , unit\n a ,x\n'))).toMatchObject({
			headers: ['name', 'unit'],
			rows: [{ values: { name: ' a ', unit: 'x' } }],
		});
	});

	it('reads missing trailing cells as empty', () => {
		expect(parseCsv(utf8('name,unit,note\na,x\n')).rows[0]!.values).toEqual({
			name: 'a',
			unit: 'x',
			note: '',
		});
	});

	it.each([
		['tabs', 'name\tunit\na\tx\n'],
		['semicolons', 'name;unit\na;x\n'],
		['one column only', 'name\na\n'],
	])('reads a file separated by %s', (_name, text) => {
		expect(parseCsv(utf8(text)).rows[0]!.values).toMatchObject({ name: 'a' });
		expect(parseCsv(utf8(text)).problems).toEqual([]);
	});

	it.each([
		[
			'reports cells beyond the header',
			'name,unit\na,x,extra\n',
			[{ field: '', code: 'csvFieldCount', params: { found: 3, expected: 2 }, line: 2 }],
		],
		['ignores empty cells beyond the header', 'name,unit\na,x,,\n', []],
		[
			'reports an unclosed quote',
			'name,unit\na,"x\n',
			[{ field: '', code: 'csvSyntax', params: { found: 'MissingQuotes' }, line: 2 }],
		],
	])('%s', (_name, text, problems) => {
		expect(parseCsv(utf8(text)).problems).toEqual(problems);
	});

	it('reads an empty file as no headers and no rows', () => {
		expect(parseCsv(new Uint8Array())).toEqual({
			headers: [],
			rows: [],
			problems: [],
			encoding: 'utf-8',
		});
	});
});

describe('resultRowsFromCsv', () => {
	const rowsOf = (text: string, metrics: string[] = []) =>
		resultRowsFromCsv(parseCsv(utf8(text)), metrics);

	it.each([
		[
			'English headers',
			'rank,name,type,unit,score,award,note\n1,张三,个人,tech,98.5,一等奖,连续三年\n',
		],
		[
			'Chinese headers',
			'名次,姓名,类型,单位,成绩,奖项,备注\n1,张三,个人,tech,98.5,一等奖,连续三年\n',
		],
		[
			'other Chinese headers',
			'排名,名称,类型,单位,总分,奖项,备注\n1,张三,个人,tech,98.5,一等奖,连续三年\n',
		],
		[
			'English headers in capitals',
			'Rank,Name,Type,Unit,Score,Award,Note\n1,张三,个人,tech,98.5,一等奖,连续三年\n',
		],
		[
			'spaces around numbers',
			'名次,姓名,类型,单位,得分,奖项,备注\n 1 ,张三,个人,tech, 98.5 ,一等奖,连续三年\n',
		],
	])('maps %s to result fields', (_name, text) => {
		expect(rowsOf(text)).toEqual({
			rows: [
				{
					line: 2,
					row: {
						rank: 1,
						name: '张三',
						type: '个人',
						unit: 'tech',
						score: 98.5,
						award: '一等奖',
						note: '连续三年',
					},
				},
			],
			problems: [],
		});
	});

	it('puts metric columns into scores', () => {
		expect(rowsOf('姓名,单位,safety,speed\n张三,tech,45,38.5\n', ['safety', 'speed']).rows).toEqual(
			[{ line: 2, row: { name: '张三', unit: 'tech', scores: { safety: 45, speed: 38.5 } } }],
		);
	});

	it('omits empty cells', () => {
		expect(rowsOf('名次,姓名,单位,成绩,备注,safety\n,张三,tech, ,,\n', ['safety']).rows).toEqual([
			{ line: 2, row: { name: '张三', unit: 'tech' } },
		]);
	});

	it.each([
		['a word', 'abc'],
		['thousands separators', '1,234.5'],
		['a unit after the number', '98分'],
		['a percentage', '95%'],
	])('reports a score written as %s, on its line in the file', (_name, cell) => {
		const text = `姓名,单位,成绩\n张三,tech,90\n\n李四,ops,"${cell}"\n`;
		expect(rowsOf(text).problems).toEqual([
			{ field: '成绩', code: 'csvNotNumber', params: { found: cell, expected: 'number' }, line: 4 },
		]);
	});

	it('reports non-numeric ranks and metrics under their header', () => {
		expect(rowsOf('rank,name,unit,safety\n第一,张三,tech,优\n', ['safety']).problems).toEqual([
			{
				field: 'rank',
				code: 'csvNotNumber',
				params: { found: '第一', expected: 'number' },
				line: 2,
			},
			{
				field: 'safety',
				code: 'csvNotNumber',
				params: { found: '优', expected: 'number' },
				line: 2,
			},
		]);
	});

	it('reports an unknown column with the names it accepts', () => {
		expect(rowsOf('姓名,单位,部门\n张三,tech,研发\n', ['safety']).problems).toEqual([
			{
				field: '部门',
				code: 'csvUnknownColumn',
				params: {
					found: '部门',
					expected:
						'rank, 名次, 排名, name, 姓名, 名称, type, 类型, unit, 单位, score, 成绩, 得分, 总分, award, 奖项, note, 备注, safety',
				},
				line: 1,
			},
		]);
	});

	it('ignores an empty, unnamed column left by a trailing comma', () => {
		expect(rowsOf('姓名,单位,\n张三,tech,\n').problems).toEqual([]);
	});

	it.each([
		['name', '单位,成绩\ntech,90\n', { found: '单位, 成绩', expected: 'name, 姓名, 名称' }],
		['unit', '姓名,成绩\n张三,90\n', { found: '姓名, 成绩', expected: 'unit, 单位' }],
	])('reports a missing %s column', (field, text, params) => {
		expect(rowsOf(text).problems).toEqual([{ field, code: 'csvMissingColumn', params, line: 1 }]);
	});

	it('passes on the problems found while parsing', () => {
		expect(rowsOf('name,unit\na,x,extra\n').problems).toEqual([
			{ field: '', code: 'csvFieldCount', params: { found: 3, expected: 2 }, line: 2 },
		]);
	});

	it('reports a second column for the same field', () => {
		expect(rowsOf('姓名,单位,成绩,总分\n张三,tech,90,91\n').problems).toEqual([
			{
				field: '总分',
				code: 'csvDuplicateColumn',
				params: { found: '总分', expected: '成绩' },
				line: 1,
			},
		]);
	});
});
