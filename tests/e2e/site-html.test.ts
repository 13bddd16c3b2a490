/**
 * `npm run lint:html` inside the e2e run, on the site the suite built under
 * /gongkai/: html-validate reports no error on any page, and a crawl from the
 * home page finds no broken internal link (pages, assets, attachments, CSV
 * downloads, feed and sitemap).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, validateHtml } from '../../scripts/validate-html.ts';
import { DIST } from './harness.ts';

describe('html-validate and the link checker over the /gongkai/ build', () => {
	it('finds no html-validate error on any page', async () => {
		const { files, errors } = await validateHtml(DIST);
		expect(files).toBeGreaterThan(100);
		expect(errors).toBe(0);
	});

	it('finds no broken internal link', async () => {
		const { checked, broken } = await checkLinks(DIST);
		expect(checked).toBeGreaterThan(200);
		expect(broken).toEqual([]);
	});

	// A component style that comes before the site stylesheet would declare its
	// cascade layer first and so lose to reset and base styles everywhere.
	it('loads the site stylesheet, with its layer order, before any component style', () => {
		const pages = (readdirSync(DIST, { recursive: true, encoding: 'utf8' }) as string[]).filter(
			(f) => f.endsWith('.html') && !f.startsWith('display'),
		);
		const late = pages.filter((file) => {
			const html = readFileSync(join(DIST, file), 'utf8');
			const first = /<style>@layer|<link rel="stylesheet" href="[^"]*\/Base\.[^"]*\.css"/.exec(
				html,
			);
			return first !== null && first[0].startsWith('<style>');
		});
		expect(pages.length).toBeGreaterThan(100);
		expect(late).toEqual([]);
	});
});
