/**
 * The validation step of `npm run build`, in a process of its own started by
 * scripts/build.ts (while Astro starts on the other core): it prints the
 * content report, as `npm run check` does, and when the content is valid
 * writes what the post-build steps need (scripts/postbuild/run.ts) to
 * `<context.json>`. Its memory — every entry, parsed — is given back when it
 * exits, before Astro and the search index need the most.
 *
 *   node scripts/build-check.ts <context.json> <staging-dir> <started-at-epoch-ms>
 *
 * Exit status 0 when the content is valid, 1 when it is not (the problems
 * printed) or could not be read.
 */
import { writeFileSync } from 'node:fs';
import { translator } from '../src/i18n/index.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { report } from '../src/lib/validate/report.ts';
import type { PostBuildInput } from './postbuild/run.ts';

/** The base path the site is served under: BASE, else the path of site.yaml's url. */
function siteBase(url: string | undefined): string {
	const path = process.env.BASE ?? (url ? new URL(url).pathname : '/');
	return path.endsWith('/') ? path : `${path}/`;
}

async function main([context, staging, startedAt]: string[]): Promise<number> {
	if (!context || !staging) {
		console.error('usage: node scripts/build-check.ts <context.json> <staging-dir> [started-at]');
		return 2;
	}
	const contentDir = resolveContentDir();
	const result = await validateContent(contentDir);
	const t = translator(result.site?.locale ?? 'zh-CN');
	const elapsed = Date.now() - (Number(startedAt) || Date.now());
	const { lines, errors } = report(result.problems, t, result.files, elapsed);
	for (const line of lines) console.log(line);
	if (errors || !result.site) return 1;
	const input: PostBuildInput = {
		outDir: staging,
		contentDir,
		base: siteBase(result.site.url),
		validation: result,
	};
	writeFileSync(context, JSON.stringify(input));
	return 0;
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}
