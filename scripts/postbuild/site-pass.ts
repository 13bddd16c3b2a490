/**
 * One read of the built site after Astro, for every post-build step that
 * needs the bytes of its pages: the version (a hash of the HTML, and the
 * pages that poll for it: version.ts) and the photo guard (which files name
 * a copy of an original photo: images.ts). A large site is hundreds of
 * megabytes of pages; read once per step, it cost seconds after Astro had
 * finished. The read runs in a worker thread, on the core the search index
 * leaves; the search index's own folders are not read (they are written
 * meanwhile, and hold no page).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { VERSION_PLACEHOLDER } from '../../src/lib/display-version.ts';
import { siteFiles } from './site-files.ts';

/** Files that may name another file of the site. */
const TEXT_EXTENSIONS = new Set([
	'.html',
	'.css',
	'.js',
	'.mjs',
	'.json',
	'.xml',
	'.txt',
	'.webmanifest',
	'.svg',
]);

export interface SiteRead {
	/** The build id: a hash of every page's path and bytes. */
	version: string;
	/** The pages that carry the version placeholder. */
	polling: string[];
	/** For each name asked for, up to three text files that name it (none: not there). */
	named: Map<string, string[]>;
}

/**
 * Reads every text file under `outDir` once: hashes the HTML and looks for
 * each of `names` in every file's bytes (no file is decoded), as UTF-8 and,
 * outside ASCII, percent-encoded as a URL may carry it.
 */
export function readSite(outDir: string, names: readonly string[] = []): SiteRead {
	const hash = createHash('sha256');
	const placeholder = Buffer.from(VERSION_PLACEHOLDER);
	const forms: Array<[Buffer, string]> = [];
	for (const name of new Set(names))
		for (const form of new Set([name, encodeURIComponent(name)]))
			forms.push([Buffer.from(form), name]);
	const polling: string[] = [];
	const named = new Map<string, string[]>();
	const files = siteFiles(
		outDir,
		(file) => TEXT_EXTENSIONS.has(extname(file).toLowerCase()),
		(folder) => !/^pagefind[^/]*$/.test(folder),
	);
	for (const file of files) {
		const bytes = readFileSync(join(outDir, file));
		if (file.endsWith('.html')) {
			hash.update(file).update(bytes);
			if (bytes.includes(placeholder)) polling.push(file);
		}
		for (const [form, name] of forms) {
			if (!bytes.includes(form)) continue;
			const where = named.get(name) ?? [];
			if (where.length < 3 && !where.includes(file)) where.push(file);
			named.set(name, where);
		}
	}
	return { version: hash.digest('hex').slice(0, 16), polling, named };
}

/** {@link readSite} in a worker thread. */
export function readSiteInWorker(outDir: string, names: readonly string[] = []): Promise<SiteRead> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL(import.meta.url), {
			workerData: { readSite: { outDir, names } },
		});
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`site read: worker stopped (${code})`)));
	});
}

// In the worker thread readSiteInWorker starts.
const job = isMainThread
	? undefined
	: (workerData as { readSite?: { outDir: string; names: string[] } } | null)?.readSite;
if (job) parentPort!.postMessage(readSite(job.outDir, job.names));
