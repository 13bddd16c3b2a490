/**
 * The post-build steps in a process of their own, started by scripts/build.ts
 * once `astro build` has exited, so that none of Astro's memory is held while
 * the search index is built:
 *
 *   node scripts/postbuild/run.ts <context.json> [--follow]
 *
 * With `--follow` it starts while Astro is still writing the staging folder,
 * and learns that Astro has finished when its standard input ends: the search
 * index reads pages as they appear, the other steps wait.
 *
 * The context file (written by scripts/build.ts) holds the staging folder,
 * the content folder, the base path and the validated content. Exit status 0
 * when every step succeeded; 1, with the problem printed (no stack trace),
 * when one failed — the caller then discards the staging folder.
 */
import { readFileSync } from 'node:fs';
import { translator } from '../../src/i18n/index.ts';
import type { ValidationResult } from '../../src/lib/validate/index.ts';
import { runPostBuild } from './index.ts';

/** What scripts/build.ts hands over. */
export interface PostBuildInput {
	outDir: string;
	contentDir: string;
	base: string;
	validation: ValidationResult;
}

/** Settles when standard input ends (the caller closes it once Astro has finished). */
function inputEnded(): Promise<void> {
	return new Promise((done) => {
		process.stdin.on('end', done).on('close', done).resume();
	});
}

async function main(file: string | undefined, follow: boolean): Promise<number> {
	if (!file) {
		console.error('usage: node scripts/postbuild/run.ts <context.json>');
		return 2;
	}
	const input = JSON.parse(readFileSync(file, 'utf8')) as PostBuildInput;
	const site = input.validation.site;
	if (!site) {
		console.error('site.yaml did not validate');
		return 1;
	}
	const t = translator(site.locale);
	try {
		await runPostBuild({ ...input, site, t, ...(follow ? { written: inputEnded() } : {}) });
		return 0;
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		return 1;
	}
}

process.exitCode = await main(process.argv[2], process.argv.includes('--follow'));
