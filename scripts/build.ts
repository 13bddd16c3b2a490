/**
 * `npm run build`: validate, build into a fresh folder, then swap it in as
 * dist/. Readers and deploy scripts never see a half-written site: a failed
 * run leaves the previous complete dist/ (or none) and exits 1.
 *
 * `astro build` (scripts/astro-build.ts) and the post-build steps
 * (scripts/postbuild/run.ts) each run in a process of their own, one after
 * the other: the search index never shares the machine's memory with
 * Astro's. This process only validates, orchestrates and swaps.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { translator } from '../src/i18n/index.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { report } from '../src/lib/validate/report.ts';
import type { PostBuildInput } from './postbuild/run.ts';

const root = resolve(import.meta.dirname, '..');
// A production build whatever the caller's environment: a test runner's NODE_ENV=test
// would otherwise make Vite build in development mode, drafts included.
process.env.NODE_ENV = 'production';
for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'TEST', 'VITEST', 'BASE_URL'])
	delete process.env[name];
const outDir = resolve(root, process.env.OUT_DIR ?? 'dist');
const work = join(root, '.gongkai');

/** The base path the site is served under: BASE, else the path of site.yaml's url. */
function siteBase(url: string | undefined): string {
	const path = process.env.BASE ?? (url ? new URL(url).pathname : '/');
	return path.endsWith('/') ? path : `${path}/`;
}

/** Runs a Node script of this engine in a child process sharing our output; resolves with its exit status. */
function runScript(
	script: string,
	args: string[],
): Promise<{ code: number | null; signal: string | null }> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, [join(root, script), ...args], {
			cwd: root,
			env: process.env,
			stdio: 'inherit',
		});
		child.on('error', fail);
		child.on('close', (code, signal) => done({ code, signal }));
	});
}

/** Throws, worded for the build log, unless the script succeeded (it printed its own problem). */
async function step(script: string, args: string[]): Promise<void> {
	const { code, signal } = await runScript(script, args);
	if (code === 0) return;
	const oom = signal === 'SIGKILL' ? ' (out of memory?)' : '';
	throw new Error(signal ? `${script}: stopped by ${signal}${oom}` : '');
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
	const context = join(work, `postbuild-${process.pid}.json`);
	try {
		const site = result.site;
		if (!site) throw new Error('site.yaml did not validate');
		await step('scripts/astro-build.ts', [staging]);
		const input: PostBuildInput = {
			outDir: staging,
			contentDir,
			base: siteBase(site.url),
			validation: result,
		};
		writeFileSync(context, JSON.stringify(input));
		await step('scripts/postbuild/run.ts', [context]);
	} catch (error) {
		rmSync(staging, { recursive: true, force: true });
		const message = error instanceof Error ? error.message : String(error);
		if (message) console.error(message);
		console.error(t('check.buildStopped'));
		return 1;
	} finally {
		rmSync(context, { force: true });
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
