/**
 * `version.json`: a build id that lobby screens poll to notice a new build.
 * The id is a hash of the built HTML, so a rebuild with no change keeps it.
 * Pages that poll (the display) carry a placeholder for the id, written in
 * here once the id is known: the hash is taken over the placeholder, so
 * writing the id in does not change the id.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION_PLACEHOLDER } from '../../src/lib/display-version.ts';
import type { PostBuildContext } from './index.ts';

export function writeVersion({ outDir }: PostBuildContext): void {
	const hash = createHash('sha256');
	const files = (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((f) => f.endsWith('.html'))
		.sort();
	const polling: Array<{ file: string; html: string }> = [];
	for (const file of files) {
		const bytes = readFileSync(join(outDir, file));
		hash.update(file).update(bytes);
		const html = bytes.toString('utf8');
		if (html.includes(VERSION_PLACEHOLDER)) polling.push({ file, html });
	}
	const id = hash.digest('hex').slice(0, 16);
	for (const { file, html } of polling)
		writeFileSync(join(outDir, file), html.replaceAll(VERSION_PLACEHOLDER, id));
	const version = { version: id, builtAt: new Date().toISOString() };
	writeFileSync(join(outDir, 'version.json'), JSON.stringify(version) + '\n');
}
