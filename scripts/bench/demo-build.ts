/**
 * The demo union built under /gongkai/ for the page benches: `--dist <dir>`
 * (or BENCH_DIST) names it; it is built when missing or with `--rebuild`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const BENCH_BASE = '/gongkai/';
const root = resolve(import.meta.dirname, '../..');

/** The built demo's folder, building it first when needed. */
export function demoBuild(args: string[]): string {
	const at = args.indexOf('--dist');
	const dist = resolve(
		root,
		at >= 0 ? args[at + 1]! : (process.env.BENCH_DIST ?? '.gongkai/bench-bytes'),
	);
	if (args.includes('--rebuild') || !existsSync(join(dist, 'index.html'))) {
		console.log(`Building the demo under ${BENCH_BASE} into ${relative(root, dist)} …`);
		execFileSync(process.execPath, ['scripts/build.ts'], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, OUT_DIR: dist, BASE: BENCH_BASE },
		});
	}
	return dist;
}
