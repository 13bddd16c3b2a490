/**
 * Markdown bodies that are rendered with their pages instead of when the
 * content is loaded (src/data/markdown-bodies.ts): the content store, which Astro
 * saves and bundles into the build as one module, then holds none of their
 * HTML. Bodies with images are left to Astro, which optimises the images.
 */

/** Front matter as Astro's content layer finds it (@astrojs/internal-helpers `frontmatter.js`). */
const FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/**
 * The body of a Markdown file as Astro's content layer gives it to the
 * Markdown processor: the file without its front matter and fences, trimmed.
 */
export function markdownBody(source: string): string {
	const [, fence, yaml] = FRONT_MATTER.exec(source) ?? [];
	if (fence === undefined || yaml === undefined) return source.trim();
	// As Astro does: the front matter between two fences like the first one.
	return source.replace(`${fence}${yaml}${fence}`, '').trim();
}

/**
 * Whether a Markdown body may show an image (`![…](…)`, `![…][…]` or an
 * `<img>` tag) — Astro renders those, as their images are optimised then. A
 * false alarm (`\![` in text) only means Astro renders that body.
 */
export function mayShowImages(body: string): boolean {
	return /!\[|<img\b/i.test(body);
}
