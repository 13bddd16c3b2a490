/**
 * `npm run bench`: runs every benchmark in scripts/bench/, one after the
 * other, each in its own process, and reports which passed. A benchmark is
 * a file here whose doc comment names its npm script (`npm run bench…`);
 * helpers (engine.ts, synth.ts) are not run. Quick ones go first.
 *
 *   npm run bench                       # all
 *   BENCH_ONLY=bytes,images npm run bench
 *   BENCH_SKIP=scale npm run bench
 *
 * Exits 1 when any benchmark fails (e.g. over its budget).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
/** Cheap, deterministic benchmarks first; the large synthetic build last. */
const ORDER = ['bytes', 'images', 'display', 'search', 'scale'];

const list = (value: string | undefined) =>
	new Set(
		(value ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean),
	);

/** The benchmarks in scripts/bench/, in running order. */
export function benchmarks(): string[] {
	const found = readdirSync(dir)
		.filter((f) => f.endsWith('.ts') && f !== 'index.ts')
		.filter((f) => /npm run bench/.test(readFileSync(join(dir, f), 'utf8').slice(0, 1500)))
		.map((f) => f.slice(0, -3));
	const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
	return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function main(): number {
	const only = list(process.env.BENCH_ONLY);
	const skip = list(process.env.BENCH_SKIP);
	const selected = benchmarks().filter(
		(name) => (only.size === 0 || only.has(name)) && !skip.has(name),
	);
	const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
	for (const name of selected) {
		console.log(`\n━━ bench: ${name} ━━`);
		const started = performance.now();
		const run = spawnSync(process.execPath, [join(dir, `${name}.ts`), ...process.argv.slice(2)], {
			stdio: 'inherit',
		});
		results.push({ name, ok: run.status === 0, seconds: (performance.now() - started) / 1000 });
	}
	console.log('\n━━ summary ━━');
	for (const r of results)
		console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1)} s`);
	return results.every((r) => r.ok) ? 0 : 1;
}

if (import.meta.main) process.exitCode = main();
