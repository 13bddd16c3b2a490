/**
 * Builds the demo union once for the whole e2e run, under the sub-path
 * /gongkai/, into .gongkai/e2e-dist (skipped when E2E_DIST names a build).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
	if (process.env.E2E_DIST) return;
	const root = join(import.meta.dirname, '../..');
	execFileSync(process.execPath, ['scripts/build.ts'], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, OUT_DIR: '.gongkai/e2e-dist', BASE: '/gongkai/' },
	});
}
