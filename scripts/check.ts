/**
 * `npm run check`: validates the content folder (CONTENT_DIR or content/)
 * without building. One line per problem, in the site's language; exit 1 on
 * any error (or when the content cannot be read).
 *
 * `npm run build` runs the same check in a process of its own (its memory —
 * every entry, parsed — is given back when it exits, before Astro and the
 * search index need the most), with two more arguments: where to write what
 * the post-build steps need (scripts/postbuild/run.ts) when the content is
 * valid, and the staging folder it names; a third, the build's start
 * (epoch ms), makes the reported time the build's.
 *
 *   node scripts/check.ts [<context.json> <staging-dir> [<started-at>]]
 */
import { writeFileSync } from 'node:fs';
import { siteBase } from '../src/data/entries.ts';
import { translator } from '../src/i18n/index.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { report } from '../src/lib/validate/report.ts';
import type { PostBuildInput } from './postbuild/run.ts';

async function main([context, staging, startedAt]: string[]): Promise<number> {
	const started = Number(startedAt) || Date.now();
	const contentDir = resolveContentDir();
	const result = await validateContent(contentDir);
	const t = translator(result.site?.locale ?? 'zh-CN');
	const { lines, errors } = report(result.problems, t, result.files, Date.now() - started);
	for (const line of lines) console.log(line);
	if (errors) return 1;
	if (context && staging) {
		if (!result.site) return 1;
		const input: PostBuildInput = {
			outDir: staging,
			contentDir,
			base: siteBase(result.site.url),
			validation: result,
		};
		writeFileSync(context, JSON.stringify(input));
	}
	return 0;
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}
