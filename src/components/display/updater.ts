/**
 * The lobby screen's self-update in the browser: polls `version.json` every
 * minute (uncached, with a timeout) and, at a slide boundary after a new
 * build appeared, checks the page can be fetched and reloads — once. The
 * decisions are src/lib/display-version.ts; this only does the I/O, and
 * never lets a failure out: a screen must not trade its picture for an error.
 */
import {
	initialVersion,
	onBoundary,
	onPoll,
	onReloadAborted,
	POLL_INTERVAL_MS,
	POLL_TIMEOUT_MS,
	readVersion,
	type VersionState,
} from '../../lib/display-version.ts';

/** Kept across the one reload, so a page that comes back unchanged does not reload again. */
export const RELOAD_KEY = 'gongkai:display:reload';

/** What the reload leaves in session storage (also read by the tests). */
export interface ReloadRecord {
	version: string;
	/** The instant of the boundary. */
	at: number;
	/** When the slide then on screen went up. */
	shownAt: number;
	slideMs: number;
}

function reloadedFor(): string | undefined {
	try {
		const record = sessionStorage.getItem(RELOAD_KEY);
		return record ? (JSON.parse(record) as Partial<ReloadRecord>).version : undefined;
	} catch {
		return undefined;
	}
}

/** A GET with `cache: 'no-store'` that gives up after the poll timeout; `undefined` on any failure. */
async function fetchText(
	url: string,
	accept: (response: Response) => boolean,
): Promise<string | undefined> {
	const controller = new AbortController();
	const timeout = setTimeout(() => controller.abort(), POLL_TIMEOUT_MS);
	try {
		const response = await fetch(url, { cache: 'no-store', signal: controller.signal });
		return accept(response) ? await response.text() : undefined;
	} catch {
		// Offline, refused, timed out: keep showing what we have.
		return undefined;
	} finally {
		clearTimeout(timeout);
	}
}

export class Updater {
	#url: string;
	#state: VersionState;
	#nextPollAt: number;
	#polling = false;
	#holding = false;

	/** `embedded`: the version written into the page by the post-build step. */
	constructor(url: string, embedded: string | undefined, now: number) {
		this.#url = url;
		this.#state = initialVersion(embedded, reloadedFor());
		this.#nextPollAt = now + POLL_INTERVAL_MS;
	}

	/** True while a reload is being prepared: the slide on screen stays up until it happens or is given up. */
	get holding(): boolean {
		return this.#holding;
	}

	/** Polls when a minute has passed since the last poll began (and none is in flight). */
	tick(now: number): void {
		if (now < this.#nextPollAt || this.#polling) return;
		this.#polling = true;
		this.#nextPollAt = now + POLL_INTERVAL_MS;
		void fetchText(this.#url, (r) => r.ok).then((body) => {
			this.#polling = false;
			this.#state = onPoll(this.#state, body === undefined ? undefined : readVersion(body));
		});
	}

	/**
	 * At a slide boundary: false to go on to the next slide; true when a
	 * newer build is waiting, in which case the slide is held while the page
	 * is fetched once, then the screen reloads (or, if the page cannot be
	 * fetched, carries on and tries again at a later boundary).
	 */
	atBoundary(now: number, shownAt: number, slideMs: number): boolean {
		const { state, reload } = onBoundary(this.#state);
		this.#state = state;
		if (reload === undefined) return false;
		this.#holding = true;
		const reachable = (r: Response) =>
			r.ok && (r.headers.get('content-type') ?? '').includes('html');
		void fetchText(location.href, reachable).then((page) => {
			if (!page) {
				this.#state = onReloadAborted(this.#state);
				this.#holding = false;
				return;
			}
			try {
				const record: ReloadRecord = { version: reload, at: now, shownAt, slideMs };
				sessionStorage.setItem(RELOAD_KEY, JSON.stringify(record));
			} catch {
				// Without storage a stale cache could make it reload once a minute; still better than never updating.
			}
			location.reload();
		});
		return true;
	}
}
