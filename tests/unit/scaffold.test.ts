import { mkdtempSync, readFileSync, cpSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, pinyinId, scaffold } from '../../src/lib/scaffold.ts';
import { validateContent } from '../../src/lib/validate/index.ts';

describe.each([
	['关于开展安康杯竞赛的通知', 'guan-yu-kai-zhan-an-kang-bei-jing-sai-de'],
	['2026年劳模推荐公示', '2026-nian-lao-mo-tui-jian-gong-shi'],
	['女职工权益保护', 'nv-zhi-gong-quan-yi-bao-hu'],
	['ABC 技能比武！', 'abc-ji-neng-bi-wu'],
	['！！！', 'entry'],
])('pinyinId(%s)', (title, id) => {
	it(`proposes ${id}`, () => {
		expect(pinyinId(title)).toBe(id);
	});
});

describe('npm run new', () => {
	const root = join(import.meta.dirname, '../..');
	it.each(KINDS)('scaffolds a %s that passes the check', async (kind) => {
		const dir = mkdtempSync(join(tmpdir(), 'gk-new-'));
		cpSync(join(root, 'tests/fixtures/minimal'), dir, { recursive: true });
		const out = execFileSync(process.execPath, ['scripts/new.ts', kind, '职工书屋读书月活动'], {
			cwd: root,
			env: { ...process.env, CONTENT_DIR: dir },
			encoding: 'utf8',
		});
		expect(out).toContain('zhi-gong-shu-wu-du-shu-yue-huo-dong');
		const result = await validateContent(dir);
		expect(result.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
	});

	it('never overwrites an entry: a second one gets -2', () => {
		const dir = mkdtempSync(join(tmpdir(), 'gk-new-'));
		cpSync(join(root, 'tests/fixtures/minimal'), dir, { recursive: true });
		for (let i = 0; i < 2; i++) {
			execFileSync(process.execPath, ['scripts/new.ts', 'policy', '职工代表大会制度'], {
				cwd: root,
				env: { ...process.env, CONTENT_DIR: dir },
			});
		}
		expect(readdirSync(join(dir, 'policies')).sort()).toEqual([
			'zhi-gong-dai-biao-da-hui-zhi-du-2.md',
			'zhi-gong-dai-biao-da-hui-zhi-du.md',
			'zhidu.md',
		]);
	});

	it('writes a comment on what to fill next to each required field', () => {
		const text = scaffold({
			kind: 'notice',
			title: '测试',
			today: '2026-11-21',
			unit: 'hq',
			unitIds: ['hq'],
		});
		expect(text).toMatch(/^category: 通知 # 类别/m);
		expect(text).toMatch(/^date: 2026-11-21 # 发布日期/m);
		void readFileSync;
	});
});
