// @ts-check
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { resolveContentDir } from './src/lib/content-dir.ts';

const contentDir = resolveContentDir();
const sitePath = join(contentDir, 'site.yaml');
/** @type {{ url?: string }} */
const siteYaml = existsSync(sitePath) ? (parse(readFileSync(sitePath, 'utf8')) ?? {}) : {};
const url = siteYaml.url ? new URL(siteYaml.url) : undefined;
// BASE overrides the sub-path of site.yaml's url (used to test sub-path builds).
const base = process.env.BASE ?? url?.pathname ?? '/';

export default defineConfig({
	site: url?.origin,
	base,
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [
		mdx(),
		sitemap({
			filter: (page) => !page.includes('/display/'),
		}),
	],
	vite: {
		server: { fs: { allow: ['.', contentDir] } },
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
