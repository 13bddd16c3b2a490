/**
 * `npm run bench:images` (part of `npm run bench`): image bytes, from the
 * demo built under /gongkai/.
 *
 *   site        every image file in the build against the original photos
 *               in the content folder, by format
 *   phone       what Chromium, as a phone (390 × 844 CSS px, 2× pixels),
 *               downloads for each model worker's portrait on the worker's
 *               page, and for each card of the list — budget 80 KB a photo
 *
 * Options: --dist <dir> (default: .gongkai/bench-bytes, the demo build that
 * bench:bytes makes; built when missing), --rebuild. Results also go to
 * .gongkai/bench/images.json. Exits 1 over budget.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import sharp from 'sharp';
import { launch, serve } from '../../tests/e2e/harness.ts';
import { resolveContentDir } from '../../src/lib/content-dir.ts';
import { BENCH_BASE, demoBuild } from './demo-build.ts';

const root = resolve(import.meta.dirname, '../..');
const BASE = BENCH_BASE;
export const BUDGET = { portrait: 80 * 1024 };
const IMAGE = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg']);
const PHONE = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 2,
	isMobile: true,
	hasTouch: true,
};

function files(dir: string): string[] {
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((f) => !f.split('/').some((part) => part.startsWith('.')))
		.filter((f) => statSync(join(dir, f)).isFile());
}

/** Bytes of the images under `dir`, in all and by format. */
function imageBytes(dir: string): {
	count: number;
	bytes: number;
	byFormat: Record<string, { count: number; bytes: number }>;
} {
	const byFormat: Record<string, { count: number; bytes: number }> = {};
	let count = 0;
	let bytes = 0;
	for (const f of files(dir)) {
		const ext = extname(f).toLowerCase();
		if (!IMAGE.has(ext)) continue;
		const size = statSync(join(dir, f)).size;
		const format = (byFormat[ext.slice(1).replace('jpeg', 'jpg')] ??= { count: 0, bytes: 0 });
		format.count++;
		format.bytes += size;
		count++;
		bytes += size;
	}
	return { count, bytes, byFormat };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Download {
	page: string;
	alt: string;
	url: string;
	/** CSS pixels the image is drawn at. */
	shownWidth: number;
	/** Pixel width of the file the browser chose. */
	fileWidth: number;
	bytes: number;
}

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	const dist = demoBuild(args);

	const site = imageBytes(dist);
	const originals = imageBytes(resolveContentDir());
	console.log('Images in the site against the original photos');
	console.log(
		`  originals  ${String(originals.count).padStart(4)} files  ${kb(originals.bytes).padStart(10)}`,
	);
	console.log(
		`  site       ${String(site.count).padStart(4)} files  ${kb(site.bytes).padStart(10)}`,
	);
	for (const [format, s] of Object.entries(site.byFormat).sort()) {
		console.log(
			`    ${format.padEnd(8)} ${String(s.count).padStart(4)} files  ${kb(s.bytes).padStart(10)}`,
		);
	}

	const server = await serve(dist, BASE);
	const browser = await launch();
	const portraits: Download[] = [];
	const cards: Download[] = [];
	try {
		/** The portraits on a page once loaded: what file the browser chose, and its bytes. */
		const measure = async (path: string): Promise<Download[]> => {
			// A fresh context each time: a file cached from another page would be reused, not chosen.
			const context = await browser.newContext(PHONE);
			const page = await context.newPage();
			const sizes = new Map<string, number>();
			page.on('response', async (response) => {
				if (response.request().resourceType() !== 'image') return;
				const body = await response.body().catch(() => undefined);
				if (body) sizes.set(response.url(), body.length);
			});
			await page.goto(server.url + path, { waitUntil: 'load' });
			// Scroll the lazy ones into view, then wait for them.
			await page.evaluate(async () => {
				for (const img of document.querySelectorAll<HTMLImageElement>('.gk-portrait img')) {
					img.loading = 'eager';
					await img.decode().catch(() => undefined);
				}
			});
			await page.waitForLoadState('networkidle');
			const shown = await page.$$eval('.gk-portrait img', (imgs) =>
				(imgs as HTMLImageElement[]).map((img) => ({
					url: img.currentSrc,
					alt: img.alt,
					shownWidth: Math.round(img.getBoundingClientRect().width),
					fileWidth: 0,
				})),
			);
			await context.close();
			// naturalWidth is divided by the srcset density: read the file's own width.
			return Promise.all(
				shown.map(async (s) => {
					const file = join(dist, decodeURIComponent(new URL(s.url).pathname).slice(BASE.length));
					const fileWidth = (await sharp(file).metadata()).width ?? s.fileWidth;
					return { page: path, ...s, fileWidth, bytes: sizes.get(s.url) ?? 0 };
				}),
			);
		};
		const workers = files(join(dist, 'model-workers'))
			.filter((f) => f.endsWith('/index.html') && f.split('/').length === 2)
			.map((f) => `model-workers/${f.slice(0, -'index.html'.length)}`);
		for (const path of workers) portraits.push(...(await measure(path)));
		cards.push(...(await measure('model-workers/')));
	} finally {
		await browser.close();
		await server.close();
	}

	const show = (title: string, list: Download[]) => {
		console.log(title);
		for (const d of list) {
			const format = extname(new URL(d.url).pathname).slice(1);
			console.log(
				`  ${d.alt.slice(0, 14).padEnd(16)} ${format.padEnd(5)} ${String(d.fileWidth).padStart(4)} px for ${String(d.shownWidth).padStart(3)} CSS px  ${kb(d.bytes).padStart(9)}`,
			);
		}
	};
	show(`Portraits on a worker's page, phone at 2× (budget ${kb(BUDGET.portrait)} each)`, portraits);
	show('Cards on the list page, phone at 2×', cards);
	const heaviest = [...portraits, ...cards].reduce<Download | undefined>(
		(a, b) => (!a || b.bytes > a.bytes ? b : a),
		undefined,
	);
	if (heaviest)
		console.log(`Heaviest photo a phone downloads: ${kb(heaviest.bytes)} (${heaviest.page})`);
	console.log(
		`Site images are ${((site.bytes / Math.max(1, originals.bytes)) * 100).toFixed(0)} % of the originals' bytes`,
	);

	mkdirSync(join(root, '.gongkai/bench'), { recursive: true });
	writeFileSync(
		join(root, '.gongkai/bench/images.json'),
		JSON.stringify({ site, originals, portraits, cards, budget: BUDGET }, null, '\t') + '\n',
	);
	const over = [...portraits, ...cards].filter((d) => d.bytes > BUDGET.portrait || d.bytes === 0);
	for (const d of over)
		console.error(`Over budget or not loaded: ${d.page} ${d.url} ${kb(d.bytes)}`);
	if (!portraits.length) console.error('No portrait found on any model-worker page.');
	return over.length || !portraits.length ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main();
