/**
 * QR codes made ahead, for `npm run build` (scripts/build.ts starts this
 * with Astro). Astro spends its first seconds syncing content and bundling
 * on one core; every code a page or a lobby screen can ask for — a notice's
 * printed sheet, a screen's slides and its home — is made meanwhile on the
 * other and written to one file, which the pages read (src/lib/qr.ts,
 * QR_AHEAD_ENV). A code the file does not hold is made while the pages
 * render, as without it: the file saves time and never changes a page.
 *
 *   node scripts/qr-ahead.ts <codes.json>
 *
 * The content folder is CONTENT_DIR (or content/). The codes file appears
 * whole (written as `<codes.json>.tmp`, then renamed).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryUrl, siteBase, siteUrl, type PageCollection } from '../src/data/entries.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { codesAhead } from '../src/lib/qr.ts';
import { entryFiles, entryId, parseYaml } from '../src/lib/validate/read.ts';

/** Collections whose pages a code opens: notices (printed sheets) and what lobby screens show. */
const WITH_CODES: readonly PageCollection[] = ['notices', 'model-workers', 'competitions', 'units'];

/**
 * The addresses that get a code, in the order the pages ask for them
 * (notices first). Made from the folder's file names, without reading the
 * entries: the codes are made while the content is being validated, and
 * must be done before Astro renders. A draft gets a code no page asks for.
 */
export function qrTexts(contentDir: string): string[] {
	const siteFile = join(contentDir, 'site.yaml');
	if (!existsSync(siteFile)) return [];
	const { data } = parseYaml(readFileSync(siteFile, 'utf8').replace(/^\uFEFF/, ''), 'site.yaml');
	const url = typeof data?.url === 'string' ? data.url : undefined;
	if (!url || !URL.canParse(url)) return [];
	const site = { url };
	const base = siteBase(url);
	const texts: string[] = [];
	for (const collection of WITH_CODES)
		for (const name of entryFiles(contentDir, collection))
			texts.push(entryUrl(collection, entryId(name), site, base)!);
	texts.push(siteUrl(site, base)!);
	return texts;
}

async function main([out]: string[]): Promise<number> {
	if (!out) {
		console.error('usage: node scripts/qr-ahead.ts <codes.json>');
		return 2;
	}
	const codes = await codesAhead(qrTexts(resolveContentDir()));
	const temporary = `${out}.tmp`;
	writeFileSync(temporary, JSON.stringify(codes));
	renameSync(temporary, out);
	return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
