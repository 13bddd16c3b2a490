/**
 * Images in Markdown and MDX bodies (`![说明](./活动现场.jpg)`). Astro turns
 * each into one optimised `<img>` (WebP, re-encoded by sharp, so without
 * metadata). Left alone it keeps the photo's full width: a 4000 px phone photo
 * would ship a 4000 px fallback and a `sizes` hint of 4000 px. This plugin for
 * the Markdown processor gives each local image a responsive layout and caps
 * its width at the text column, so the srcset runs from 320 px to twice the
 * column and the browser picks by the reader's screen.
 */
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/** The prose column (`--gk-measure`, 42rem) in CSS pixels. */
export const PROSE_WIDTH = 672;

/** Candidate widths for responsive images (Astro's `image.breakpoints`). */
export const BREAKPOINTS = [320, 480, 640, 800, 960, 1280, 1600, 1920];

/**
 * The width to ask for: the column width when the photo is at least that large
 * in its upright orientation, otherwise its own width (never enlarged).
 */
export function bodyImageWidth(upright: { width: number }, column = PROSE_WIDTH): number {
	return Math.min(upright.width, column);
}

/** Width and height as displayed, after the EXIF orientation turns the photo upright. */
export async function uprightSize(
	file: string,
): Promise<{ width: number; height: number } | undefined> {
	try {
		const meta = await sharp(file).metadata();
		return (
			meta.autoOrient ??
			(meta.width && meta.height ? { width: meta.width, height: meta.height } : undefined)
		);
	} catch {
		// Unreadable: Astro reports the broken image itself.
		return undefined;
	}
}

/** Markdown image syntax (inline or by reference) or an HTML `<img>`: all that can make an `img` element. */
const MAY_HAVE_IMAGE = /!\[|<img/i;

interface ImgNode {
	properties?: Record<string, unknown>;
}

interface VisitContext {
	setProperty(node: ImgNode, key: string, value: unknown): void;
}

/**
 * A Sätteri hast plugin (`satteri({ hastPlugins: [bodyImages] })`): local
 * images get `layout="constrained"` and a width capped at the column.
 */
export function bodyImages({ fileURL, source }: { fileURL: URL | undefined; source?: string }) {
	// No image in the text: no plugin, so the processor renders it in one
	// native call (a hast plugin, even one that finds nothing, costs a round
	// trip through JavaScript per entry: ≈ 1 s of a 10,000-notice sync).
	if (!fileURL || (source !== undefined && !MAY_HAVE_IMAGE.test(source))) return null;
	return {
		name: 'gongkai-body-images',
		element: {
			filter: ['img'],
			async visit(node: ImgNode, ctx: VisitContext) {
				const src = node.properties?.src;
				// Remote and site-absolute images are not optimised by Astro.
				if (typeof src !== 'string' || /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(src)) return;
				const size = await uprightSize(fileURLToPath(new URL(decodeURI(src), fileURL)));
				if (!size) return;
				ctx.setProperty(node, 'layout', 'constrained');
				if (node.properties?.width === undefined)
					ctx.setProperty(node, 'width', bodyImageWidth(size));
			},
		},
	};
}
