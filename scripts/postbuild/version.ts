/**
 * `version.json`: a build id that lobby screens poll to notice a new build.
 * The id is a hash of the built HTML (made by the one read of the site after
 * Astro, site-pass.ts), so a rebuild with no change keeps it. Pages that
 * poll (the display) carry a placeholder for the id, written in here once
 * the id is known: the hash is taken over the placeholder, so writing the id
 * in does not change the id.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION_PLACEHOLDER } from '../../src/lib/display-version.ts';
import type { PostBuildContext } from './index.ts';
import type { SiteRead } from './site-pass.ts';

/** Writes the id into the pages that poll for it, and `version.json`. */
export function writeVersion({ outDir }: PostBuildContext, { version, polling }: SiteRead): void {
	for (const file of polling) {
		const path = join(outDir, file);
		writeFileSync(path, readFileSync(path, 'utf8').replaceAll(VERSION_PLACEHOLDER, version));
	}
	const json = { version, builtAt: new Date().toISOString() };
	writeFileSync(join(outDir, 'version.json'), JSON.stringify(json) + '\n');
}
