/**
 * Long synchronous passes over the built site (looking for file names in
 * every text file) share their process with the search
 * index, which waits on Pagefind's answers: a pass that held the event loop
 * for seconds would leave Pagefind idle meanwhile. `turns()` gives a pass a
 * function to call between files that lets the event loop run whenever the
 * pass has had it for `slice` milliseconds.
 */
import { setImmediate } from 'node:timers/promises';

export function turns(slice = 20): () => Promise<void> | undefined {
	let since = performance.now();
	return () => {
		if (performance.now() - since < slice) return undefined;
		return setImmediate().then(() => {
			since = performance.now();
		});
	};
}
