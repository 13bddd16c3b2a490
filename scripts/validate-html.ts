/**
 * `npm run lint:html`: html-validate over every page of a site built under a
 * sub-path (/gongkai/), then a link check (linkinator) that crawls it from
 * the home page, as served under that sub-path, and reports every broken
 * internal link. External links are not fetched: this runs offline.
 *
 *   npm run lint:html                  # builds the demo into .gongkai/lint-dist if missing
 *   npm run lint:html -- --rebuild     # builds it again first
 *   npm run lint:html -- --dist <dir>  # checks a site you built with BASE=/gongkai/
 *
 * Exits 1 on any html-validate error or broken link.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { LinkChecker, LinkState } from 'linkinator';
import { serve } from '../tests/e2e/harness.ts';

const root = resolve(import.meta.dirname, '..');
export const BASE = '/gongkai/';

/**
 * The rules: html-validate's recommended set, less the purely stylistic rules
 * that minified, generated HTML cannot follow (attribute quoting style and
 * the like). Everything about validity, accessibility and security stays.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
	extends: ['html-validate:recommended'],
	rules: {
		'attribute-boolean-style': 'off',
		'attribute-empty-style': 'off',
		'void-style': 'off',
		'no-trailing-whitespace': 'off',
		'doctype-style': 'off',
		// Astro writes <script type="module">, which this rule would rather see without `type` only for classic scripts.
		'script-type': 'off',
		// Long Chinese titles of notices are legitimate page titles.
		'long-title': 'off',
		// Design tokens in a style attribute are allowed by the CSP for attributes.
		'no-inline-style': 'off',
	},
};

interface Options {
	dist: string;
	rebuild: boolean;
}

function options(argv: string[]): Options {
	const at = argv.indexOf('--dist');
	const dist = at >= 0 ? argv[at + 1] : process.env.LINT_DIST;
	return { dist: resolve(root, dist ?? '.gongkai/lint-dist'), rebuild: argv.includes('--rebuild') };
}

function build(dist: string): void {
	console.log(`Building the demo under ${BASE} into ${relative(root, dist)} …`);
	execFileSync(process.execPath, ['scripts/build.ts'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, OUT_DIR: dist, BASE },
	});
}

function htmlFiles(dir: string): string[] {
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((f) => f.endsWith('.html'))
		.sort();
}

/** html-validate over every page; returns the number of errors (printed as they are found). */
export async function validateHtml(
	dist: string,
): Promise<{ files: number; errors: number; warnings: number }> {
	const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
	const files = htmlFiles(dist);
	let errors = 0;
	let warnings = 0;
	for (const file of files) {
		const report = await validator.validateString(readFileSync(join(dist, file), 'utf8'), file);
		for (const result of report.results) {
			for (const m of result.messages as Message[]) {
				if (m.severity === 2) errors++;
				else warnings++;
				console.log(
					`${m.severity === 2 ? 'error' : 'warning'} ${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`,
				);
			}
		}
	}
	return { files: files.length, errors, warnings };
}

/** Crawls the site under BASE from its home page and 404 page; returns the broken internal links. */
export async function checkLinks(
	dist: string,
): Promise<{ checked: number; broken: Array<{ url: string; parent?: string; status?: number }> }> {
	const server = await serve(dist, BASE);
	try {
		const checker = new LinkChecker();
		const result = await checker.check({
			path: [server.url, `${server.url}404.html`, `${server.url}sitemap-index.xml`],
			recurse: true,
			concurrency: 8,
			timeout: 10_000,
			checkCss: true,
			// Offline: only this server's URLs are fetched; mailto:, tel: and other hosts are skipped.
			linksToSkip: async (link) => !link.startsWith(server.origin),
		});
		const broken = result.links
			.filter((l) => l.state === LinkState.BROKEN)
			.map((l) => ({
				url: l.url.replace(server.origin, ''),
				...(l.parent ? { parent: l.parent.replace(server.origin, '') } : {}),
				...(l.status ? { status: l.status } : {}),
			}));
		return { checked: result.links.filter((l) => l.state !== LinkState.SKIPPED).length, broken };
	} finally {
		await server.close();
	}
}

async function main(): Promise<number> {
	const { dist, rebuild } = options(process.argv.slice(2));
	if (rebuild || !existsSync(join(dist, 'index.html'))) build(dist);
	const html = await validateHtml(dist);
	console.log(
		`html-validate: ${html.files} pages, ${html.errors} errors, ${html.warnings} warnings`,
	);
	const links = await checkLinks(dist);
	for (const b of links.broken)
		console.log(
			`broken ${b.url}${b.status ? ` (${b.status})` : ''}${b.parent ? ` ← ${b.parent}` : ''}`,
		);
	console.log(`links: ${links.checked} checked, ${links.broken.length} broken`);
	return html.errors === 0 && links.broken.length === 0 ? 0 : 1;
}

if (import.meta.main) process.exitCode = await main();
