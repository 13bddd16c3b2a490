/**
 * `npm run build`: validate, build into a fresh folder, then swap it in as
 * dist/. Readers and deploy scripts never see a half-written site: a failed
 * run leaves the previous complete dist/ (or none) and exits 1.
 *
 * `astro build` (scripts/astro-build.ts) and the post-build steps
 * (scripts/postbuild/run.ts) each run in a process of their own, one after
 * the other: the search index never shares the machine's memory with
 * Astro's. Astro starts while this process validates the content (on
 * another core); its output is shown only once the content is valid. This
 * process only validates, orchestrates and swaps.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
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
/**
 * Room for the JavaScript heap of Astro and of the post-build steps: half the
 * machine's memory (at least Node's usual 4 GB), so a very large union is
 * limited by the machine rather than by Node's default. Memory is only used
 * as the site needs it.
 */
const HEAP = `--max-old-space-size=${Math.max(4096, Math.floor(totalmem() / 2 / 1024 / 1024))}`;
const work = join(root, '.gongkai');

/** The base path the site is served under: BASE, else the path of site.yaml's url. */
function siteBase(url: string | undefined): string {
	const path = process.env.BASE ?? (url ? new URL(url).pathname : '/');
	return path.endsWith('/') ? path : `${path}/`;
}

interface Child {
	/** Resolves with the exit status. */
	done: Promise<{ code: number | null; signal: string | null }>;
	/** Prints what the child wrote so far, then passes its output straight through. */
	release(): void;
	kill(): void;
	/** Closes the child's standard input (started with `input`). */
	endInput(): void;
}

/**
 * Runs a Node script of this engine in a child process. With `hold`, its
 * output is kept back until {@link Child.release} (and dropped if it is
 * killed first): Astro starts while the content is still being validated,
 * and a build stopped by validation prints only the content problems.
 */
function startScript(
	script: string,
	args: string[],
	{ hold = false, input = false, env = {} as NodeJS.ProcessEnv } = {},
): Child {
	const child = spawn(process.execPath, [HEAP, join(root, script), ...args], {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: [input ? 'pipe' : 'ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'],
	});
	let held: Array<[NodeJS.WriteStream, Buffer]> | undefined = hold ? [] : undefined;
	for (const [from, to] of [
		[child.stdout, process.stdout],
		[child.stderr, process.stderr],
	] as const)
		from?.on('data', (chunk: Buffer) => (held ? held.push([to, chunk]) : to.write(chunk)));
	const done = new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code, signal }));
	});
	return {
		done,
		release() {
			for (const [to, chunk] of held ?? []) to.write(chunk);
			held = undefined;
		},
		kill() {
			held = [];
			child.kill('SIGTERM');
		},
		endInput() {
			child.stdin?.end();
		},
	};
}

/** Throws, worded for the build log, unless the script succeeded (it printed its own problem). */
async function finished(script: string, child: Child): Promise<void> {
	const { code, signal } = await child.done;
	if (code === 0) return;
	const oom = signal === 'SIGKILL' ? ' (out of memory?)' : '';
	throw new Error(signal ? `${script}: stopped by ${signal}${oom}` : '');
}

async function main(): Promise<number> {
	const started = performance.now();
	const contentDir = resolveContentDir();
	mkdirSync(work, { recursive: true });
	const staging = join(work, `dist-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	const context = join(work, `postbuild-${process.pid}.json`);

	// Created by Astro once every page is written (astro.config.mjs, renderedSignal).
	const rendered = `${staging}.rendered`;
	rmSync(rendered, { force: true });
	// Written by Astro before it renders: the pages the search index will hold (src/data/search-pages.ts).
	const expected = `${staging}.search-pages.json`;
	rmSync(expected, { force: true });
	// Astro starts at once, on another core, while the content is validated here;
	// nothing it writes counts (or is shown) unless the content is valid.
	const astro = startScript('scripts/astro-build.ts', [staging], {
		hold: true,
		env: { GONGKAI_RENDERED_FILE: rendered, GONGKAI_SEARCH_PAGES_FILE: expected },
	});
	const stopAstro = async () => {
		astro.kill();
		await astro.done.catch(() => undefined);
		rmSync(staging, { recursive: true, force: true });
		rmSync(rendered, { force: true });
		rmSync(expected, { force: true });
	};
	const result = await validateContent(contentDir).catch(async (error: unknown) => {
		await stopAstro();
		throw error;
	});
	const t = translator(result.site?.locale ?? 'zh-CN');
	const { lines, errors } = report(result.problems, t, result.files, performance.now() - started);
	for (const line of lines) console.log(line);
	if (errors) {
		await stopAstro();
		console.error(t('check.buildStopped'));
		return 1;
	}
	astro.release();

	let postbuild: Child | undefined;
	try {
		const site = result.site;
		if (!site) throw new Error('site.yaml did not validate');
		const input: PostBuildInput = {
			outDir: staging,
			contentDir,
			base: siteBase(site.url),
			validation: result,
		};
		writeFileSync(context, JSON.stringify(input));
		// The post-build steps start now: the search index reads pages while Astro
		// writes the rest, on the core Astro leaves idle — and gives them to Pagefind
		// shard by shard once Astro has announced them (`expected`) — and writes the
		// index once every page is written (`rendered` exists) while Astro encodes
		// images; the other steps wait until Astro has exited (told by closing their input).
		postbuild = startScript(
			'scripts/postbuild/run.ts',
			[context, `--follow=${rendered}`, `--expected=${expected}`],
			{ input: true },
		);
		await finished('scripts/astro-build.ts', astro);
		postbuild.endInput();
		await finished('scripts/postbuild/run.ts', postbuild);
	} catch (error) {
		if (postbuild) {
			postbuild.kill();
			await postbuild.done.catch(() => undefined);
		}
		rmSync(staging, { recursive: true, force: true });
		const message = error instanceof Error ? error.message : String(error);
		if (message) console.error(message);
		console.error(t('check.buildStopped'));
		return 1;
	} finally {
		rmSync(context, { force: true });
		rmSync(rendered, { force: true });
		rmSync(expected, { force: true });
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
