/**
 * `npm run bench:bytes` (part of `npm run bench`): what a reader downloads,
 * from a site built under /gongkai/.
 *
 *   home page   HTML + the CSS and JavaScript it loads (stylesheets, module
 *               scripts and their static imports, inline scripts and
 *               styles), images excluded — budget 60 KB
 *   notice page JavaScript of a notice page (the heaviest one: a 公示 with
 *               its live status) — budget 3 KB
 *
 * Sizes are raw bytes (the budget) and gzip/brotli as a server would send
 * them. Lazy loads (dynamic `import()`, e.g. Pagefind on focus) are not
 * counted: they are not part of loading the page. Exits 1 over budget.
 *
 * Options: --dist <dir> (default: .gongkai/bench-bytes, built when missing),
 * --rebuild. Results also go to .gongkai/bench/bytes.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { BENCH_BASE, demoBuild } from './demo-build.ts';

const root = resolve(import.meta.dirname, '../..');
const BASE = BENCH_BASE;
export const BUDGET = { home: 60 * 1024, noticeJs: 3 * 1024 };

export interface Sizes {
	raw: number;
	gzip: number;
	brotli: number;
}

/** One page's download, split by kind. */
export interface PageBytes {
	page: string;
	html: Sizes;
	css: Sizes;
	js: Sizes;
	total: Sizes;
	files: string[];
}

const sizes = (text: string | Buffer): Sizes => {
	const buffer = typeof text === 'string' ? Buffer.from(text) : text;
	return {
		raw: buffer.length,
		gzip: gzipSync(buffer, { level: 9 }).length,
		brotli: brotliCompressSync(buffer).length,
	};
};
const add = (a: Sizes, b: Sizes): Sizes => ({
	raw: a.raw + b.raw,
	gzip: a.gzip + b.gzip,
	brotli: a.brotli + b.brotli,
});
const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/** The file in `dist` that a URL path under BASE names. */
function fileOf(dist: string, url: string): string | undefined {
	if (!url.startsWith(BASE)) return undefined;
	const file = join(dist, url.slice(BASE.length).split(/[?#]/)[0]!);
	return existsSync(file) ? file : undefined;
}

/** A module and every module it imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	const code = readFileSync(entry, 'utf8');
	for (const m of code.matchAll(
		/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g,
	)) {
		const target = resolve(dirname(entry), m[1]!);
		if (existsSync(target)) moduleGraph(target, seen);
	}
	return seen;
}

/** The bytes of loading `page` (a path under `dist`, e.g. `index.html`). */
export function pageBytes(dist: string, page: string): PageBytes {
	const html = readFileSync(join(dist, page), 'utf8');
	const files = new Set<string>();
	let css = ZERO;
	let js = ZERO;
	for (const m of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
		const file = href && fileOf(dist, href);
		if (file) files.add(file);
	}
	for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
		const file = fileOf(dist, m[1]!);
		if (file) for (const f of moduleGraph(file)) files.add(f);
	}
	for (const file of files) {
		const s = sizes(readFileSync(file));
		if (file.endsWith('.css')) css = add(css, s);
		else js = add(js, s);
	}
	// Inline scripts that run (not JSON data blocks) count as JavaScript; inline styles are in the HTML already.
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attributes = m[1]!;
		if (/\bsrc=/.test(attributes) || /type="application\/(?:ld\+)?json"/.test(attributes)) continue;
		js = add(js, sizes(m[2]!));
	}
	const htmlSizes = sizes(html);
	return {
		page,
		html: htmlSizes,
		css,
		js,
		total: add(add(htmlSizes, css), js),
		files: [...files].map((f) => relative(dist, f)).sort(),
	};
}

function htmlPages(dir: string): string[] {
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((f) => f.endsWith('.html'))
		.sort();
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const line = (label: string, s: Sizes) =>
	`${label.padEnd(14)} ${kb(s.raw).padStart(9)}  (gzip ${kb(s.gzip)}, brotli ${kb(s.brotli)})`;

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	const dist = demoBuild(args);
	const home = pageBytes(dist, 'index.html');
	const notices = htmlPages(join(dist, 'notices'))
		.filter((p) => !/^(page|category|year|unit|status|archive)\//.test(p) && p !== 'index.html')
		.map((p) => pageBytes(dist, join('notices', p)));
	const heaviest = notices.reduce((a, b) => (b.js.raw > a.js.raw ? b : a));
	const heaviestAny = htmlPages(dist)
		.filter((p) => !p.startsWith('display/') && !p.startsWith('search/'))
		.map((p) => pageBytes(dist, p))
		.reduce((a, b) => (b.total.raw > a.total.raw ? b : a));

	console.log('Home page (HTML + CSS + JS, no images)');
	console.log(line('  HTML', home.html));
	console.log(line('  CSS', home.css));
	console.log(line('  JS', home.js));
	console.log(line('  total', home.total) + `   budget ${kb(BUDGET.home)}`);
	console.log(`Notice page JavaScript (heaviest of ${notices.length}: ${heaviest.page})`);
	console.log(line('  JS', heaviest.js) + `   budget ${kb(BUDGET.noticeJs)}`);
	console.log(`Heaviest reader page: ${heaviestAny.page}`);
	console.log(line('  total', heaviestAny.total));

	const result = { home, notice: heaviest, heaviest: heaviestAny, budget: BUDGET };
	mkdirSync(join(root, '.gongkai/bench'), { recursive: true });
	writeFileSync(join(root, '.gongkai/bench/bytes.json'), JSON.stringify(result, null, '\t') + '\n');
	const over = [
		...(home.total.raw > BUDGET.home
			? [`home page ${kb(home.total.raw)} > ${kb(BUDGET.home)}`]
			: []),
		...(heaviest.js.raw > BUDGET.noticeJs
			? [`notice page JS ${kb(heaviest.js.raw)} > ${kb(BUDGET.noticeJs)}`]
			: []),
	];
	for (const o of over) console.error(`Over budget: ${o}`);
	return over.length ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main();
