// @ts-check
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { BREAKPOINTS } from './src/lib/body-images.ts';
import { markdown } from './src/data/markdown-bodies.ts';
import { announcedFirst, shardByShard, shardPagesFromEnv } from './src/lib/render-order.ts';
import { ASTRO_ENCRYPTION, digestOnce } from './src/lib/csp-digest.ts';
import { resolveContentDir } from './src/lib/content-dir.ts';
import { sitemapFilter, unlistedNoticeIds } from './src/lib/sitemap-filter.ts';

const contentDir = resolveContentDir();
const sitePath = join(contentDir, 'site.yaml');
/** @type {{ url?: string }} */
const siteYaml = existsSync(sitePath) ? (parse(readFileSync(sitePath, 'utf8')) ?? {}) : {};
const url = siteYaml.url ? new URL(siteYaml.url) : undefined;
// BASE overrides the sub-path of site.yaml's url (used to test sub-path builds).
const base = process.env.BASE ?? url?.pathname ?? '/';

// One content-layer cache per content folder: builds of different unions never share a data store.
const cacheDir = `./node_modules/.astro/${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`;

/**
 * What scripts/build.ts needs from the render for the search index, which
 * is built alongside: the pages the index holds are rendered first, shard by
 * shard of those announced in `announced` (src/lib/render-order.ts), and `rendered`
 * is created when rendering ends (the prerenderer's teardown), before Astro
 * goes on to encode images.
 * @param {{ rendered?: string, announced?: string }} files
 * @returns {import('astro').AstroIntegration}
 */
function searchAlongside({ rendered, announced }) {
	return {
		name: 'gongkai:search-alongside',
		hooks: {
			'astro:build:start': ({ setPrerenderer }) => {
				if (!rendered && !announced) return;
				setPrerenderer((base) => ({
					...base,
					name: 'gongkai:search-alongside',
					async getStaticPaths() {
						const paths = await base.getStaticPaths();
						// Written while the routes listed their paths (the site model's load).
						if (!announced || !existsSync(announced)) return paths;
						/** @type {Array<{ path: string, date?: string }>} */
						const pages = JSON.parse(readFileSync(announced, 'utf8'));
						return announcedFirst(
							paths,
							shardByShard(pages, shardPagesFromEnv(process.env.GONGKAI_SEARCH_SHARD_PAGES)),
						);
					},
					async teardown() {
						await base.teardown?.();
						if (rendered) writeFileSync(rendered, '');
					},
				}));
			},
		},
	};
}

export default defineConfig({
	cacheDir,
	site: url?.origin,
	base,
	trailingSlash: 'always',
	// Pages render 8 at a time: while one waits for its file to be written or its
	// entry to be read, others render (17,287 pages of a 10,000-notice union: 77 s → 52 s).
	// Styles are files of their own, never inlined: a reader's browser fetches each
	// once (hashed, cached for a year) instead of with every page, and a page is a
	// third lighter (a notice page 27 → 17 kB; a 10,000-notice site 483 → 341 MB of
	// HTML, and 8 s less CPU to build it). No <style> also means no style hashes in
	// every page's Content-Security-Policy.
	build: { format: 'directory', concurrency: 8, inlineStylesheets: 'never' },
	// Writes .astro/collections/collections.json so that the Astro VS Code extension
	// ("astro.content-intellisense") completes and checks Markdown front matter.
	experimental: { contentIntellisense: true },
	// Photos: sharp re-encodes every size (which drops EXIF, XMP and IPTC);
	// body images get responsive widths capped at the text column.
	image: {
		breakpoints: BREAKPOINTS,
		service: {
			entrypoint: 'astro/assets/services/sharp',
			config: {
				jpeg: { quality: 75, mozjpeg: true },
				webp: { quality: 75 },
				// Only for an image a page asks for in AVIF (portraits are WebP and JPEG:
				// src/components/Portrait.astro). Effort 3 of 9 (sharp's default is 4): a
				// third of the encoding time for about 9 % more bytes.
				avif: { quality: 50, effort: 3 },
			},
		},
	},
	// No code highlighting (Shiki's inline styles would break the Content-Security-Policy
	// below); the pages that render Markdown bodies themselves use the same settings.
	markdown,
	// Content-Security-Policy as a <meta> in every page (docs/deploy.md adds the
	// header-only parts: frame-ancestors, HSTS). Astro hashes its own scripts and
	// styles; no 'unsafe-inline'/'unsafe-eval' for scripts, only
	// 'wasm-unsafe-eval' so that Pagefind can start its WebAssembly.
	security: {
		csp: {
			algorithm: 'SHA-256',
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"media-src 'self'",
				"worker-src 'self'",
				"manifest-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			// style-src stays 'self' + hashes for <style>; style attributes
			// (style="margin-inline-start: …", Shiki's colours) cannot run code.
			styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
		},
	},
	integrations: [
		searchAlongside({
			rendered: process.env.GONGKAI_RENDERED_FILE,
			announced: process.env.GONGKAI_SEARCH_PAGES_FILE,
		}),
		mdx(),
		// No display pages, withdrawn notices or drafts in the sitemap (the notices are
		// read when the sitemap is written, not while the build starts).
		sitemap({ filter: sitemapFilter(() => unlistedNoticeIds(contentDir)) }),
	],
	vite: {
		server: { fs: { allow: ['.', contentDir] } },
		plugins: [
			{
				// Each inline style's Content-Security-Policy hash made once, not once per page.
				name: 'gongkai:csp-digest-once',
				transform: {
					filter: { id: ASTRO_ENCRYPTION },
					handler: (code) => digestOnce(code),
				},
			},
		],
		build: {
			rolldownOptions: {
				// Astro's MDX output carries a module directive the bundler warns about on every file.
				onwarn(warning, warn) {
					if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
				},
			},
		},
	},
});
