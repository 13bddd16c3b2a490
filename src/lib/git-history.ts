/**
 * The git history of content files (date and message of each commit), shown
 * as part of a notice's 变更记录. One `git log` over the whole content folder
 * per build — the per-file equivalent of `git log --follow`, renames
 * included — instead of one process per page, so a union with ten thousand
 * notices does not spawn ten thousand gits. Outside a git checkout, without
 * git, or on a timeout the history is simply empty: the section is omitted.
 */
import { execFileSync } from 'node:child_process';

/** One commit that touched a file. */
export interface HistoryEntry {
	/** Author date, `YYYY-MM-DD`. */
	date: string;
	/** Subject line of the commit message. */
	message: string;
}

/** Record separator between commits in the log output. */
const RS = '\x1e';

/** The `git log` arguments that `parseGitLog` reads. */
export const GIT_LOG_ARGS = [
	'-c',
	'core.quotepath=off',
	'log',
	'--relative',
	'--name-status',
	'-M',
	`--format=${RS}%ad%x09%s`,
	'--date=short',
	'--',
	'.',
];

/**
 * Parses `git log --name-status -M --format=<RS>%ad%x09%s` output (newest
 * commit first) into the history of each file under its current name: a
 * renamed file keeps the commits made under its old name.
 */
export function parseGitLog(output: string): Map<string, HistoryEntry[]> {
	const history = new Map<string, HistoryEntry[]>();
	// Older name → the name the file has now.
	const currentName = new Map<string, string>();
	const add = (path: string, entry: HistoryEntry): string => {
		const name = currentName.get(path) ?? path;
		const list = history.get(name);
		if (list) list.push(entry);
		else history.set(name, [entry]);
		return name;
	};
	for (const record of output.split(RS)) {
		const [header = '', ...lines] = record.split('\n');
		const tab = header.indexOf('\t');
		if (tab < 0) continue;
		const entry = { date: header.slice(0, tab), message: header.slice(tab + 1).trim() };
		if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) continue;
		for (const line of lines) {
			const [status = '', first, second] = line.split('\t');
			if (!first) continue;
			if ((status.startsWith('R') || status.startsWith('C')) && second) {
				const name = add(second, entry);
				if (status.startsWith('R')) currentName.set(first, name);
			} else {
				add(first, entry);
			}
		}
	}
	return history;
}

const cache = new Map<string, Map<string, HistoryEntry[]>>();

/** The history of every file under `contentDir` (paths relative to it, `/`-separated); cached per build. */
export function contentHistory(
	contentDir: string,
	timeoutMs = 30_000,
): Map<string, HistoryEntry[]> {
	let history = cache.get(contentDir);
	if (history) return history;
	try {
		const output = execFileSync('git', ['-C', contentDir, ...GIT_LOG_ARGS], {
			encoding: 'utf8',
			timeout: timeoutMs,
			maxBuffer: 512 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'ignore'],
			env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
		});
		history = parseGitLog(output);
	} catch {
		// Not a checkout, no git, or too slow: no history rather than a failed build.
		history = new Map();
	}
	cache.set(contentDir, history);
	return history;
}

/** The commits that touched `file` (relative to `contentDir`), newest first; empty when unknown. */
export function fileHistory(contentDir: string, file: string): HistoryEntry[] {
	return contentHistory(contentDir).get(file) ?? [];
}
