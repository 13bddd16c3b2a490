/**
 * The post-build steps in a process of their own, started by scripts/build.ts
 * once `astro build` has exited, so that none of Astro's memory is held while
 * the search index is built:
 *
 *   node scripts/postbuild/run.ts <context.json> [--follow=<rendered-file>] [--expected=<pages-file>]
 *
 * With `--follow` it starts while Astro is still writing the staging folder,
 * and learns that Astro has finished when its standard input ends: the search
 * index reads pages as they appear and builds the index once every page is
 * written (Astro creates `<rendered-file>` then, before it encodes images);
 * the other steps wait for Astro to exit. With `--expected`, the file in
 * which Astro lists the pages the index will hold before it renders them
 * (src/data/search-pages.ts): the index then gives them to Pagefind as they
 * are written.
 *
 * The context file (written by scripts/build.ts) holds the staging folder,
 * the content folder, the base path and the validated content. Exit status 0
 * when every step succeeded; 1, with the problem printed (no stack trace),
 * when one failed — the caller then discards the staging folder.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** Settles when `file` exists (or `sooner` settles). */
function appears(file: string, sooner: Promise<unknown>): Promise<void> {
	return new Promise((done) => {
		const stop = () => {
			clearInterval(timer);
			done();
		};
		const timer = setInterval(() => existsSync(file) && stop(), 250);
		sooner.then(stop, stop);
	});
}

/** Settles when standard input ends (the caller closes it once Astro has finished). */
function inputEnded(): Promise<void> {
	return new Promise((done) => {
		process.stdin.on('end', done).on('close', done).resume();
	});
}

async function main(
	file: string | undefined,
	follow: string | undefined,
	expected: string | undefined,
): Promise<number> {
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
		let following = {};
		if (follow !== undefined) {
			const written = inputEnded();
			following = {
				written,
				pagesWritten: follow ? appears(follow, written) : written,
				...(expected ? { expectedPages: expected } : {}),
			};
		}
		await runPostBuild({ ...input, site, t, ...following });
		return 0;
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		return 1;
	}
}

const option = (name: string) =>
	process.argv.find((arg) => arg.startsWith(`--${name}`))?.replace(new RegExp(`^--${name}=?`), '');
process.exitCode = await main(process.argv[2], option('follow'), option('expected'));
