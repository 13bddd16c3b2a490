/**
 * Markdown: the processor settings (astro.config.mjs uses these), and the
 * bodies rendered with their pages. Astro renders a Markdown body when it
 * loads the content and keeps the HTML in its content store, which it saves
 * and then bundles into the build as one module: at a 10,000-notice union,
 * 27 MB of HTML to serialise, bundle and compile before the first page, on
 * one core. A body without images is rendered here instead, when its page
 * is, from its file (the loader in src/content.config.ts skips it); Astro
 * renders those with images, which it optimises, and MDX.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { bodyImages } from '../lib/body-images.ts';
import { markdownBody } from '../lib/markdown-body.ts';
import { sourceFile } from './entries.ts';

/**
 * Astro's `markdown` settings. No code highlighting: a union's texts have no
 * code, and Shiki's inline styles would break the Content-Security-Policy.
 * Body images get responsive widths capped at the text column.
 */
export const markdown = {
	processor: satteri({ hastPlugins: [bodyImages] }),
	syntaxHighlight: false,
} as const;

/** What a page knows of an entry's body. */
export interface BodyEntry {
	filePath?: string | undefined;
	rendered?: unknown;
	deferredRender?: boolean | undefined;
}

/** Whether the page renders the body: a Markdown entry that Astro stored without HTML. */
export function rendersWithPage(entry: BodyEntry): boolean {
	return (
		entry.rendered === undefined &&
		entry.deferredRender !== true &&
		/\.md$/i.test(entry.filePath ?? '')
	);
}

let renderer: ReturnType<typeof markdown.processor.createRenderer> | undefined;

/** The HTML of a body the page renders: from its file, as Astro's content layer would have rendered it. */
export async function bodyHtml(entry: BodyEntry): Promise<string> {
	const file = sourceFile(entry);
	// The options Astro gives the processor; gfm and smartypants left unset, as in astro.config.mjs.
	renderer ??= markdown.processor.createRenderer({ syntaxHighlight: markdown.syntaxHighlight });
	const { code } = await (
		await renderer
	).render(markdownBody(readFileSync(file, 'utf8')), { fileURL: pathToFileURL(file) });
	return code;
}
