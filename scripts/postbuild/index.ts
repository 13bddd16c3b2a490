/**
 * Steps that run on a freshly built site before it is swapped in as dist/.
 * Each step lives in its own file; a step that throws fails the build (the
 * staging folder is discarded and dist/ keeps the previous complete site).
 */
import type { ValidationResult } from '../../src/lib/validate/index.ts';
import type { SiteConfig } from '../../src/schemas/site.ts';
import type { Translate } from '../../src/lib/problems.ts';
import { copyAttachments } from './attachments.ts';
import { scanImages } from './images.ts';
import { writeVersion } from './version.ts';
import { buildSearchIndex } from './search.ts';
import { readSiteInWorker } from './site-pass.ts';

export interface PostBuildContext {
	/** The staging folder Astro just wrote. */
	outDir: string;
	/** The content folder. */
	contentDir: string;
	/** The validated content. */
	validation: ValidationResult;
	site: SiteConfig;
	/** The base path, with leading and trailing slash. */
	base: string;
	t: Translate;
	/**
	 * Astro is still writing `outDir` and this settles when it has finished.
	 * Steps wait for it, except the search index, which reads pages as they appear.
	 */
	written?: Promise<unknown>;
	/** Settles once every page is written (Astro may still be encoding images): the search index starts then. */
	pagesWritten?: Promise<unknown>;
	/** While Astro writes: the file in which it lists the pages the search index will hold (src/data/search-pages.ts). */
	expectedPages?: string;
}

export interface PostBuildStep {
	name: string;
	run(context: PostBuildContext): Promise<void> | void;
	/**
	 * Starts at once and runs alongside the others (it neither changes nor
	 * depends on what they do), even before Astro has finished (it is given
	 * `written`). The search index does: it reads pages while Astro writes the
	 * rest, Pagefind works in a process of its own, and the other steps fill
	 * the time this one waits.
	 */
	alongside?: boolean;
}

/**
 * The photo guard and the version, from one read of the site in a worker
 * thread (site-pass.ts): the guard asks for the names of its original
 * copies, the version takes the hash.
 */
async function checkPages(context: PostBuildContext): Promise<void> {
	writeVersion(
		context,
		await scanImages(context, (names) => readSiteInWorker(context.outDir, names)),
	);
}

/** Later steps may rely on earlier ones; the search index reads pages none of them changes (the version changes only pages no search finds). */
export const steps: PostBuildStep[] = [
	{ name: 'search', run: buildSearchIndex, alongside: true },
	{ name: 'attachments', run: copyAttachments },
	{ name: 'images and version', run: checkPages },
];

/** Runs every step, timing each; fails with the first failure once all have stopped. */
export async function runPostBuild(context: PostBuildContext): Promise<void> {
	let writtenAt: number | undefined;
	void context.written?.then(() => (writtenAt = performance.now()));
	const timed = async (step: PostBuildStep) => {
		const started = performance.now();
		await step.run(context);
		const ended = performance.now();
		// A step that started while Astro was writing: the time it added after Astro matters.
		const after =
			writtenAt !== undefined && writtenAt > started
				? `, ${Math.round(ended - writtenAt)} ms after Astro`
				: '';
		console.log(`  ${step.name} (${Math.round(ended - started)} ms${after})`);
	};
	const alongside = steps.filter((step) => step.alongside).map(timed);
	const inOrder = (async () => {
		await context.written;
		for (const step of steps) if (!step.alongside) await timed(step);
	})();
	const results = await Promise.allSettled([inOrder, ...alongside]);
	const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failed) throw failed.reason;
}
