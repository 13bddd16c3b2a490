/**
 * `astro build` in a process of its own, started by scripts/build.ts: when
 * it exits, all of Astro's memory is returned before the post-build steps
 * (the search index above all) start.
 *
 *   node scripts/astro-build.ts <out-dir>
 *
 * The environment is the caller's (scripts/build.ts makes it a production
 * one). Exit status 1, with the error message only, when the build fails.
 */
import { resolve } from 'node:path';
import { build } from 'astro';

const root = resolve(import.meta.dirname, '..');

/**
 * Astro logs two lines a page, each a write of its own — 35,000 writes at
 * a 10,000-notice union. Into a pipe (scripts/build.ts reads this process's
 * output) a write is synchronous on Linux and waits whenever the reader is
 * behind, which on a busy machine cost the rendering ≈ 2 s. The lines are
 * gathered and written every `interval` ms instead: the same lines, in the
 * same order (standard output and error alike), all of them by exit.
 */
function batchOutput(interval: number): void {
	/** Text written since the last flush, all to one stream: a write to the other stream flushes it first. */
	let held: { write: (chunk: string | Uint8Array) => boolean; text: string } | undefined;
	const flush = () => {
		if (held) held.write(held.text);
		held = undefined;
	};
	for (const stream of [process.stdout, process.stderr]) {
		const write = stream.write.bind(stream);
		stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
			if (held && (held.write !== write || typeof chunk !== 'string')) flush();
			if (typeof chunk === 'string') held = { write, text: (held?.text ?? '') + chunk };
			else write(chunk);
			const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
			if (callback) process.nextTick(callback);
			return true;
		}) as typeof stream.write;
	}
	setInterval(flush, interval).unref();
	process.on('exit', flush);
}
const outDir = process.argv[2];

if (!outDir) {
	console.error('usage: node scripts/astro-build.ts <out-dir>');
	process.exitCode = 2;
} else {
	batchOutput(100);
	try {
		await build({
			root,
			outDir: resolve(outDir),
			mode: 'production',
			logLevel: process.env.ASTRO_LOG === 'debug' ? 'debug' : 'info',
		});
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	}
}
