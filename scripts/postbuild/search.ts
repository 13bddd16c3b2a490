/**
 * The search index: Pagefind (extended binary, through its Node API) over
 * the built pages that mark a `data-pagefind-body` region. What Pagefind sees
 * is prepared by src/lib/search-text.ts (one index word per Han character,
 * normalised 文号, a Simplified/Traditional copy); the served HTML is not
 * touched. Display pages, withdrawn notices and drafts are never indexed,
 * whatever their templates say. Any error Pagefind reports fails the build.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { scriptConverters } from '../../src/lib/search-chinese.ts';
import { htmlLang, indexableHtml } from '../../src/lib/search-text.ts';
import type { Translate } from '../../src/lib/problems.ts';
import type { ValidationResult } from '../../src/lib/validate/index.ts';
import type { PostBuildContext } from './index.ts';

/** Pagefind's browser bundles we do not use (our own UI talks to pagefind.js). */
const UNUSED = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-highlight.js',
];

export interface IndexOptions {
	/** The built site. The index is written to `<dir>/pagefind/`. */
	dir: string;
	t: Translate;
	/** Site paths (`notices/2025/a/`) that must not be indexed. */
	exclude?: (path: string) => boolean;
	/** Extra card metadata for a site path. */
	meta?: (path: string) => Record<string, string> | undefined;
	/** Add the Simplified/Traditional copy (default true; the benchmark measures without). */
	convert?: boolean;
}

export interface IndexStats {
	/** Pages in the index. */
	pages: number;
	/** Languages Pagefind found (from `<html lang>`). */
	languages: string[];
	/** Bytes of the site's own index data: word index, fragments, filters, metadata. */
	indexBytes: number;
	/** Bytes of everything under pagefind/ (with pagefind.js and the WebAssembly). */
	totalBytes: number;
	/** The Pagefind binary used. */
	binary: string;
}

/** The extended Pagefind binary (Chinese and Japanese segmentation), as the Node API resolves it. */
export function extendedBinary(): string | undefined {
	if (process.env.PAGEFIND_EXTENDED_BINARY_PATH) return process.env.PAGEFIND_EXTENDED_BINARY_PATH;
	const platform = process.platform === 'win32' ? 'windows' : process.platform;
	const name = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
	try {
		return createRequire(import.meta.url).resolve(
			`@pagefind/${platform}-${process.arch}/bin/${name}`,
		);
	} catch {
		return undefined;
	}
}

/** Site path of a built HTML file: `notices/a/index.html` → `notices/a/`. */
export function sitePath(file: string): string {
	const path = file.split(sep).join('/');
	return path === 'index.html' ? '' : path.replace(/(^|\/)index\.html$/, '$1');
}

function htmlFiles(dir: string): string[] {
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${sep}`))
		.sort();
}

function bytesUnder(path: string, filter: (file: string) => boolean = () => true): number {
	if (!existsSync(path)) return 0;
	if (statSync(path).isFile()) return filter(path) ? statSync(path).size : 0;
	let total = 0;
	for (const file of readdirSync(path, { recursive: true, encoding: 'utf8' }) as string[]) {
		const full = join(path, file);
		if (filter(full) && statSync(full).isFile()) total += statSync(full).size;
	}
	return total;
}

/** A failure already worded for the build log. */
export class SearchIndexError extends Error {}

function fail(t: Translate, errors: string[]): never {
	throw new SearchIndexError(errors.map((found) => t('search.index.failed', { found })).join('\n'));
}

/** Builds the Pagefind index of a built site. Throws, with every problem, if Pagefind reports any. */
export async function indexSite(options: IndexOptions): Promise<IndexStats> {
	const { dir, t } = options;
	const binary = extendedBinary();
	if (!binary || !existsSync(binary)) fail(t, [t('search.index.noExtended')]);
	const converters = options.convert === false ? [] : scriptConverters;
	const problems: string[] = [];
	let pages = 0;
	try {
		const created = await pagefind.createIndex({});
		if (created.errors.length > 0 || !created.index) fail(t, created.errors);
		const index = created.index;
		for (const file of htmlFiles(dir)) {
			const path = sitePath(file);
			if (options.exclude?.(path)) continue;
			const html = readFileSync(join(dir, file), 'utf8');
			const content = indexableHtml(html, { converters, meta: options.meta?.(path) });
			if (content === undefined) continue;
			if (!htmlLang(html)) {
				problems.push(t('search.index.noLang', { found: file }));
				continue;
			}
			const added = await index.addHTMLFile({ url: `/${path}`, content });
			if (added.errors.length > 0) problems.push(...added.errors.map((e) => `${file}: ${e}`));
			else pages++;
		}
		if (problems.length > 0) fail(t, problems);
		const outputPath = join(dir, 'pagefind');
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) fail(t, written.errors);
		for (const file of UNUSED) rmSync(join(outputPath, file), { force: true });
		const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, unknown>;
		};
		return {
			pages,
			languages: Object.keys(entry.languages),
			indexBytes: bytesUnder(outputPath, (f) =>
				/[\\/](index|fragment|filter)[\\/]|\.pf_meta$/.test(f),
			),
			totalBytes: bytesUnder(outputPath),
			binary: binary!,
		};
	} catch (error) {
		if (error instanceof SearchIndexError) throw error;
		fail(t, [error instanceof Error ? error.message : String(error)]);
	} finally {
		await pagefind.close();
	}
}

/** Site paths of content that is built but must not be found: withdrawn notices (and drafts, should one be built). */
export function unsearchablePaths(validation: ValidationResult): Set<string> {
	const paths = new Set<string>();
	for (const entry of validation.entries) {
		const data = entry.output;
		if (data && (data.withdrawn || data.draft)) paths.add(`${entry.collection}/${entry.id}/`);
	}
	return paths;
}

/** Card metadata the templates do not carry: the 文号 of notices and policies. */
export function contentMeta(validation: ValidationResult): Map<string, Record<string, string>> {
	const meta = new Map<string, Record<string, string>>();
	for (const entry of validation.entries) {
		const docNumber = entry.output?.docNumber;
		if (typeof docNumber === 'string' && docNumber.trim())
			meta.set(`${entry.collection}/${entry.id}/`, { docNumber: docNumber.trim() });
	}
	return meta;
}

/** The post-build step. */
export async function buildSearchIndex({ outDir, validation, t }: PostBuildContext): Promise<void> {
	const hidden = unsearchablePaths(validation);
	const meta = contentMeta(validation);
	const stats = await indexSite({
		dir: outDir,
		t,
		// Lobby screens repeat what detail pages say and must never be a search result.
		exclude: (path) => path.startsWith('display/') || hidden.has(path),
		meta: (path) => meta.get(path),
	});
	if (stats.pages === 0) console.warn(t('search.index.empty'));
	console.log(
		t('search.index.summary', {
			pages: stats.pages,
			languages: stats.languages.join(', ') || '—',
			kb: (stats.indexBytes / 1024).toFixed(1),
		}),
	);
}
