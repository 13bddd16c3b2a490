import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ASTRO_ENCRYPTION, digestOnce } from '../../src/lib/csp-digest.ts';

const require = createRequire(import.meta.url);
const astroDir = dirname(require.resolve('astro/package.json'));
const encryption = join(astroDir, 'dist/core/encryption.js');
const work = mkdtempSync(join(tmpdir(), 'gongkai-csp-digest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The installed Astro's encryption module, rewritten, loaded from a temporary file. */
async function rewrittenModule(): Promise<{
	generateCspDigest: (data: string, algorithm: string) => Promise<string>;
}> {
	const rewritten = digestOnce(readFileSync(encryption, 'utf8'));
	if (!rewritten) throw new Error('not rewritten');
	const fromAstro = createRequire(encryption);
	const file = join(work, 'encryption.mjs');
	writeFileSync(
		file,
		rewritten
			.replace(
				'"@oslojs/encoding"',
				JSON.stringify(pathToFileURL(fromAstro.resolve('@oslojs/encoding')).href),
			)
			.replace(
				'"./csp/config.js"',
				JSON.stringify(pathToFileURL(join(astroDir, 'dist/core/csp/config.js')).href),
			),
	);
	return import(pathToFileURL(file).href);
}

describe('CSP digests made once', () => {
	it('recognises the installed Astro (an upgrade that changes the function fails here)', () => {
		expect(ASTRO_ENCRYPTION.test(encryption)).toBe(true);
		expect(digestOnce(readFileSync(encryption, 'utf8'))).toContain('cspDigestsMade');
	});

	it('gives the same digests as before, computing each text once', async () => {
		const { generateCspDigest } = await rewrittenModule();
		const style = '@layer base{body{margin:0}}'.repeat(300);
		const expected = `sha256-${createHash('sha256').update(style).digest('base64')}`;
		const first = generateCspDigest(style, 'SHA-256');
		expect(await first).toBe(expected);
		// The same text (another page of the route): the same promise, not a new hash.
		expect(generateCspDigest(`${style}`, 'SHA-256')).toBe(first);
		expect(await generateCspDigest('a{}', 'SHA-256')).toBe(
			`sha256-${createHash('sha256').update('a{}').digest('base64')}`,
		);
		expect(await generateCspDigest('a{}', 'SHA-512')).toBe(
			`sha512-${createHash('sha512').update('a{}').digest('base64')}`,
		);
	});

	it('leaves a source it does not recognise alone', () => {
		expect(digestOnce('export async function generateCspDigest(x) {}')).toBeUndefined();
		expect(ASTRO_ENCRYPTION.test('/p/node_modules/astro/dist/core/encryption.js?v=1')).toBe(true);
		expect(ASTRO_ENCRYPTION.test('/p/src/lib/encryption.js')).toBe(false);
	});
});
