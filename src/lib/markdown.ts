/**
 * Short Markdown fields (a unit's `description`) as HTML. Raw HTML in them
 * is shown as text, not markup: these fields are meant for a sentence or
 * two with emphasis and links, and stay safe under a strict CSP.
 */
import { markdownToHtml } from 'satteri';

/** HTML of a short Markdown text, with any raw HTML escaped. */
export function shortMarkdown(source: string): string {
	return markdownToHtml(source.replace(/&(?![a-zA-Z]+;|#\d+;)/g, '&amp;').replace(/</g, '&lt;'))
		.html;
}
