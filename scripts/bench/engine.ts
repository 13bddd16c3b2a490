/**
 * A private copy of the engine for benchmarks and build tests: the sources
 * are copied, the packages linked, and every cache (`.astro`,
 * `node_modules/.astro` with the content store and optimised images,
 * `.gongkai`) is its own — a run neither reuses nor disturbs this checkout's.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Copies src/, scripts/, public/ and the project files into `dir`; returns `dir`. */
export function isolatedEngine(dir: string): string {
	mkdirSync(dir, { recursive: true });
	for (const name of ['src', 'scripts', 'public']) {
		if (existsSync(join(root, name)))
			cpSync(join(root, name), join(dir, name), { recursive: true });
	}
	for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) {
		copyFileSync(join(root, name), join(dir, name));
	}
	linkModules(join(dir, 'node_modules'));
	return dir;
}

/** A node_modules folder whose packages link into this checkout's, but whose caches are its own. */
export function linkModules(target: string): void {
	mkdirSync(target, { recursive: true });
	for (const name of readdirSync(join(root, 'node_modules'))) {
		if (name === '.astro' || name === '.vite' || name === '.cache') continue;
		symlinkSync(join(root, 'node_modules', name), join(target, name));
	}
}
