/**
 * `npm run build` end to end on small unions: another content folder builds
 * with no code change, and a failed build leaves the previous site intact.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate/index.ts';
import { sortKey } from '../../src/lib/search-text.ts';
import { sitePath, unsearchablePaths } from '../../scripts/postbuild/search.ts';

const root = join(import.meta.dirname, '../..');
const FIXTURES = join(root, 'tests/fixtures');

function build(contentDir: string, outDir: string, env: Record<string, string> = {}) {
	return spawnSync(process.execPath, ['scripts/build.ts'], {
		cwd: root,
		env: {
			...process.env,
			CONTENT_DIR: contentDir,
			OUT_DIR: outDir,
			GONGKAI_NOW: '2026-11-21T02:00:00Z',
			...env,
		},
		encoding: 'utf8',
	});
}

describe('npm run build', () => {
	const out = join(mkdtempSync(join(tmpdir(), 'gk-build-')), 'dist');

	it('builds the union named by CONTENT_DIR', () => {
		const run = build(join(FIXTURES, 'minimal'), out);
		expect(run.status, run.stdout + run.stderr).toBe(0);
		const home = readFileSync(join(out, 'index.html'), 'utf8');
		expect(home).toContain('测试工会');
		expect(home).not.toContain('华精');
		expect(existsSync(join(out, 'notices/2026/gongshi/index.html'))).toBe(true);
		expect(existsSync(join(out, 'units/workshop/index.html'))).toBe(true);
		// Drafts stay out of a production build, even when run from a test runner (NODE_ENV=test).
		expect(existsSync(join(out, 'notices/2026/caogao/index.html'))).toBe(false);
		expect(home).not.toContain('草稿');
	});

	it('stops on a content error and keeps the previous complete site', () => {
		const before = readFileSync(join(out, 'index.html'), 'utf8');
		const broken = mkdtempSync(join(tmpdir(), 'gk-broken-'));
		cpSync(join(FIXTURES, 'minimal'), broken, { recursive: true });
		cpSync(join(FIXTURES, 'broken/missing-title'), broken, { recursive: true });
		const run = build(broken, out);
		expect(run.status).toBe(1);
		expect(run.stdout).toContain('错误 notices/missing-title.md › title: 缺少必填项');
		expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
		expect(readdirSync(join(out, 'notices'))).not.toContain('missing-title');
	});

	it('hands the validated content to the post-build process unchanged (as JSON)', async () => {
		// scripts/build.ts writes it to a file for scripts/postbuild/run.ts: no Date, Map or undefined may be lost.
		for (const dir of [join(root, 'content'), join(FIXTURES, 'minimal')]) {
			const validation = await validateContent(dir);
			expect(JSON.parse(JSON.stringify(validation))).toStrictEqual(validation);
		}
	});

	it('stops when a post-build step fails (in its own process) and keeps the previous site', () => {
		const before = readFileSync(join(out, 'index.html'), 'utf8');
		const run = build(join(FIXTURES, 'minimal'), out, {
			PAGEFIND_EXTENDED_BINARY_PATH: '/nonexistent/pagefind_extended',
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('搜索索引生成失败：找不到 Pagefind 扩展版程序');
		expect(run.stderr).toContain('构建已停止');
		expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
	});
});

describe('the pages announced to the search index', () => {
	it('are exactly the pages built with a searchable region, in file order, with their date keys', async () => {
		const work = mkdtempSync(join(tmpdir(), 'gk-announce-'));
		const outDir = join(work, 'dist');
		const file = join(work, 'pages.json');
		// As scripts/build.ts starts it: a production build, whatever the test runner set.
		const env: NodeJS.ProcessEnv = { ...process.env };
		for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'TEST', 'VITEST', 'BASE_URL'])
			delete env[name];
		const run = spawnSync(process.execPath, ['scripts/astro-build.ts', outDir], {
			cwd: root,
			env: {
				...env,
				NODE_ENV: 'production',
				GONGKAI_NOW: '2026-11-21T02:00:00Z',
				GONGKAI_SEARCH_PAGES_FILE: file,
			},
			encoding: 'utf8',
		});
		expect(run.status, run.stdout + run.stderr).toBe(0);
		const announced = JSON.parse(readFileSync(file, 'utf8')) as { path: string; date: string }[];
		const hidden = unsearchablePaths(await validateContent(join(root, 'content')));
		const built = (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[])
			.filter((f) => f.endsWith('index.html'))
			.sort()
			.map((f) => ({ path: sitePath(f), html: readFileSync(join(outDir, f), 'utf8') }))
			.filter(
				({ path, html }) =>
					html.includes('data-pagefind-body') && !path.startsWith('display/') && !hidden.has(path),
			)
			.map(({ path, html }) => ({ path, date: sortKey(html, 'date') }));
		expect(built.length).toBeGreaterThan(50);
		expect(announced).toEqual(built);
		// A withdrawn notice keeps its page but is not announced.
		expect(hidden.size).toBeGreaterThan(0);
	}, 120_000);
});
