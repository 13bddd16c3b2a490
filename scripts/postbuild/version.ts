/**
 * `version.json`: a build id that lobby screens poll to notice a new build.
 * The id is a hash of the built HTML, so a rebuild with no change keeps it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostBuildContext } from './index.ts';

export function writeVersion({ outDir }: PostBuildContext): void {
	const hash = createHash('sha256');
	const files = (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((f) => f.endsWith('.html'))
		.sort();
	for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
	const version = { version: hash.digest('hex').slice(0, 16), builtAt: new Date().toISOString() };
	writeFileSync(join(outDir, 'version.json'), JSON.stringify(version) + '\n');
}
