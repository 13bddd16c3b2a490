/**
 * Self-update of a lobby screen: the page knows the build it shows (written
 * into it after the build), polls `version.json`, and reloads once, at a
 * slide boundary, when the build changed. Anything but a well-formed answer —
 * an error, a timeout, a captive portal's HTML, an empty body — changes
 * nothing: a screen must never trade what it shows for an error page.
 */

/** How often a screen asks for `version.json`. */
export const POLL_INTERVAL_MS = 60_000;
/** How long one request may take before it is given up. */
export const POLL_TIMEOUT_MS = 10_000;
/** What the page carries before the post-build step writes the real version in. */
export const VERSION_PLACEHOLDER = '__GONGKAI_BUILD_VERSION__';

export interface VersionState {
	/** The build on screen; `undefined` until known (a dev server has none). */
	known?: string;
	/** A newer build seen, waiting for the next slide boundary. */
	pending?: string;
	/** A reload towards this build is being attempted. */
	reloading?: string;
	/** A reload already happened for this build (kept across the reload), to never loop. */
	reloadedFor?: string;
}

/** The version in a `version.json` body, or `undefined` for anything that is not one. */
export function readVersion(body: string): string | undefined {
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch {
		return undefined;
	}
	if (typeof data !== 'object' || data === null || !('version' in data)) return undefined;
	const { version } = data as { version: unknown };
	if (typeof version !== 'string') return undefined;
	const trimmed = version.trim();
	return /^[\w.:-]{1,128}$/.test(trimmed) ? trimmed : undefined;
}

/**
 * The state a page starts in: the version written into it (unless it is the
 * placeholder) and the build a previous load already reloaded for, if any.
 */
export function initialVersion(
	embedded: string | undefined,
	reloadedFor: string | undefined,
): VersionState {
	const known = embedded && embedded !== VERSION_PLACEHOLDER ? embedded : undefined;
	// The reload worked: this page is the build it was reloaded for.
	if (reloadedFor === undefined || reloadedFor === known)
		return known === undefined ? {} : { known };
	return known === undefined ? { reloadedFor } : { known, reloadedFor };
}

/** Takes in one poll: `version` is what `readVersion` made of the answer, `undefined` on any failure. */
export function onPoll(state: VersionState, version: string | undefined): VersionState {
	if (version === undefined || state.reloading !== undefined) return state;
	if (state.known === undefined) return { ...withoutPending(state), known: version };
	if (version === state.known) return withoutPending(state);
	// Reloaded once for this build and still served the old page (a cache in
	// the way): take it as known rather than reload every minute.
	if (version === state.reloadedFor) return { known: version };
	return { ...state, pending: version };
}

/** At a slide boundary: reload now if a newer build is waiting (the caller checks the page is reachable first). */
export function onBoundary(state: VersionState): { state: VersionState; reload?: string } {
	if (state.pending === undefined || state.reloading !== undefined) return { state };
	return { state: { ...state, reloading: state.pending }, reload: state.pending };
}

/** The page could not be fetched before reloading: keep showing this one and try at a later boundary. */
export function onReloadAborted(state: VersionState): VersionState {
	const { reloading: _dropped, ...rest } = state;
	return rest;
}

function withoutPending(state: VersionState): VersionState {
	const { pending: _dropped, ...rest } = state;
	return rest;
}
