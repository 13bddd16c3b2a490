/**
 * `npm run build`: validate, build into a fresh folder, then swap it in as
 * dist/. Readers and deploy scripts never see a half-written site: a failed
 * run leaves the previous complete dist/ (or none) and exits 1.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'astro';
import { translator } from '../src/i18n/index.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { report } from '../src/lib/validate/report.ts';
import { runPostBuild } from './postbuild/index.ts';

const root = resolve(import.meta.dirname, '..');
// A production build whatever the caller's environment: a test runner's NODE_ENV=test
// would otherwise make Vite build in development mode, drafts included.
process.env.NODE_ENV = 'production';
for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'TEST', 'VITEST', 'BASE_URL']) delete process.env[name];
const outDir = resolve(root, process.env.OUT_DIR ?? 'dist');
const work = join(root, '.gongkai');

/** The base path the site is served under: BASE, else the path of site.yaml's url. */
function siteBase(url: string | undefined): string {
	const path = process.env.BASE ?? (url ? new URL(url).pathname : '/');
	return path.endsWith('/') ? path : `${path}/`;
}

async function main(): Promise<number> {
	const started = performance.now();
	const contentDir = resolveContentDir();
	const result = await validateContent(contentDir);
	const t = translator(result.site?.locale ?? 'zh-CN');
	const { lines, errors } = report(result.problems, t, result.files, performance.now() - started);
	for (const line of lines) console.log(line);
	if (errors) {
		console.error(t('check.buildStopped'));
		return 1;
	}

	mkdirSync(work, { recursive: true });
	const staging = join(work, `dist-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	try {
		await build({ root, outDir: staging, mode: 'production', logLevel: process.env.ASTRO_LOG === 'debug' ? 'debug' : 'info' });
		const site = result.site;
		if (!site) throw new Error('site.yaml did not validate');
		await runPostBuild({ outDir: staging, contentDir, validation: result, site, base: siteBase(site.url), t });
	} catch (error) {
		rmSync(staging, { recursive: true, force: true });
		console.error(error instanceof Error ? error.message : error);
		console.error(t('check.buildStopped'));
		return 1;
	}
	// Swap: the old site stays in place until the new one is complete.
	const old = join(work, `old-${process.pid}`);
	if (existsSync(outDir)) renameSync(outDir, old);
	renameSync(staging, outDir);
	rmSync(old, { recursive: true, force: true });
	console.log(`✓ ${outDir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	return 0;
}

process.exitCode = await main();
