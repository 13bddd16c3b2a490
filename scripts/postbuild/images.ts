/**
 * The last guard on photos: no image leaves the build with identifying
 * metadata, and no original photo from the content folder is published
 * untouched.
 *
 * Astro 7 emits every image a content entry names (a `photo`, a body image)
 * into `_astro/` byte for byte, EXIF and GPS included, and deletes the copy
 * only when a page transforms the image and nothing reads the image's own
 * properties. An image no page transforms — a draft's photo, a worker whose
 * page shows no portrait — stays behind as an untouched original that no page
 * links to: this step deletes those. A copy some page does link to (a
 * component used `photo.src`) fails the build, naming the file and the page.
 * Then every image left is read with exifr, and any GPS, camera, owner, date,
 * XMP or IPTC metadata fails the build, naming the file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { identifyingMetadata, imageFormat } from '../../src/lib/image-metadata.ts';
import type { PostBuildContext } from './index.ts';
import { siteFiles } from './site-files.ts';
import { readSite, type SiteRead } from './site-pass.ts';

const IMAGE_EXTENSIONS = new Set([
	'.jpg',
	'.jpeg',
	'.png',
	'.webp',
	'.avif',
	'.gif',
	'.tif',
	'.tiff',
	'.heic',
	'.heif',
]);

function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The guard. `read` reads the site once for the names given (site-pass.ts):
 * by default here and now; the build passes a read in a worker thread that
 * also makes the version, and gets it back.
 */
export async function scanImages(
	{ outDir, contentDir, t }: PostBuildContext,
	read: (names: string[]) => Promise<SiteRead> | SiteRead = (names) => readSite(outDir, names),
): Promise<SiteRead> {
	const originals = new Map<string, string>();
	for (const name of siteFiles(contentDir)) {
		if (IMAGE_EXTENSIONS.has(extname(name).toLowerCase()))
			originals.set(sha256(readFileSync(join(contentDir, name))), name);
	}

	// Not the search index: it is written meanwhile (see index.ts) and holds no image.
	const output = siteFiles(outDir, undefined, (folder) => !/^pagefind[^/]*$/.test(folder));
	const images = output.filter((name) => IMAGE_EXTENSIONS.has(extname(name).toLowerCase()));
	const problems: string[] = [];
	const removed: string[] = [];
	const scanned: string[] = [];

	// Originals copied byte for byte: which pages, styles or scripts name them?
	const copies = new Map<string, string>();
	const others: string[] = [];
	for (const name of images) {
		const bytes = readFileSync(join(outDir, name));
		const source = originals.get(sha256(bytes));
		if (source) copies.set(name, source);
		else others.push(name);
	}
	const site = await read([...copies.keys()].map((copy) => basename(copy)));
	for (const [name, source] of copies) {
		const where = site.named.get(basename(name));
		if (!where?.length) {
			unlinkSync(join(outDir, name));
			removed.push(name);
			continue;
		}
		problems.push(t('images.original', { file: name, source, where: where.join(', ') }));
	}

	for (const name of others) {
		const bytes = new Uint8Array(readFileSync(join(outDir, name)));
		if (!imageFormat(bytes)) continue;
		scanned.push(name);
		const tags = await identifyingMetadata(bytes);
		if (tags.length) problems.push(t('images.metadata', { file: name, tags: tags.join(', ') }));
	}

	if (removed.length)
		console.log(`  ${t('images.removed', { count: removed.length, files: removed.join(', ') })}`);
	console.log(`  ${scanned.length} image(s) scanned, ${problems.length} with problems`);
	if (problems.length) throw new Error(problems.join('\n'));
	return site;
}
