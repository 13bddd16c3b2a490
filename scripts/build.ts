/**
 * `npm run build`: validate, build into a fresh folder, then swap it in as
 * dist/. Readers and deploy scripts never see a half-written site: a failed
 * run leaves the previous complete dist/ (or none) and exits 1.
 *
 * Three processes of their own, each giving its memory back when it ends:
 * the validation (scripts/check.ts, as `npm run check`), `astro build`
 * (scripts/astro-build.ts) and the post-build steps
 * (scripts/postbuild/run.ts) — and a fourth that makes the QR codes while
 * Astro syncs and bundles (scripts/qr-ahead.ts). Astro and the QR codes start
 * at once, alongside the validation, and its output is shown only once the content is valid; the
 * post-build steps then start while Astro is still writing, and build the
 * search index from the pages as they appear. This process only
 * orchestrates and swaps.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { setPriority, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { dictionaries, translator } from '../src/i18n/index.ts';
import type { Locale } from '../src/schemas/site.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { QR_AHEAD_ENV } from '../src/lib/qr.ts';

const root = resolve(import.meta.dirname, '..');
/**
 * Priorities (nice values) of the work beside Astro's content sync: the QR
 * codes, which must be done before Astro renders, then the validation, which
 * has until the first pages are written.
 */
const PRIORITY = { qr: 5, check: 10 } as const;
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

/** The site's locale for this process's own messages (site.yaml is validated by scripts/check.ts). */
function siteLocale(contentDir: string): Locale {
	try {
		const { locale } = (parse(readFileSync(join(contentDir, 'site.yaml'), 'utf8')) ?? {}) as {
			locale?: unknown;
		};
		if (typeof locale === 'string' && Object.hasOwn(dictionaries, locale)) return locale as Locale;
	} catch {
		// Reported by the validation.
	}
	return 'zh-CN';
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
 * and a build stopped by validation prints only the content problems. With
 * `aside` (a nice value), the child yields the processor to the others:
 * its work has time to spare, Astro's does not.
 */
function startScript(
	script: string,
	args: string[],
	{
		hold = false,
		input = false,
		aside = 0,
		env = {} as NodeJS.ProcessEnv,
	}: { hold?: boolean; input?: boolean; aside?: number; env?: NodeJS.ProcessEnv } = {},
): Child {
	const child = spawn(process.execPath, [HEAP, join(root, script), ...args], {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: [input ? 'pipe' : 'ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'],
	});
	if (aside > 0 && child.pid !== undefined) {
		try {
			setPriority(child.pid, aside);
		} catch {
			// Not allowed here: it runs at the usual priority.
		}
	}
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

/** Prefix of a replaced site's folder in .gongkai/, until it is removed. */
const OLD = 'old-';

/**
 * Removes `folder` in a process of its own that outlives this one: the new
 * site is in place already, and deleting the old one — tens of thousands of
 * files at a large union, 10–15 s — need not hold up the build.
 */
function removeLater(folder: string): void {
	if (!existsSync(folder)) return;
	spawn(
		process.execPath,
		['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder],
		{ detached: true, stdio: 'ignore' },
	).unref();
}

async function main(): Promise<number> {
	const started = performance.now();
	const startedAt = Date.now();
	const contentDir = resolveContentDir();
	mkdirSync(work, { recursive: true });
	// Replaced sites an earlier build could not remove (stopped meanwhile).
	for (const name of readdirSync(work)) if (name.startsWith(OLD)) removeLater(join(work, name));
	const staging = join(work, `dist-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	const context = join(work, `postbuild-${process.pid}.json`);

	// Created by Astro once every page is written (astro.config.mjs, searchAlongside).
	const rendered = `${staging}.rendered`;
	rmSync(rendered, { force: true });
	// Written by Astro before it renders: the pages the search index will hold (src/data/search-pages.ts).
	const expected = `${staging}.search-pages.json`;
	rmSync(expected, { force: true });
	// Written before Astro renders: the QR codes (scripts/qr-ahead.ts).
	const qrCodes = `${staging}.qr.json`;
	rmSync(qrCodes, { force: true });
	// Astro starts at once, on another core, while the content is validated;
	// nothing it writes counts (or is shown) unless the content is valid.
	const astro = startScript('scripts/astro-build.ts', [staging], {
		hold: true,
		env: {
			GONGKAI_RENDERED_FILE: rendered,
			GONGKAI_SEARCH_PAGES_FILE: expected,
			[QR_AHEAD_ENV]: qrCodes,
		},
	});
	const stopAstro = async () => {
		astro.kill();
		await astro.done.catch(() => undefined);
		rmSync(staging, { recursive: true, force: true });
		rmSync(rendered, { force: true });
		rmSync(expected, { force: true });
	};
	// The codes pages will ask for, made on the core Astro leaves idle while it
	// syncs and bundles — from the content's file names, so that they are done
	// before Astro renders (at a 10,000-notice union, 8 s after it starts); made
	// after the check, they were not, and the pages made them all again. Only
	// time is at stake: its output is never shown, and a code it has not made
	// by then is made as the pages render.
	const qr = startScript('scripts/qr-ahead.ts', [qrCodes], { hold: true, aside: PRIORITY.qr });
	// The content is validated, and the post-build steps' input written, in a
	// process of its own: its memory is back before Astro and the index peak.
	// Both run beside Astro's content sync, which is on the critical path and
	// single-threaded but for its helpers (a 10,000-notice sync: 11 → 10 s).
	const check = startScript('scripts/check.ts', [context, staging, String(startedAt)], {
		aside: PRIORITY.check,
	});
	const t = translator(siteLocale(contentDir));
	const valid = (await check.done).code === 0;
	if (!valid) {
		qr.kill();
		await qr.done.catch(() => undefined);
		await stopAstro();
		for (const file of [context, qrCodes, `${qrCodes}.tmp`]) rmSync(file, { force: true });
		console.error(t('check.buildStopped'));
		return 1;
	}
	astro.release();

	let postbuild: Child | undefined;
	try {
		// The post-build process starts once the codes are made (or Astro is done):
		// its start-up — loading Pagefind and the script tables, a second of CPU —
		// then falls in the time Astro bundles alone, not while Astro syncs beside
		// the QR process. Pages appear only later.
		await Promise.race([qr.done, astro.done].map((done) => done.catch(() => undefined)));
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
		qr.kill();
		postbuild.endInput();
		await finished('scripts/postbuild/run.ts', postbuild);
	} catch (error) {
		qr.kill();
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
		// With the half-written file of a QR process stopped early, if any.
		for (const file of [qrCodes, `${qrCodes}.tmp`]) rmSync(file, { force: true });
	}
	// Swap: the old site stays in place until the new one is complete.
	const old = join(work, `${OLD}${process.pid}`);
	if (existsSync(outDir)) renameSync(outDir, old);
	renameSync(staging, outDir);
	removeLater(old);
	console.log(`✓ ${outDir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	return 0;
}

process.exitCode = await main();
