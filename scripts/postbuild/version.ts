/**
 * `version.json`: a build id that lobby screens poll to notice a new build.
 * The id is a hash of the built HTML, so a rebuild with no change keeps it.
 * Pages that poll (the display) carry a placeholder for the id, written in
 * here once the id is known: the hash is taken over the placeholder, so
 * writing the id in does not change the id.
 *
 * Reading and hashing every page of a large site takes seconds: it runs in a
 * worker thread, on the core the search index and the image scan leave.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { VERSION_PLACEHOLDER } from '../../src/lib/display-version.ts';
import type { PostBuildContext } from './index.ts';
import { siteFiles } from './site-files.ts';

interface Hashed {
	id: string;
	/** The pages that carry the placeholder. */
	polling: string[];
}

/** The id of the HTML under `outDir`, and the pages that poll for it. */
export function hashPages(outDir: string): Hashed {
	const hash = createHash('sha256');
	const files = siteFiles(outDir, (file) => file.endsWith('.html'));
	// Searched for as bytes: decoding every page would cost more than hashing it.
	const placeholder = Buffer.from(VERSION_PLACEHOLDER);
	const polling: string[] = [];
	for (const file of files) {
		const bytes = readFileSync(join(outDir, file));
		hash.update(file).update(bytes);
		if (bytes.includes(placeholder)) polling.push(file);
	}
	return { id: hash.digest('hex').slice(0, 16), polling };
}

/** {@link hashPages} in a worker thread. */
function hashPagesInWorker(outDir: string): Promise<Hashed> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL(import.meta.url), { workerData: { versionOf: outDir } });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`version: worker stopped (${code})`)));
	});
}

/** Runs alongside the other steps: it waits for Astro to finish, then hashes in a worker thread. */
export async function writeVersion({ outDir, written }: PostBuildContext): Promise<void> {
	await written;
	const { id, polling } = await hashPagesInWorker(outDir);
	for (const file of polling) {
		const path = join(outDir, file);
		writeFileSync(path, readFileSync(path, 'utf8').replaceAll(VERSION_PLACEHOLDER, id));
	}
	const version = { version: id, builtAt: new Date().toISOString() };
	writeFileSync(join(outDir, 'version.json'), JSON.stringify(version) + '\n');
}

// In the worker thread hashPagesInWorker starts.
const versionOf = isMainThread
	? undefined
	: (workerData as { versionOf?: string } | null)?.versionOf;
if (versionOf) parentPort!.postMessage(hashPages(versionOf));
