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
	const queue: Array<[NodeJS.WriteStream, string | Uint8Array]> = [];
	const flush = () => {
		let i = 0;
		while (i < queue.length) {
			const [stream, first] = queue[i]!;
			let text = typeof first === 'string' ? first : undefined;
			let j = i + 1;
			// Consecutive text for the same stream goes out in one write.
			while (
				text !== undefined &&
				j < queue.length &&
				queue[j]![0] === stream &&
				typeof queue[j]![1] === 'string'
			)
				text += queue[j++]![1] as string;
			writes.get(stream)!(text ?? first);
			i = j;
		}
		queue.length = 0;
	};
	const writes = new Map<NodeJS.WriteStream, (chunk: string | Uint8Array) => boolean>();
	for (const stream of [process.stdout, process.stderr]) {
		writes.set(stream, stream.write.bind(stream));
		stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
			queue.push([stream, chunk]);
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
