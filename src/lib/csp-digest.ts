/**
 * Astro's Content-Security-Policy digests, made once per style or script.
 *
 * With `security.csp` on, Astro hashes every inline style and script a page
 * carries, for the page's policy — again for every page, though the pages
 * of a route carry the same ones. Each hash is a WebCrypto job (≈ 0.25 ms
 * with its hand-offs): 4–5 s of a 17,000-page build's rendering. This
 * rewrites Astro's `generateCspDigest` (astro/dist/core/encryption.js, as
 * the build bundles it) so that it keeps what it has made: the same text
 * gets the same, already computed, digest. Pages and policies are
 * byte-for-byte the same.
 *
 * Should Astro's source change, {@link digestOnce} leaves it untouched (the
 * build is then as fast as Astro makes it) and a unit test says so.
 */

/** The start of the function as Astro 7 writes it. */
const HEAD = 'async function generateCspDigest(data, algorithm) {';

/** Whether `id` (a Vite module id) is Astro's encryption module. */
export const ASTRO_ENCRYPTION = /[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js(?:\?.*)?$/;

/**
 * How many different texts are remembered: a site has a few dozen inline
 * styles and scripts; should something hash page contents instead, memory
 * stays bounded.
 */
const KEPT = 1000;

/** Astro's module source with `generateCspDigest` remembering its results; undefined when the source is not as expected. */
export function digestOnce(source: string): string | undefined {
	if (source.split(HEAD).length !== 2) return undefined;
	return source.replace(
		HEAD,
		`const cspDigestsMade = new Map();
function generateCspDigest(data, algorithm) {
	// Keyed by the text itself: a route's style is the same string on every page, its hash kept by the engine.
	let made = cspDigestsMade.get(algorithm);
	if (made === undefined) cspDigestsMade.set(algorithm, (made = new Map()));
	let digest = made.get(data);
	if (digest === undefined) {
		if (made.size >= ${KEPT}) made.clear();
		digest = cspDigestOf(data, algorithm);
		made.set(data, digest);
	}
	return digest;
}
async function cspDigestOf(data, algorithm) {`,
	);
}
