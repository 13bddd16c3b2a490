import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PROSE_WIDTH, bodyImageWidth, bodyImages, uprightSize } from '../../src/lib/body-images.ts';

describe('bodyImageWidth', () => {
	it.each([
		[4000, PROSE_WIDTH],
		[PROSE_WIDTH, PROSE_WIDTH],
		[400, 400],
	])('asks for %i px photos at %i px', (width, expected) => {
		expect(bodyImageWidth({ width })).toBe(expected);
	});
});

describe('the Markdown image plugin', () => {
	const dir = mkdtempSync(join(tmpdir(), 'gk-body-'));
	const page = pathToFileURL(join(dir, 'notice.md'));

	async function visit(src: string) {
		const set: Record<string, unknown> = {};
		const plugin = bodyImages({ fileURL: page });
		await plugin!.element.visit(
			{ properties: { src } },
			{ setProperty: (_node, key, value) => (set[key] = value) },
		);
		return set;
	}

	it('caps a large photo at the text column, upright', async () => {
		// Stored 1200×900 but turned a quarter by EXIF: 900 px wide on screen.
		writeFileSync(
			join(dir, 'turned.jpg'),
			await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#999' } })
				.jpeg()
				.withMetadata({ orientation: 6 })
				.toBuffer(),
		);
		expect(await uprightSize(join(dir, 'turned.jpg'))).toEqual({ width: 900, height: 1200 });
		expect(await visit('./turned.jpg')).toEqual({ layout: 'constrained', width: PROSE_WIDTH });
	});

	it('keeps a small image at its own width', async () => {
		writeFileSync(
			join(dir, 'small.png'),
			await sharp({ create: { width: 300, height: 200, channels: 3, background: '#999' } })
				.png()
				.toBuffer(),
		);
		expect(await visit('small.png')).toEqual({ layout: 'constrained', width: 300 });
	});

	it('leaves remote, absolute and missing images alone', async () => {
		expect(await visit('https://example.com/a.jpg')).toEqual({});
		expect(await visit('/images/a.jpg')).toEqual({});
		expect(await visit('./missing.jpg')).toEqual({});
	});

	it('does nothing without a file to resolve against', () => {
		expect(bodyImages({ fileURL: undefined })).toBeNull();
	});

	it('is not used for a text without an image (the processor then renders it natively)', () => {
		const fileURL = new URL('file:///content/notices/a.md');
		expect(bodyImages({ fileURL, source: '# 通知\n\n正文，[链接](./b/)。' })).toBeNull();
		for (const source of ['![现场](./a.jpg)', '见下图：![现场][1]', '<IMG src="./a.jpg">'])
			expect(bodyImages({ fileURL, source })).not.toBeNull();
	});
});
