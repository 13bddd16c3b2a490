/**
 * The validator against malformed content: every case in tests/fixtures/broken/
 * is a few files laid over the valid tests/fixtures/minimal/ union.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { validateContent } from '../../src/lib/validate/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const root = join(import.meta.dirname, '../..');
const t = translator('zh-CN');

/** A temporary content folder: the minimal union plus the named broken cases. */
function union(...cases: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'gk-check-'));
	cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
	for (const name of cases) cpSync(join(FIXTURES, 'broken', name), dir, { recursive: true });
	return dir;
}

const CASES: Array<[string, string, string, string]> = [
	// case, file, field, code
	['missing-title', 'notices/missing-title.md', 'title', 'required'],
	['bad-category', 'notices/bad-category.md', 'category', 'oneOf'],
	['unknown-unit', 'notices/unknown-unit.md', 'unit', 'unknownUnit'],
	['unit-cycle', 'units/cycle-a.yaml', 'parent', 'unitCycle'],
	['two-roots', 'units/second-root.yaml', 'parent', 'unitManyRoots'],
	['impossible-date', 'notices/impossible-date.md', 'date', 'invalidDate'],
	['end-before-start', 'notices/end-before-start.md', 'publicity.end', 'endBeforeStart'],
	['publicity-missing', 'notices/publicity-missing.md', 'publicity', 'publicityRequired'],
	['rank-mismatch', 'competitions/rank-mismatch.yaml', 'results[0].rank', 'rankMismatch'],
	['csv-not-number', 'competitions/csv-not-number.csv', 'score', 'csvNotNumber'],
	['missing-attachment', 'notices/missing-attachment.md', 'attachments[0].file', 'fileMissing'],
	['missing-photo', 'model-workers/missing-photo.md', 'photo', 'fileMissing'],
	['non-ascii-name', 'notices/安康杯竞赛.md', '', 'invalidId'],
	['id-in-body', 'notices/id-in-body.md', 'body', 'personalIdNumber'],
	['mobile-in-results', 'competitions/mobile-in-results.yaml', 'results[0].note', 'personalMobile'],
	['bank-in-body', 'notices/bank-in-body.md', 'body', 'personalBankCard'],
	['id-in-csv', 'competitions/id-in-csv.csv', 'note', 'personalIdNumber'],
	['yaml-syntax', 'notices/yaml-syntax.md', '', 'yamlSyntax'],
	['mdx-syntax', 'notices/mdx-syntax.mdx', 'body', 'mdxSyntax'],
	['bad-honour', 'model-workers/bad-honour.md', 'honours[0].level', 'oneOf'],
	['no-honours', 'model-workers/no-honours.yaml', 'honours', 'tooFewItems'],
	['policy-unit-issuer', 'policies/policy-unit-issuer.md', 'unit', 'unitOrIssuer'],
	['unknown-supersedes', 'policies/unknown-supersedes.md', 'supersedes[0]', 'unknownPolicy'],
	['competition-period', 'competitions/competition-period.yaml', 'period.end', 'endBeforeStart'],
	['negative-members', 'units/negative-members.yaml', 'members', 'tooSmall'],
	[
		'mobile-in-attachment-title',
		'notices/mobile-in-attachment-title.md',
		'attachments[0].title',
		'personalMobile',
	],
	[
		'unknown-unit-in-results',
		'competitions/unknown-unit-in-results.yaml',
		'results[0].unit',
		'unknownUnit',
	],
];

describe('the minimal union', () => {
	it('passes the check', async () => {
		const result = await validateContent(join(FIXTURES, 'minimal'));
		expect(result.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
	});
});

describe.each(CASES)('%s', (name, file, field, code) => {
	it(`is rejected naming ${file} › ${field || '(file)'}`, async () => {
		const { problems } = await validateContent(union(name));
		expect(problems).toContainEqual(expect.objectContaining({ file, field, code }));
	});
});

describe('every broken case at once', () => {
	const all = readdirSync(join(FIXTURES, 'broken'));

	it('has a case in the table for every fixture folder', () => {
		expect(all.sort()).toEqual(CASES.map(([name]) => name).sort());
	});

	it('reports every problem in one run, one line each', async () => {
		const { problems } = await validateContent(union(...all));
		const lines = sortProblems(problems).map((p) => formatProblem(p, t));
		for (const [, file, field, code] of CASES) {
			expect(problems, `${file} › ${field}`).toContainEqual(
				expect.objectContaining({ file, field, code }),
			);
		}
		expect(lines).toMatchInlineSnapshot(`
			[
			  "错误 competitions/competition-period.yaml › kind: 「安康杯竞赛」不是可选值。可选：劳动竞赛、技能竞赛、安康杯、合理化建议、技术创新、其他。",
			  "错误 competitions/competition-period.yaml › period.end: 结束日期「2026-06-01」早于开始日期。应为 ≥ 2026-09-01。",
			  "错误 competitions/csv-not-number.csv:2 › score: 「九十」不是数字。这一列应填写数字，例如 95.5（不要带单位或空格）。",
			  "错误 competitions/id-in-csv.csv:2 › note: 含有未遮盖的身份证号码。个人信息不能公开发布，请改为遮盖形式 430102********0021，或删除。",
			  "错误 competitions/mobile-in-results.yaml › results[0].note: 含有未遮盖的手机号码。个人信息不能公开发布，请改为遮盖形式 138****5678，或改留办公电话。",
			  "错误 competitions/rank-mismatch.yaml › results[0].rank: 「孙涛」的名次写的是 1，按成绩应为 2。可删除 rank 让系统自动排名，或核对成绩。",
			  "错误 competitions/rank-mismatch.yaml › results[1].rank: 「周杰」的名次写的是 2，按成绩应为 1。可删除 rank 让系统自动排名，或核对成绩。",
			  "错误 competitions/unknown-unit-in-results.yaml › results[0].unit: 没有编号为「cnc」的单位。相近的单位编号：hq、cycle-a、cycle-b（单位编号是 units/ 目录下的文件名）。",
			  "错误 model-workers/bad-honour.md › honours[0].level: 「集团级」不是可选值。可选：全国、省部级、市级、集团、公司、其他。",
			  "错误 model-workers/missing-photo.md › photo: 找不到文件「chen-jing.jpg」。路径相对于本文件所在目录。同目录下相近的文件：—。",
			  "错误 model-workers/no-honours.yaml › honours: 至少需要 1 项。",
			  "错误 notices/bad-category.md › category: 「通告」不是可选值。可选：公示、通知、公告、决议、通报、报告、其他。",
			  "错误 notices/bank-in-body.md:9 › body: 含有未遮盖的银行卡号。个人信息不能公开发布，请改为遮盖形式 622202*********3446，或删除。",
			  "错误 notices/end-before-start.md › publicity.end: 结束日期「2026-03-05」早于开始日期。应为 ≥ 2026-03-10。",
			  "错误 notices/id-in-body.md:7 › body: 含有未遮盖的身份证号码。个人信息不能公开发布，请改为遮盖形式 110101********1233，或删除。",
			  "错误 notices/impossible-date.md › date: 「2026-02-30」不是有效日期。应写作 YYYY-MM-DD（如 2025-10-08）或 YYYY-MM-DDTHH:mm（如 2025-10-08T09:30），且日期真实存在。",
			  "错误 notices/mdx-syntax.mdx:9 › body: MDX 语法错误：Expected a closing tag for \`<div>\` (3:1) (mdx-jsx:unexpected-character)。如只需普通文字，可把文件改为 .md；尖括号 < 和花括号 { 需写作 &lt; 与 \\{。",
			  "错误 notices/missing-attachment.md › attachments[0].file: 找不到文件「baoming-biao.docx」。路径相对于本文件所在目录。同目录下相近的文件：anpai.csv、2026。",
			  "错误 notices/missing-title.md › title: 缺少必填项。请填写此字段。",
			  "错误 notices/mobile-in-attachment-title.md › attachments[0].title: 含有未遮盖的手机号码。个人信息不能公开发布，请改为遮盖形式 139****5678，或改留办公电话。",
			  "错误 notices/publicity-missing.md › publicity: 类别为「公示」的文件必须填写公示期 publicity（start、end 或 workingDays、contact）。",
			  "错误 notices/unknown-unit.md › unit: 没有编号为「workshp」的单位。相近的单位编号：workshop、hq、cycle-a（单位编号是 units/ 目录下的文件名）。",
			  "错误 notices/yaml-syntax.md:5: YAML 格式错误：Implicit keys need to be on a single line（这一行无法识别为「字段: 值」：常见原因是冒号后缺空格（应写 date: 2025-10-08），或上一行的引号、括号没有闭合）。",
			  "错误 notices/安康杯竞赛.md: 文件名「安康杯竞赛」不合规范。文件名只能用小写字母、数字和 -（目录用 /），例如 2025/ankang-bei。可用 npm run new 自动生成拼音文件名。",
			  "错误 policies/policy-unit-issuer.md › unit: 发布单位需要二选一：内部文件写 unit（单位编号），上级文件和法律法规写 issuer（发布机关名称）。",
			  "错误 policies/unknown-supersedes.md › supersedes[0]: 没有编号为「jiti-hetong-2023」的政策文件。相近的编号：zhidu、policy-unit-issuer、unknown-supersedes。",
			  "错误 units/cycle-a.yaml › parent: 单位的上下级关系形成了循环：cycle-a → cycle-b → cycle-a。请检查这些单位的 parent。",
			  "错误 units/hq.yaml › parent: 有多个最上级单位：hq、second-root。只有公司工会不写 parent，其余单位都应写明上级。",
			  "错误 units/negative-members.yaml › members: 「-5」太小，应不小于 0。",
			  "错误 units/second-root.yaml › parent: 有多个最上级单位：hq、second-root。只有公司工会不写 parent，其余单位都应写明上级。",
			]
		`);
	});

	it('exits 1 from npm run check with no stack trace', () => {
		const dir = union(...all);
		const run = spawnSync(process.execPath, ['scripts/check.ts'], {
			cwd: root,
			env: { ...process.env, CONTENT_DIR: dir },
			encoding: 'utf8',
		});
		expect(run.status).toBe(1);
		const output = run.stdout + run.stderr;
		expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(output).toMatch(/内容检查发现 \d+ 个问题/);
		expect(output.trim().split('\n').length).toBeGreaterThanOrEqual(CASES.length);
	});
});

describe('a year the holiday calendar does not cover', () => {
	it('is counted Monday–Friday with a warning naming the year, and does not fail', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'gk-check-'));
		cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
		cpSync(join(FIXTURES, 'calendar-missing'), dir, { recursive: true });
		const { problems } = await validateContent(dir);
		expect(problems.map((p) => formatProblem(p, t))).toMatchInlineSnapshot(`
			[
			  "提醒 notices/y2027.md › publicity.workingDays: 日历数据中没有 2027 年的法定节假日安排，工作日暂按周一至周五计算，节假日前后可能不准。请升级 chinese-days（npm update chinese-days）后重新构建，或改用 end 写明结束日期。",
			]
		`);
		expect(problems.every((p) => p.severity === 'warning')).toBe(true);
	});
});

describe('an urgent notice without an end', () => {
	it('is a warning that asks for expires, and does not fail', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'gk-check-'));
		cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
		cpSync(join(FIXTURES, 'urgent-open'), dir, { recursive: true });
		const { problems } = await validateContent(dir);
		expect(problems.map((p) => formatProblem(p, t))).toMatchInlineSnapshot(`
			[
			  "提醒 notices/hanchao.md › urgent: 紧急通知没有写 expires（下线日期）：大屏会一直全屏显示它，首页也一直置顶，直到有人修改。请加上 expires: YYYY-MM-DD（例如事件结束的第二天）。",
			]
		`);
		expect(problems.every((p) => p.severity === 'warning')).toBe(true);
	});
});

describe('a misspelt field name', () => {
	it('is a warning that suggests the field meant', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'gk-check-'));
		cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
		cpSync(join(FIXTURES, 'unknown-field'), dir, { recursive: true });
		const { problems } = await validateContent(dir);
		expect(problems.map((p) => formatProblem(p, t))).toMatchInlineSnapshot(`
			[
			  "提醒 notices/typo.md › sumary: 没有「sumary」这个字段，该行不会生效。是不是想写「summary」？",
			]
		`);
	});
});

describe('a different content folder', () => {
	it('is read from CONTENT_DIR with no change to the code', () => {
		const out = execFileSync(process.execPath, ['scripts/check.ts'], {
			cwd: root,
			env: { ...process.env, CONTENT_DIR: join(FIXTURES, 'minimal') },
			encoding: 'utf8',
		});
		expect(out).toMatch(/内容检查通过：8 个文件/);
	});
});
