/**
 * `npm run lint:html` inside the e2e run, on the site the suite built under
 * /gongkai/: html-validate reports no error on any page, and a crawl from the
 * home page finds no broken internal link (pages, assets, attachments, CSV
 * downloads, feed and sitemap).
 */
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
});
