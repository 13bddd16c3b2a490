/**
 * Identifying metadata inside image files: where a photo was taken (GPS),
 * with what (camera and lens, serial numbers), by and of whom (artist,
 * copyright, descriptions, comments), when (capture dates), and whole XMP or
 * IPTC packets. The post-build scan fails on any of it; sharp's re-encoded
 * output carries none, so a hit means an original slipped through.
 *
 * EXIF is decoded with exifr. exifr does not read WebP, and reads PNG text
 * chunks only in part, so those two containers are walked here and only
 * their EXIF payloads are handed to exifr.
 */
import exifr from 'exifr';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic' | 'tiff' | 'gif';

/** The image format from the first bytes, or `undefined` for anything else (SVG, text, …). */
export function imageFormat(bytes: Uint8Array): ImageFormat | undefined {
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	if (ascii(0, 4) === 'GIF8') return 'gif';
	if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
	if (ascii(4, 8) === 'ftyp') {
		const brands = ascii(8, Math.min(bytes.length, 8 + 32));
		if (/avi[fs]/.test(brands)) return 'avif';
		if (/hei[cx]|mif1|msf1|hevc/.test(brands)) return 'heic';
	}
	return undefined;
}

/** EXIF tags that identify a person, a place, a device or a moment, by exifr's tag names. */
const IDENTIFYING_TAGS = new Set([
	// The camera and its owner.
	'Make',
	'Model',
	'LensMake',
	'LensModel',
	'LensSerialNumber',
	'BodySerialNumber',
	'SerialNumber',
	'CameraSerialNumber',
	'InternalSerialNumber',
	'OwnerName',
	'CameraOwnerName',
	'HostComputer',
	'MakerNote',
	// People and free text.
	'Artist',
	'Copyright',
	'ImageDescription',
	'UserComment',
	'DocumentName',
	'ImageUniqueID',
	'XPTitle',
	'XPComment',
	'XPAuthor',
	'XPKeywords',
	'XPSubject',
	// Moments.
	'DateTimeOriginal',
	'CreateDate',
	'ModifyDate',
	'DateTime',
	'DateTimeDigitized',
	'OffsetTime',
	'OffsetTimeOriginal',
	'OffsetTimeDigitized',
]);

/** exifr's output blocks that come from TIFF/EXIF; any other block is XMP. */
const TIFF_BLOCKS = new Set([
	'ifd0',
	'ifd1',
	'exif',
	'interop',
	'thumbnail',
	'makerNote',
	'jfif',
	'ihdr',
	'icc',
]);

/** PNG text keywords (tEXt, zTXt, iTXt) that carry the same kind of facts. */
const IDENTIFYING_PNG_KEYWORDS = new Set([
	'Author',
	'Copyright',
	'Description',
	'Comment',
	'Creation Time',
	'Source',
	'Title',
	'Disclaimer',
	'Warning',
]);

/**
 * The identifying metadata in an image, as tag names (`GPSLatitude`, `Make`,
 * `Artist`, `XMP`, `IPTC`, …); empty when the image is clean or is not a
 * format that carries such metadata.
 */
export async function identifyingMetadata(bytes: Uint8Array): Promise<string[]> {
	const format = imageFormat(bytes);
	if (!format || format === 'gif') return [];
	const found = new Set<string>();
	if (format === 'webp') {
		for (const chunk of riffChunks(bytes)) {
			if (chunk.id === 'EXIF')
				for (const tag of await exifTags(stripExifHeader(chunk.data))) found.add(tag);
			if (chunk.id === 'XMP ') found.add('XMP');
		}
		return [...found];
	}
	if (format === 'png') {
		for (const chunk of pngChunks(bytes)) {
			if (chunk.type === 'eXIf') for (const tag of await exifTags(chunk.data)) found.add(tag);
			if (chunk.type === 'tEXt' || chunk.type === 'zTXt' || chunk.type === 'iTXt') {
				const keyword = latin1(chunk.data.subarray(0, Math.max(0, chunk.data.indexOf(0))));
				if (keyword === 'XML:com.adobe.xmp') found.add('XMP');
				else if (IDENTIFYING_PNG_KEYWORDS.has(keyword)) found.add(keyword);
				else if (/^Raw profile type (exif|iptc|xmp)$/i.test(keyword))
					found.add(keyword.slice(17).toUpperCase());
			}
		}
		return [...found];
	}
	if (format === 'avif' || format === 'heic') {
		// exifr misreads the Exif item libheif writes ("Malformed EXIF data"): find the items here.
		for (const item of heifMetadataItems(bytes)) {
			if (item.type === 'Exif')
				for (const tag of await exifTags(exifItemTiff(item.data))) found.add(tag);
			else found.add('XMP');
		}
		return [...found];
	}
	for (const tag of await exifTags(bytes)) found.add(tag);
	return [...found];
}

/** Identifying tags in a JPEG, TIFF, HEIC/AVIF file or a bare TIFF (EXIF) block. */
async function exifTags(data: Uint8Array): Promise<string[]> {
	let output: Record<string, Record<string, unknown> | undefined> | undefined;
	try {
		output = await exifr.parse(data, {
			tiff: true,
			ifd1: true,
			exif: true,
			gps: true,
			interop: false,
			xmp: true,
			iptc: true,
			icc: false,
			jfif: false,
			ihdr: false,
			makerNote: true,
			userComment: true,
			mergeOutput: false,
			translateValues: false,
			reviveValues: false,
		});
	} catch {
		// Not a container exifr reads: nothing it could report.
		return [];
	}
	if (!output) return [];
	const tags: string[] = [];
	for (const [block, values] of Object.entries(output)) {
		if (!values) continue;
		if (block === 'gps') tags.push(...Object.keys(values).filter((k) => k.startsWith('GPS')));
		else if (block === 'iptc') tags.push('IPTC');
		else if (TIFF_BLOCKS.has(block))
			tags.push(...Object.keys(values).filter((k) => IDENTIFYING_TAGS.has(k)));
		// exifr files parsed XMP under its namespaces (dc, xmp, photoshop, …), unparsed XMP under `xmp`.
		else tags.push('XMP');
	}
	return [...new Set(tags)];
}

interface RiffChunk {
	id: string;
	data: Uint8Array;
}

/** The chunks of a RIFF (WebP) file. */
function* riffChunks(bytes: Uint8Array): Generator<RiffChunk> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let at = 12; at + 8 <= bytes.length;) {
		const size = view.getUint32(at + 4, true);
		yield {
			id: latin1(bytes.subarray(at, at + 4)),
			data: bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size)),
		};
		at += 8 + size + (size % 2);
	}
}

interface PngChunk {
	type: string;
	data: Uint8Array;
}

/** The chunks of a PNG file. */
function* pngChunks(bytes: Uint8Array): Generator<PngChunk> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let at = 8; at + 12 <= bytes.length;) {
		const size = view.getUint32(at);
		const type = latin1(bytes.subarray(at + 4, at + 8));
		yield { type, data: bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size)) };
		if (type === 'IEND') return;
		at += 12 + size;
	}
}

interface Box {
	type: string;
	/** Where the box's content starts (after its header) and ends. */
	start: number;
	end: number;
}

/** The boxes of an ISOBMFF (HEIF/AVIF) byte range. */
function* boxes(view: DataView, from: number, to: number): Generator<Box> {
	for (let at = from; at + 8 <= to;) {
		let size = view.getUint32(at);
		let header = 8;
		if (size === 1) {
			size = Number(view.getBigUint64(at + 8));
			header = 16;
		} else if (size === 0) size = to - at;
		if (size < header || at + size > to) return;
		yield {
			type: String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + at + 4, 4)),
			start: at + header,
			end: at + size,
		};
		at += size;
	}
}

interface HeifItem {
	type: 'Exif' | 'XMP';
	data: Uint8Array;
}

/**
 * The Exif and XMP items of a HEIF/AVIF file, read from its `meta` box:
 * `iinf` names the items (`Exif`, or `mime` with an XMP content type) and
 * `iloc` says where their bytes are (in the file or in `idat`).
 */
export function heifMetadataItems(bytes: Uint8Array): HeifItem[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const meta = [...boxes(view, 0, bytes.length)].find((b) => b.type === 'meta');
	if (!meta) return [];
	const children = [...boxes(view, meta.start + 4, meta.end)];
	const kinds = new Map<number, HeifItem['type']>();
	const iinf = children.find((b) => b.type === 'iinf');
	if (iinf) {
		const version = bytes[iinf.start]!;
		const first = iinf.start + 4 + (version === 0 ? 2 : 4);
		for (const infe of boxes(view, first, iinf.end)) {
			if (infe.type !== 'infe') continue;
			const v = bytes[infe.start]!;
			if (v < 2) continue;
			let at = infe.start + 4;
			const id = v === 2 ? view.getUint16(at) : view.getUint32(at);
			at += (v === 2 ? 2 : 4) + 2;
			const type = latin1(bytes.subarray(at, at + 4));
			at += 4;
			if (type === 'Exif') kinds.set(id, 'Exif');
			if (type === 'mime') {
				const nameEnd = bytes.indexOf(0, at);
				const contentEnd = bytes.indexOf(0, nameEnd + 1);
				const contentType = latin1(
					bytes.subarray(
						nameEnd + 1,
						contentEnd < 0 || contentEnd > infe.end ? infe.end : contentEnd,
					),
				);
				if (/xmp|rdf\+xml/i.test(contentType)) kinds.set(id, 'XMP');
			}
		}
	}
	const iloc = children.find((b) => b.type === 'iloc');
	const idat = children.find((b) => b.type === 'idat');
	if (!iloc || !kinds.size) return [];
	const items: HeifItem[] = [];
	const read = (at: number, size: number) =>
		size === 0
			? 0
			: size === 4
				? view.getUint32(at)
				: size === 8
					? Number(view.getBigUint64(at))
					: view.getUint16(at);
	const version = bytes[iloc.start]!;
	let at = iloc.start + 4;
	const offsetSize = bytes[at]! >> 4;
	const lengthSize = bytes[at]! & 15;
	const baseOffsetSize = bytes[at + 1]! >> 4;
	const indexSize = version > 0 ? bytes[at + 1]! & 15 : 0;
	at += 2;
	const count = version < 2 ? view.getUint16(at) : view.getUint32(at);
	at += version < 2 ? 2 : 4;
	for (let i = 0; i < count && at < iloc.end; i++) {
		const id = version < 2 ? view.getUint16(at) : view.getUint32(at);
		at += version < 2 ? 2 : 4;
		const method = version > 0 ? view.getUint16(at) & 15 : 0;
		if (version > 0) at += 2;
		at += 2; // data_reference_index
		const base = read(at, baseOffsetSize);
		at += baseOffsetSize;
		const extents = view.getUint16(at);
		at += 2;
		const parts: Uint8Array[] = [];
		for (let e = 0; e < extents; e++) {
			at += indexSize;
			const offset = read(at, offsetSize);
			at += offsetSize;
			const length = read(at, lengthSize);
			at += lengthSize;
			const origin = method === 1 && idat ? idat.start : 0;
			const from = origin + base + offset;
			parts.push(
				bytes.subarray(
					from,
					length ? from + length : method === 1 && idat ? idat.end : bytes.length,
				),
			);
		}
		const type = kinds.get(id);
		if (type) items.push({ type, data: concat(parts) });
	}
	return items;
}

// An Exif item starts with the offset of the TIFF header within it.
function exifItemTiff(data: Uint8Array): Uint8Array {
	if (data.length < 4) return data;
	const offset = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0);
	return stripExifHeader(data.subarray(Math.min(data.length, 4 + offset)));
}

function concat(parts: Uint8Array[]): Uint8Array {
	if (parts.length === 1) return parts[0]!;
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

// Some writers keep JPEG's "Exif\0\0" prefix in WebP's EXIF chunk.
function stripExifHeader(data: Uint8Array): Uint8Array {
	return latin1(data.subarray(0, 6)) === 'Exif\0\0' ? data.subarray(6) : data;
}

function latin1(bytes: Uint8Array): string {
	return String.fromCharCode(...bytes);
}
