/**
 * QR codes made ahead, for `npm run build` (scripts/build.ts starts this as
 * soon as the content is valid). Astro spends its first half-minute syncing
 * content and bundling on one core; the other is idle until pages are
 * written. Every code a page or a lobby screen can ask for — a notice's
 * printed sheet, a screen's slides and its home — is made here meanwhile and
 * written to one file, which the pages read (src/lib/qr.ts, QR_AHEAD_ENV).
 * A code the file does not hold is made while the pages render, as without
 * it: the file saves time and never changes a page.
 *
 *   node scripts/qr-ahead.ts <context.json> <codes.json>
 *
 * The context file is the validated content that scripts/check.ts wrote.
 * The codes file appears whole (written as `<codes.json>.tmp`, then renamed).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { entryUrl, siteUrl, type PageCollection } from '../src/data/entries.ts';
import { codesAhead } from '../src/lib/qr.ts';
import type { PostBuildInput } from './postbuild/run.ts';

/** Collections whose pages a code opens: notices (printed sheets) and what lobby screens show. */
const WITH_CODES: readonly PageCollection[] = ['notices', 'model-workers', 'competitions', 'units'];

/** The addresses that get a code, in the order the pages ask for them (notices first). */
export function qrTexts({
	validation,
	base,
}: Pick<PostBuildInput, 'validation' | 'base'>): string[] {
	const site = validation.site;
	if (!site?.url) return [];
	const texts: string[] = [];
	for (const collection of WITH_CODES)
		for (const entry of validation.entries) {
			if (entry.collection !== collection || entry.data?.draft === true) continue;
			const url = entryUrl(collection, entry.id, site, base);
			if (url) texts.push(url);
		}
	texts.push(siteUrl(site, base)!);
	return texts;
}

async function main([context, out]: string[]): Promise<number> {
	if (!context || !out) {
		console.error('usage: node scripts/qr-ahead.ts <context.json> <codes.json>');
		return 2;
	}
	const input = JSON.parse(readFileSync(context, 'utf8')) as PostBuildInput;
	const codes = await codesAhead(qrTexts(input));
	const temporary = `${out}.tmp`;
	writeFileSync(temporary, JSON.stringify(codes));
	renameSync(temporary, out);
	return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
