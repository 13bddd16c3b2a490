/**
 * Astro content collections over the content folder (CONTENT_DIR or
 * content/). The schemas are the same factories the validator runs; here
 * they get Astro's `reference()` and `image()`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection, reference } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { resolveContentDir } from './lib/content-dir.ts';
import { leadingParagraphs } from './lib/excerpt.ts';
import { mayShowImages } from './lib/markdown-body.ts';
import { parseYaml } from './lib/validate/read.ts';
import type { SchemaHelpers } from './schemas/common.ts';
import { makeCompetitionSchema } from './schemas/competitions.ts';
import { makeModelWorkerSchema } from './schemas/model-workers.ts';
import { makeNoticeSchema } from './schemas/notices.ts';
import { makePolicySchema } from './schemas/policies.ts';
import { siteSchema } from './schemas/site.ts';
import { makeUnitSchema } from './schemas/units.ts';

const contentDir = resolveContentDir();

/** Glob loader for one collection folder; the id is the path without extension. */
function folder(collection: string, pattern: string): Loader {
	return lean(
		glob({
			pattern,
			base: pathToFileURL(join(contentDir, collection) + '/'),
			generateId: ({ entry }) => entry.replace(/\.(md|mdx|ya?ml)$/i, ''),
		}),
	);
}

/**
 * A loader that keeps less in Astro's content store: it is saved to disk,
 * then bundled into the build as one module to compile and parse (67 MB at
 * a 10,000-notice union, seconds at each step).
 *
 * - A Markdown body without images is not rendered here: its page renders it
 *   from the file (src/data/markdown-bodies.ts), so the store holds none of its HTML.
 * - Pages read an entry's raw body only for an excerpt where the editor wrote
 *   no `summary` (summaryOf in src/data/entries.ts, the lobby screens), which
 *   reads its first few hundred characters: entries with a summary are stored
 *   without their body, the others with its leading paragraphs only.
 * - Nothing reads the copy of the front matter Astro keeps beside the
 *   rendered HTML: none is stored.
 */
function lean(loader: Loader): Loader {
	return {
		...loader,
		load: (context) =>
			loader.load({
				...context,
				...renderedWithPages(context),
				store: {
					...context.store,
					set: ({ body, rendered, ...entry }) =>
						context.store.set({
							...entry,
							...(body !== undefined && entry.data.summary === undefined
								? { body: leadingParagraphs(body) }
								: {}),
							...(rendered
								? { rendered: { ...rendered, metadata: { ...rendered.metadata, frontmatter: {} } } }
								: {}),
						}),
				},
			}),
	};
}

/** How Astro's glob loader renders a kind of file (given to loaders, though not in the public type). */
interface EntryType {
	getRenderFunction?: (config: unknown) => Promise<(entry: { body?: string }) => Promise<unknown>>;
}

/**
 * The loader context's entry types, with Markdown rendered only where the
 * body may show images (Astro optimises those); the glob loader stores the
 * others without `rendered`, and their pages render them.
 */
function renderedWithPages(context: LoaderContext): { entryTypes?: Map<string, EntryType> } {
	const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> })
		.entryTypes;
	const markdown = entryTypes?.get('.md');
	const renderFunction = markdown?.getRenderFunction;
	if (!entryTypes || !markdown || !renderFunction) return {};
	return {
		entryTypes: new Map(entryTypes).set('.md', {
			...markdown,
			async getRenderFunction(config) {
				const render = await renderFunction.call(markdown, config);
				return async (entry) => (mayShowImages(entry.body ?? '') ? render(entry) : undefined);
			},
		}),
	};
}

function helpers<Image extends z.ZodType>(image: () => Image): SchemaHelpers<Image> {
	// Astro checks that the target exists; pages only need its id.
	return {
		reference: (collection) => reference(collection).transform((ref: { id: string }) => ref.id),
		image,
	};
}

const site = defineCollection({
	loader: () => {
		const { data } = parseYaml(readFileSync(join(contentDir, 'site.yaml'), 'utf8'), 'site.yaml');
		return [{ id: 'site', ...data }];
	},
	schema: siteSchema,
});

/**
 * For the collections without image fields: Astro calls a schema function
 * once per entry (to give it that entry's `image()`), which would build the
 * schema anew — and lose zod's compiled fast path — 10,000 times for 10,000
 * notices. These get one schema, built once.
 */
function noImage(): z.ZodString {
	throw new Error('This collection has no image fields');
}

const units = defineCollection({
	loader: folder('units', '**/*.{yaml,yml}'),
	schema: makeUnitSchema(helpers(noImage)),
});

const notices = defineCollection({
	loader: folder('notices', '**/*.{md,mdx}'),
	schema: makeNoticeSchema(helpers(noImage)),
});

const modelWorkers = defineCollection({
	loader: folder('model-workers', '**/*.{md,mdx,yaml,yml}'),
	schema: ({ image }) => makeModelWorkerSchema(helpers(image)),
});

const competitions = defineCollection({
	loader: folder('competitions', '**/*.{md,mdx,yaml,yml}'),
	schema: makeCompetitionSchema(helpers(noImage)),
});

const policies = defineCollection({
	loader: folder('policies', '**/*.{md,mdx,yaml,yml}'),
	schema: makePolicySchema(helpers(noImage)),
});

export const collections = {
	site,
	units,
	notices,
	'model-workers': modelWorkers,
	competitions,
	policies,
};
