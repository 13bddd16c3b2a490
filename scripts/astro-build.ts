/**
 * `astro build` in a process of its own, started by scripts/build.ts: when
 * it exits, all of Astro's memory is returned before the post-build steps
 * (the search index above all) start.
 *
 *   node scripts/astro-build.ts <out-dir>
 *
 * The environment is the caller's (scripts/build.ts makes it a production
 * one). Exit status 1, with the error message only, when the build fails.
 */
import { resolve } from 'node:path';
import { build } from 'astro';

const root = resolve(import.meta.dirname, '..');
const outDir = process.argv[2];

if (!outDir) {
	console.error('usage: node scripts/astro-build.ts <out-dir>');
	process.exitCode = 2;
} else {
	try {
		await build({
			root,
			outDir: resolve(outDir),
			mode: 'production',
			logLevel: process.env.ASTRO_LOG === 'debug' ? 'debug' : 'info',
		});
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	}
}
