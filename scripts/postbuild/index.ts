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
}

export interface PostBuildStep {
	name: string;
	run(context: PostBuildContext): Promise<void> | void;
}

/** In order: later steps may rely on earlier ones (the search index reads final HTML). */
export const steps: PostBuildStep[] = [
	{ name: 'version', run: writeVersion },
	{ name: 'attachments', run: copyAttachments },
	{ name: 'images', run: scanImages },
	{ name: 'search', run: buildSearchIndex },
];

/** Runs every step, timing each. */
export async function runPostBuild(context: PostBuildContext): Promise<void> {
	for (const step of steps) {
		const started = performance.now();
		await step.run(context);
		console.log(`  ${step.name} (${Math.round(performance.now() - started)} ms)`);
	}
}
