import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHistory, fileHistory, parseGitLog } from '../../src/lib/git-history.ts';

const RS = '\x1e';

describe('parseGitLog', () => {
	it('lists each file’s commits, newest first', () => {
		const log = [
			`${RS}2026-11-20\t更新公示期\n\nM\tnotices/a.md\nM\tnotices/b.md\n`,
			`${RS}2026-11-18\t发布公示\n\nA\tnotices/a.md\n`,
		].join('');
		const history = parseGitLog(log);
		expect(history.get('notices/a.md')).toEqual([
			{ date: '2026-11-20', message: '更新公示期' },
			{ date: '2026-11-18', message: '发布公示' },
		]);
		expect(history.get('notices/b.md')).toEqual([{ date: '2026-11-20', message: '更新公示期' }]);
	});

	it('follows a renamed file back to its old name, like git log --follow', () => {
		const log = [
			`${RS}2026-11-21\t改文件名\n\nR096\tnotices/old.md\tnotices/2026/new.md\n`,
			`${RS}2026-11-01\t发布\n\nA\tnotices/old.md\n`,
		].join('');
		expect(
			parseGitLog(log)
				.get('notices/2026/new.md')
				?.map((e) => e.message),
		).toEqual(['改文件名', '发布']);
		expect(parseGitLog(log).has('notices/old.md')).toBe(false);
	});

	it('ignores noise it does not understand', () => {
		expect(parseGitLog('').size).toBe(0);
		expect(parseGitLog(`${RS}not a date\tx\n\nM\ta.md\n`).size).toBe(0);
	});
});

function git(cwd: string, ...args: string[]): void {
	execFileSync('git', args, {
		cwd,
		stdio: 'ignore',
		env: {
			...process.env,
			GIT_AUTHOR_NAME: 't',
			GIT_AUTHOR_EMAIL: 't@example.com',
			GIT_COMMITTER_NAME: 't',
			GIT_COMMITTER_EMAIL: 't@example.com',
		},
	});
}

describe('contentHistory', () => {
	it('reads the history of a content folder inside a git checkout, renames included', () => {
		const repo = mkdtempSync(join(tmpdir(), 'gk-git-'));
		const content = join(repo, 'content');
		mkdirSync(join(content, 'notices'), { recursive: true });
		git(repo, 'init', '-q');
		writeFileSync(join(content, 'notices', 'a.md'), '---\ntitle: A\n---\n一\n');
		git(repo, 'add', '.');
		git(repo, 'commit', '-q', '-m', '发布 A', '--date', '2026-11-01T10:00:00+08:00');
		renameSync(join(content, 'notices', 'a.md'), join(content, 'notices', 'b.md'));
		git(repo, 'add', '-A');
		git(repo, 'commit', '-q', '-m', '改名为 B', '--date', '2026-11-02T10:00:00+08:00');
		expect(fileHistory(content, 'notices/b.md').map((e) => e.message)).toEqual([
			'改名为 B',
			'发布 A',
		]);
	});

	it('is empty, without an error, outside a git checkout', () => {
		const dir = mkdtempSync(join(tmpdir(), 'gk-nogit-'));
		expect(contentHistory(dir).size).toBe(0);
		expect(fileHistory(dir, 'notices/a.md')).toEqual([]);
	});

	it('is empty for a folder that does not exist', () => {
		expect(contentHistory(join(tmpdir(), 'gk-missing-folder-xyz')).size).toBe(0);
	});
});
