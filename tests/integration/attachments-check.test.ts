/**
 * `npm run check` over tests/fixtures/attachments-leaky/: an XLSX, a GB18030
 * CSV, a DOCX and a PDF attachment, each with an unmasked ID number (plus a
 * mobile number in a hidden sheet and one in a tracked deletion). The check
 * must exit 1 and name each file and the cell, line, paragraph or page.
 * The binaries come from tests/fixtures/make-attachments.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { validateContent } from '../../src/lib/validate/index.ts';
import { docx, leakyAttachments, paragraph } from '../fixtures/make-attachments.ts';

const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'tests/fixtures/attachments-leaky');

describe('npm run check on attachments with unmasked ID numbers', () => {
	const run = spawnSync(process.execPath, ['scripts/check.ts'], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, CONTENT_DIR: fixture },
	});
	const errors = run.stdout.split('\n').filter((line) => line.startsWith('错误'));

	it('exits 1', () => {
		expect(run.status).toBe(1);
		expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
	});

	it.each([
		['XLSX', 'notices/2026/kunnan-mingdan.xlsx', '单元格 Sheet1!C4 含有未遮盖的身份证号码'],
		['CSV', 'notices/2026/baoming.csv:3', '第 3 行含有未遮盖的身份证号码'],
		['DOCX', 'notices/2026/baomingbiao.docx', '第 3 段含有未遮盖的身份证号码'],
		['PDF', 'notices/2026/jingfei-mingxi.pdf', '第 2 页含有未遮盖的身份证号码'],
	])('names the %s file and where in it', (_format, file, where) => {
		expect(errors).toContainEqual(expect.stringContaining(`${file} › attachments[`));
		expect(errors.find((line) => line.includes(`${file} ›`) && line.includes(where))).toBeDefined();
	});

	it('never prints the unmasked number', () => {
		expect(run.stdout).not.toMatch(/[0-9]{17}[0-9X]|1[3-9][0-9]{9}/);
	});
});

describe('the problems, word for word', () => {
	it('reads every leak, hidden ones included', async () => {
		const { problems } = await validateContent(fixture);
		const t = translator('zh-CN');
		expect(sortProblems(problems).map((p) => formatProblem(p, t))).toMatchInlineSnapshot(`
			[
			  "错误 notices/2026/baoming.csv:3 › attachments[1].file: 第 3 行含有未遮盖的身份证号码：「王磊,机加工车间,320583********0047,已报名」。附件会原样公开发布，请在原文件中改为遮盖形式 320583********0047（或删除）后重新导出。",
			  "错误 notices/2026/baomingbiao.docx › attachments[2].file: 第 3 段含有未遮盖的身份证号码：「身份证号：320583********0047」。附件会原样公开发布，请在原文件中改为遮盖形式 320583********0047（或删除）后重新导出。",
			  "错误 notices/2026/baomingbiao.docx › attachments[2].file: 文件内部的 word/document.xml（批注、页眉页脚、修订记录或隐藏内容）含有未遮盖的手机号码：「…联系电话：139****5678」。附件会原样公开发布，请在原文件中改为遮盖形式 139****5678，或改留办公电话，然后重新导出。",
			  "错误 notices/2026/jingfei-mingxi.pdf › attachments[3].file: 第 2 页含有未遮盖的身份证号码：「…ecipient ID 430102********1234 Page 2 of 2」。附件会原样公开发布，请在原文件中改为遮盖形式 430102********1234（或删除）后重新导出。",
			  "错误 notices/2026/kunnan-mingdan.xlsx › attachments[0].file: 单元格 Sheet1!C4 含有未遮盖的身份证号码：「430102********1234」。附件会原样公开发布，请在原文件中改为遮盖形式 430102********1234（或删除）后重新导出。",
			  "错误 notices/2026/kunnan-mingdan.xlsx › attachments[0].file: 单元格 联系方式!B2 含有未遮盖的手机号码：「139****5678」。附件会原样公开发布，请在原文件中改为遮盖形式 139****5678，或改留办公电话，然后重新导出。",
			]
		`);
	});

	it('keeps the raw position in the params', async () => {
		const { problems } = await validateContent(fixture);
		expect(
			problems.map(
				(p) =>
					p.params.cell ?? p.params.line ?? p.params.paragraph ?? p.params.page ?? p.params.part,
			),
		).toEqual(expect.arrayContaining(['Sheet1!C4', 3, 2, 'word/document.xml']));
	});

	it('matches the committed binaries to their generator', () => {
		for (const [name, bytes] of Object.entries(leakyAttachments())) {
			expect(new Uint8Array(readFileSync(join(fixture, 'notices/2026', name)))).toEqual(bytes);
		}
	});
});

describe('other attachment problems', () => {
	/** Problems of one notice with the given attachments, in a fresh content folder. */
	async function check(attachments: Array<[string, Uint8Array | string]>): Promise<string[][]> {
		const dir = mkdtempSync(join(tmpdir(), 'gk-att-'));
		try {
			cpSync(join(fixture, 'site.yaml'), join(dir, 'site.yaml'));
			cpSync(join(fixture, 'units'), join(dir, 'units'), { recursive: true });
			mkdirSync(join(dir, 'notices/2026/sub'), { recursive: true });
			const list = attachments.map(([file]) => `  - title: 附件\n    file: ${file}`).join('\n');
			writeFileSync(
				join(dir, 'notices/2026/a.md'),
				`---\ntitle: 附件测试\ncategory: 通知\nunit: hq\ndate: 2026-11-20\nattachments:\n${list}\n---\n\n正文。\n`,
			);
			for (const [file, data] of attachments) writeFileSync(join(dir, 'notices/2026', file), data);
			const { problems } = await validateContent(dir);
			return problems.map((p) => [p.file, p.field, p.code, p.severity ?? 'error']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	it.each<[string, Array<[string, Uint8Array | string]>, string[][]]>([
		[
			'a photo given as an attachment',
			[['photo.jpg', 'x']],
			[['notices/2026/a.md', 'attachments[0].file', 'attachmentImage', 'error']],
		],
		[
			'a file type readers should not download',
			[['run.exe', 'x']],
			[['notices/2026/a.md', 'attachments[0].file', 'fileType', 'error']],
		],
		[
			'two attachments that would be published under one name',
			[
				['list.csv', 'a,b\n'],
				['sub/LIST.csv', 'a,b\n'],
			],
			[['notices/2026/a.md', 'attachments[1].file', 'attachmentNameClash', 'error']],
		],
		[
			'a legacy .doc',
			[['old.doc', 'x']],
			[['notices/2026/old.doc', 'attachments[0].file', 'attachmentUnchecked', 'warning']],
		],
		[
			'a damaged DOCX',
			[['broken.docx', 'x']],
			[['notices/2026/broken.docx', 'attachments[0].file', 'attachmentUnreadable', 'error']],
		],
		['a clean DOCX', [['ok.docx', docx(paragraph('联系电话：139****5678'))]], []],
	])('%s', async (_name, attachments, expected) => {
		expect(await check(attachments)).toEqual(expected);
	});
});
