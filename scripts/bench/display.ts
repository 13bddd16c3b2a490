/**
 * `npm run bench:display`: a lobby screen for 60 simulated minutes in
 * Chromium (Playwright's controlled clock: every timer fires, every slide
 * turns, every version poll goes out), with the JS heap and DOM counters
 * measured after a forced garbage collection at the start and at the end.
 * A screen runs for weeks: the target is less than 10 % growth of each.
 *
 * Uses the build in BENCH_DIST (or E2E_DIST), else builds the demo once
 * into .gongkai/bench-dist under /gongkai/. Exits 1 when a target is missed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launch, serve } from '../../tests/e2e/harness.ts';

const root = resolve(import.meta.dirname, '../..');
const BASE = '/gongkai/';
const MINUTES = Number(process.env.BENCH_MINUTES ?? 60);
/** 10:00 in Suzhou on an ordinary day of the demo (two 公示 open, no urgent notice). */
const START = '2026-11-26T10:00:00+08:00';
const TARGET = 0.1;
/** Simulated minutes before the start sample: every slide drawn once, the first polls made. */
const WARM_UP_MINUTES = 5;

function distDir(): string {
	const given = process.env.BENCH_DIST ?? process.env.E2E_DIST;
	if (given) return resolve(given);
	const dir = join(root, '.gongkai/bench-dist');
	if (!existsSync(join(dir, 'display/index.html'))) {
		console.log(`Building the demo into ${dir} …`);
		execFileSync(process.execPath, ['scripts/build.ts'], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, OUT_DIR: '.gongkai/bench-dist', BASE },
		});
	}
	return dir;
}

interface Sample {
	heapUsed: number;
	heapTotal: number;
	nodes: number;
	listeners: number;
	documents: number;
}

async function sample(cdp: CDPSession): Promise<Sample> {
	// Twice: the first pass may only queue finalisers.
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('HeapProfiler.collectGarbage');
	const heap = await cdp.send('Runtime.getHeapUsage');
	const dom = await cdp.send('Memory.getDOMCounters');
	return {
		heapUsed: heap.usedSize,
		heapTotal: heap.totalSize,
		nodes: dom.nodes,
		listeners: dom.jsEventListeners,
		documents: dom.documents,
	};
}

const dist = distDir();
const server = await serve(dist, BASE);
const browser = await launch();
let exitCode = 0;
try {
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.clock.install({ time: new Date(Date.parse(START) - 10_000) });
	await page.clock.pauseAt(new Date(START));
	await page.goto(`${server.url}display/`);
	await page.locator('gk-display[data-running]').waitFor({ state: 'attached' });
	const cdp = await page.context().newCDPSession(page);

	// Slide changes are counted in the page (one counter), so that the measuring adds nothing that grows.
	const counter = () => page.evaluate(() => (window as unknown as { __changes: number }).__changes);
	await page.evaluate(() => {
		const w = window as unknown as { __changes: number };
		w.__changes = 0;
		new MutationObserver(() => w.__changes++).observe(document.querySelector('gk-display')!, {
			attributeFilter: ['data-slide'],
		});
	});
	const atLoad = await sample(cdp);
	// Warm-up: one full rotation and five version polls, so that every slide has been drawn once.
	await page.clock.runFor(WARM_UP_MINUTES * 60_000);
	const start = await sample(cdp);
	const before = await counter();
	const began = performance.now();
	for (let minute = 1; minute <= MINUTES; minute++) await page.clock.runFor(60_000);
	const changes = (await counter()) - before;
	const seconds = (performance.now() - began) / 1000;
	const end = await sample(cdp);

	const mb = (n: number) => `${(n / 1_048_576).toFixed(2)} MB`;
	const count = (n: number) => String(n);
	const pct = (a: number, b: number) => (a === 0 ? 0 : (b - a) / a);
	const signed = (g: number) => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)} %`;
	const add = (
		label: string,
		load: number,
		a: number,
		b: number,
		format: (n: number) => string,
	) => {
		const growth = pct(a, b);
		console.log(
			`${label.padEnd(20)} ${format(load).padStart(10)} ${format(a).padStart(10)} ${format(b).padStart(10)} ${signed(growth).padStart(9)}`,
		);
		return growth;
	};
	console.log(
		`Lobby display: ${MINUTES} simulated minutes after a ${WARM_UP_MINUTES}-minute warm-up (${seconds.toFixed(1)} s real); ` +
			`${changes} slide changes; ${errors.length} page errors`,
	);
	console.log(
		`${'measure'.padEnd(20)} ${'at load'.padStart(10)} ${'start'.padStart(10)} ${'end'.padStart(10)} ${'growth'.padStart(9)}`,
	);
	const heapGrowth = add('JS heap used', atLoad.heapUsed, start.heapUsed, end.heapUsed, mb);
	add('JS heap total', atLoad.heapTotal, start.heapTotal, end.heapTotal, mb);
	const nodeGrowth = add('DOM nodes', atLoad.nodes, start.nodes, end.nodes, count);
	const listenerGrowth = add(
		'JS event listeners',
		atLoad.listeners,
		start.listeners,
		end.listeners,
		count,
	);
	add('documents', atLoad.documents, start.documents, end.documents, count);
	console.log(
		`(from load to end: JS heap ${signed(pct(atLoad.heapUsed, end.heapUsed))}, DOM nodes ${signed(pct(atLoad.nodes, end.nodes))})`,
	);
	const expectedChanges = MINUTES * 4;
	const failures = [
		heapGrowth >= TARGET && `JS heap grew ${(heapGrowth * 100).toFixed(1)} % (target < 10 %)`,
		nodeGrowth >= TARGET && `DOM nodes grew ${(nodeGrowth * 100).toFixed(1)} % (target < 10 %)`,
		listenerGrowth >= TARGET &&
			`event listeners grew ${(listenerGrowth * 100).toFixed(1)} % (target < 10 %)`,
		changes !== expectedChanges && `${changes} slide changes, expected ${expectedChanges}`,
		errors.length > 0 && `page errors: ${errors.join('; ')}`,
	].filter(Boolean);
	if (failures.length > 0) {
		for (const failure of failures) console.error(`✗ ${failure}`);
		exitCode = 1;
	} else {
		console.log('✓ growth under 10 %, rotation on time, no page errors');
	}
} finally {
	await browser.close();
	await server.close();
}
process.exitCode = exitCode;
