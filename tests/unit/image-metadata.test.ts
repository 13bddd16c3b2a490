import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
	heifMetadataItems,
	identifyingMetadata,
	imageFormat,
} from '../../src/lib/image-metadata.ts';
import { LEAKY_EXIF } from '../fixtures/make-photos.ts';

const XMP =
	'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
	'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="王芳"/></rdf:RDF></x:xmpmeta>';

const FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;

function picture() {
	return sharp({ create: { width: 16, height: 12, channels: 3, background: '#c8102e' } });
}

describe.each(FORMATS)('a %s photo', (format) => {
	it('is recognised from its first bytes', async () => {
		expect(imageFormat(new Uint8Array(await picture().toFormat(format).toBuffer()))).toBe(format);
	});

	it('with GPS, camera, artist, date and XMP is reported tag by tag', async () => {
		const bytes = await picture().toFormat(format).withExif(LEAKY_EXIF).withXmp(XMP).toBuffer();
		const tags = await identifyingMetadata(new Uint8Array(bytes));
		expect(tags).toEqual(
			expect.arrayContaining([
				'GPSLatitude',
				'GPSLongitude',
				'Make',
				'Model',
				'Artist',
				'Copyright',
				'DateTimeOriginal',
				'XMP',
			]),
		);
	});

	it('re-encoded by sharp, as the build does, carries none of it', async () => {
		const leaky = await picture().toFormat(format).withExif(LEAKY_EXIF).withXmp(XMP).toBuffer();
		const output = await sharp(leaky).resize(8).toFormat(format).toBuffer();
		expect(await identifyingMetadata(new Uint8Array(output))).toEqual([]);
	});
});

describe('what is not identifying', () => {
	it('lets orientation, resolution and colour space through', async () => {
		const bytes = await picture()
			.jpeg()
			.withExif({ IFD0: { Orientation: '1', XResolution: '72/1', Software: 'sharp' } })
			.toBuffer();
		expect(await identifyingMetadata(new Uint8Array(bytes))).toEqual([]);
	});

	it('ignores files that are not images', async () => {
		expect(
			await identifyingMetadata(
				new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
			),
		).toEqual([]);
		expect(imageFormat(new TextEncoder().encode('%PDF-1.7'))).toBeUndefined();
	});
});

describe('PNG text chunks', () => {
	it.each([
		['Author', ['Author']],
		['Comment', ['Comment']],
		['XML:com.adobe.xmp', ['XMP']],
		['Software', []],
	])('a %s chunk gives %j', async (keyword, expected) => {
		const png = new Uint8Array(await picture().png().toBuffer());
		expect(await identifyingMetadata(withTextChunk(png, keyword, '王芳'))).toEqual(expected);
	});
});

describe('heifMetadataItems', () => {
	it('finds the Exif and XMP items of an AVIF file', async () => {
		const bytes = await picture().avif().withExif(LEAKY_EXIF).withXmp(XMP).toBuffer();
		expect(
			heifMetadataItems(new Uint8Array(bytes))
				.map((i) => i.type)
				.sort(),
		).toEqual(['Exif', 'XMP']);
	});

	it('finds none in a clean AVIF file', async () => {
		expect(heifMetadataItems(new Uint8Array(await picture().avif().toBuffer()))).toEqual([]);
	});
});

/** A PNG with a tEXt chunk inserted before IEND. */
function withTextChunk(png: Uint8Array, keyword: string, text: string): Uint8Array {
	const data = Buffer.concat([
		Buffer.from(keyword, 'latin1'),
		Buffer.from([0]),
		Buffer.from(text, 'utf8'),
	]);
	const type = Buffer.from('tEXt', 'latin1');
	const chunk = Buffer.alloc(12 + data.length);
	chunk.writeUInt32BE(data.length, 0);
	type.copy(chunk, 4);
	data.copy(chunk, 8);
	chunk.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0, 8 + data.length);
	const iend = png.length - 12;
	return new Uint8Array(Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]));
}
