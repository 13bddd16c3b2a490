/**
 * Photos through a real build: tests/fixtures/photos/ holds a portrait and a
 * body image that carry GPS position, camera make and model, artist,
 * copyright, capture date and XMP. After `npm run build` not one image in
 * the site may carry any of it, read with exifr (not with the code under
 * test), and no original may be published untouched.
 *
 * The post-build scan itself is then tried on hand-made output folders: a
 * leaky image fails the build naming the file, an original some page links
 * to fails it naming the page, and an original no page links to is removed.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { scanImages } from '../../scripts/postbuild/images.ts';
import type { PostBuildContext } from '../../scripts/postbuild/index.ts';

const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'tests/fixtures/photos');
const IMAGE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

function walk(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((name) => join(dir, name))
		.filter((file) => statSync(file).isFile());
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every tag exifr finds that says where, with what, by whom or when. */
async function leakyTags(file: string): Promise<string[]> {
	const data = await exifr
		.parse(readFileSync(file), {
			tiff: true,
			exif: true,
			gps: true,
			xmp: true,
			iptc: true,
			ifd1: true,
			mergeOutput: true,
		})
		.catch(() => undefined);
	if (!data) return [];
	return Object.keys(data).filter((key) =>
		/^(GPS|latitude|longitude|Make|Model|Lens|Artist|Copyright|creator|ImageDescription|DateTimeOriginal|CreateDate|ModifyDate|By-line)/i.test(
			key,
		),
	);
}

describe('a build of photos that carry GPS, camera and artist EXIF', () => {
	let out: string;
	let build: SpawnSyncReturns<string>;

	beforeAll(() => {
		out = mkdtempSync(join(tmpdir(), 'gk-photos-'));
		// Vitest mirrors import.meta.env into process.env (DEV=1, MODE=test, …): a
		// build that inherits them builds drafts as in dev.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(
				([key]) => !/^(NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|TEST|VITEST.*)$/.test(key),
			),
		);
		build = spawnSync(process.execPath, ['scripts/build.ts'], {
			cwd: root,
			encoding: 'utf8',
			env: {
				...env,
				CONTENT_DIR: fixture,
				OUT_DIR: join(out, 'site'),
				BASE: '/gongkai/',
				GONGKAI_NOW: '1779840000000',
			},
		});
	}, 180_000);
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	it('succeeds', () => {
		expect(build.stderr + build.stdout).not.toMatch(/构建已停止/);
		expect(build.status).toBe(0);
	});

	it('the fixture photos really carry those tags (the test can fail)', async () => {
		for (const photo of ['model-workers/wang-fang.jpg', 'notices/2026/huodong.jpg']) {
			expect(await leakyTags(join(fixture, photo))).toEqual(
				expect.arrayContaining(['GPSLatitude', 'Make', 'Model', 'Artist', 'Copyright', 'creator']),
			);
		}
	});

	it('leaves 0 output images with any of those tags', async () => {
		const images = walk(join(out, 'site')).filter((f) => IMAGE.test(f));
		expect(images.length).toBeGreaterThan(10);
		const leaky: string[] = [];
		for (const image of images) if ((await leakyTags(image)).length) leaky.push(image);
		expect(leaky).toEqual([]);
	});

	it('publishes no original byte for byte', () => {
		const originals = new Set(
			walk(fixture)
				.filter((f) => IMAGE.test(f))
				.map(sha256),
		);
		const copies = walk(join(out, 'site')).filter((f) => IMAGE.test(f) && originals.has(sha256(f)));
		expect(copies).toEqual([]);
	});

	it('serves the portrait as WebP with a JPEG fallback, sized and cropped 4:5', () => {
		const html = readFileSync(join(out, 'site/model-workers/wang-fang/index.html'), 'utf8');
		const picture = /<picture[^>]*>[\s\S]*?<\/picture>/.exec(html)?.[0] ?? '';
		expect(picture).toMatch(/<source[^>]+type="image\/webp"/);
		// AVIF takes sharp several times as long to encode, for a file 1–2 kB smaller.
		expect(picture).not.toMatch(/image\/avif/);
		const img = /<img[^>]*>/.exec(picture)?.[0] ?? '';
		expect(img).toMatch(/src="\/gongkai\/_astro\/[^"]+\.jpg"/);
		const width = Number(/width="(\d+)"/.exec(img)?.[1]);
		const height = Number(/height="(\d+)"/.exec(img)?.[1]);
		expect(height / width).toBe(5 / 4);
		expect(img).toMatch(/srcset="[^"]*320w/);
	});

	it('gives the body image responsive widths capped at the text column, lazily loaded', () => {
		const html = readFileSync(join(out, 'site/notices/2026/huodong/index.html'), 'utf8');
		const img = /<img[^>]*alt="运动会开幕式现场"[^>]*>/.exec(html)?.[0] ?? '';
		expect(img).toMatch(/loading="lazy"/);
		expect(img).toMatch(/width="672" height="504"/);
		expect(img).toMatch(/srcset="[^"]*320w[^"]*1280w/);
		expect(img).toMatch(/sizes="\(min-width: 672px\) 672px, 100vw"/);
	});

	it('publishes attachments next to their page, and none of a draft', () => {
		expect(readFileSync(join(out, 'site/notices/2026/huodong/saicheng.csv'), 'utf8')).toContain(
			'开幕式',
		);
		expect(existsSync(join(out, 'site/notices/2026/caogao'))).toBe(false);
		expect(walk(join(out, 'site')).filter((f) => f.endsWith('caogao.txt'))).toEqual([]);
	});
});

describe('the post-build image scan', () => {
	const t = translator('zh-CN');
	let dir: string;

	function context(outDir: string, contentDir: string): PostBuildContext {
		return { outDir, contentDir, t } as PostBuildContext;
	}

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'gk-scan-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	function site(name: string, files: Record<string, string | Buffer>): string {
		const outDir = join(dir, name);
		for (const [file, data] of Object.entries(files)) {
			mkdirSync(join(outDir, file, '..'), { recursive: true });
			writeFileSync(join(outDir, file), data);
		}
		return outDir;
	}

	it('fails naming an image that still carries metadata', async () => {
		const outDir = site('leaky', { 'index.html': '<p>hi</p>' });
		mkdirSync(join(outDir, 'images'));
		// A photo dropped into public/ goes out as it is.
		copyFileSync(join(fixture, 'model-workers/wang-fang.jpg'), join(outDir, 'images/team.jpg'));
		await expect(scanImages(context(outDir, join(dir, 'no-content')))).rejects.toThrow(
			/images\/team\.jpg 带有可识别身份的图片元数据（.*GPSLatitude.*）/,
		);
	});

	/** A site whose pages are `pages`, with the worker's original photo copied untouched to `_astro/<copy>`. */
	function withOriginal(name: string, copy: string, pages: Record<string, string>): string {
		const outDir = site(name, pages);
		mkdirSync(join(outDir, '_astro'));
		copyFileSync(join(fixture, 'model-workers/wang-fang.jpg'), join(outDir, '_astro', copy));
		return outDir;
	}
	const linkedOriginal = (copy: string, pages: string) =>
		`_astro/${copy} 是内容文件夹中原始照片 model-workers/wang-fang.jpg 的原样拷贝（未压缩，可能带拍摄地点和设备信息），被 ${pages} 引用。`;

	it('fails naming the page that links an untouched original', async () => {
		const outDir = withOriginal('linked', 'wang-fang.abc123.jpg', {
			'model-workers/wang-fang/index.html': '<img src="/_astro/wang-fang.abc123.jpg">',
		});
		await expect(scanImages(context(outDir, fixture))).rejects.toThrow(
			linkedOriginal('wang-fang.abc123.jpg', 'model-workers/wang-fang/index.html'),
		);
	});

	it('finds a link to an original whatever the script of its name', async () => {
		const outDir = withOriginal('linked-han', '王芳.abc123.jpg', {
			'index.html': '<p>hi</p>',
			'units/hq/index.html':
				'<p>劳模风采</p><img src="/_astro/%E7%8E%8B%E8%8A%B3.abc123.jpg" alt="王芳">',
			'units/d01/index.html': '<img src="/_astro/%E7%8E%8B.abc123.jpg" alt="王">',
			'notices/a/index.html': '<p>通知</p><img src="/_astro/王芳.abc123.jpg" alt="王芳">',
		});
		await expect(scanImages(context(outDir, fixture))).rejects.toThrow(
			linkedOriginal('王芳.abc123.jpg', 'notices/a/index.html, units/hq/index.html'),
		);
	});

	it('removes an untouched original that no page links to', async () => {
		const outDir = site('orphan', { 'index.html': '<p>hi</p>' });
		mkdirSync(join(outDir, '_astro'));
		copyFileSync(
			join(fixture, 'notices/2026/huodong.jpg'),
			join(outDir, '_astro/huodong.def456.jpg'),
		);
		await scanImages(context(outDir, fixture));
		expect(readdirSync(join(outDir, '_astro'))).toEqual([]);
	});

	it('passes clean images', async () => {
		const outDir = site('clean', { 'index.html': '<p>hi</p>' });
		expect(readdirSync(outDir).filter((f) => extname(f))).toEqual(['index.html']);
		await expect(scanImages(context(outDir, fixture))).resolves.toMatchObject({ polling: [] });
	});
});
