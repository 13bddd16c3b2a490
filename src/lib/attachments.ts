/**
 * Attachments of notices and policies (PDF, Word, Excel, CSV, …): what a
 * reader sees next to the link (format and size), the stable address each
 * file is published under, and the text inside it, so that the personal-data
 * guard reads attachments as it reads pages. Leaks hide where nobody looks,
 * so Office files are read in full: comments, headers, tracked deletions,
 * hidden sheets, pivot caches and document properties, not only the body.
 */
import { basename, extname } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import readXlsxFile from 'read-excel-file/node';
import { decodeText } from './csv.ts';
import { identifyingMetadata, imageFormat } from './image-metadata.ts';
import { findPersonalData, type PersonalDataHit } from './personal-data.ts';

/** How the text of a format is read. */
type Reader = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'text' | 'zip-xml' | 'none';

export interface AttachmentFormat {
	/** Lower-case extension without the dot: `pdf`, `docx`. */
	ext: string;
	/** What readers see: `PDF`, `Word`, `Excel`. */
	label: string;
	mime: string;
	reader: Reader;
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const FORMATS: AttachmentFormat[] = [
	{ ext: 'pdf', label: 'PDF', mime: 'application/pdf', reader: 'pdf' },
	{ ext: 'docx', label: 'Word', mime: `${OOXML}.wordprocessingml.document`, reader: 'docx' },
	{ ext: 'xlsx', label: 'Excel', mime: `${OOXML}.spreadsheetml.sheet`, reader: 'xlsx' },
	{
		ext: 'pptx',
		label: 'PowerPoint',
		mime: `${OOXML}.presentationml.presentation`,
		reader: 'zip-xml',
	},
	{ ext: 'csv', label: 'CSV', mime: 'text/csv', reader: 'csv' },
	{ ext: 'txt', label: 'TXT', mime: 'text/plain', reader: 'text' },
	{ ext: 'rtf', label: 'RTF', mime: 'application/rtf', reader: 'text' },
	{ ext: 'odt', label: 'ODT', mime: 'application/vnd.oasis.opendocument.text', reader: 'zip-xml' },
	{
		ext: 'ods',
		label: 'ODS',
		mime: 'application/vnd.oasis.opendocument.spreadsheet',
		reader: 'zip-xml',
	},
	{
		ext: 'odp',
		label: 'ODP',
		mime: 'application/vnd.oasis.opendocument.presentation',
		reader: 'zip-xml',
	},
	// 版式文档 (GB/T 33190): a zip of XML, like OOXML.
	{ ext: 'ofd', label: 'OFD', mime: 'application/ofd', reader: 'zip-xml' },
	// Binary formats this build cannot read: published, with a warning to check them by hand.
	{ ext: 'doc', label: 'Word', mime: 'application/msword', reader: 'none' },
	{ ext: 'xls', label: 'Excel', mime: 'application/vnd.ms-excel', reader: 'none' },
	{ ext: 'ppt', label: 'PowerPoint', mime: 'application/vnd.ms-powerpoint', reader: 'none' },
	{ ext: 'wps', label: 'WPS', mime: 'application/vnd.ms-works', reader: 'none' },
	{ ext: 'et', label: 'WPS', mime: 'application/vnd.ms-excel', reader: 'none' },
	{ ext: 'dps', label: 'WPS', mime: 'application/vnd.ms-powerpoint', reader: 'none' },
	{ ext: 'zip', label: 'ZIP', mime: 'application/zip', reader: 'none' },
	{ ext: 'rar', label: 'RAR', mime: 'application/vnd.rar', reader: 'none' },
	{ ext: '7z', label: '7Z', mime: 'application/x-7z-compressed', reader: 'none' },
];

/** Photos belong in the body (optimised, metadata stripped), never as a file to download. */
export const IMAGE_EXTENSIONS = [
	'jpg',
	'jpeg',
	'png',
	'webp',
	'avif',
	'gif',
	'heic',
	'heif',
	'tif',
	'tiff',
	'bmp',
];

/** Extensions accepted as attachments, in the order editors read them in a hint. */
export const ATTACHMENT_EXTENSIONS = FORMATS.map((f) => f.ext);

/** The format of an attachment from its file name, or `undefined` when it is not accepted. */
export function attachmentFormat(file: string): AttachmentFormat | undefined {
	const ext = extname(file).slice(1).toLowerCase();
	return FORMATS.find((f) => f.ext === ext);
}

/**
 * Where an attachment is published, relative to the site base:
 * `${collection}/${id}/${file name}`, next to the entry's own page, so the
 * address stays as long as the entry and the file name do.
 */
export function attachmentPath(collection: string, id: string, file: string): string {
	return `${collection}/${id}/${basename(file)}`;
}

/** The link to an attachment under the site base (`/gongkai/`), each segment URL-encoded. */
export function attachmentHref(base: string, collection: string, id: string, file: string): string {
	const path = attachmentPath(collection, id, file).split('/').map(encodeURIComponent).join('/');
	return `${base.endsWith('/') ? base : `${base}/`}${path}`;
}

/** A file size the way office software shows it: `856 B`, `31 KB`, `1.4 MB` (1024-based), digits in the locale. */
export function formatBytes(bytes: number, locale: string): string {
	const units = ['B', 'KB', 'MB', 'GB'] as const;
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	// Whole kilobytes read better; tenths matter from a megabyte up.
	const digits = unit >= 2 && value < 100 ? 1 : 0;
	const rounded = Number(value.toFixed(digits));
	// 1023.6 KB rounds up to 1024 KB: show it as 1 MB instead.
	if (rounded >= 1024 && unit < units.length - 1) return formatBytes(1024 ** (unit + 1), locale);
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(rounded);
	return `${number} ${units[unit]}`;
}

/** What a page shows for one attachment. */
export interface AttachmentView {
	title: string;
	href: string;
	/** `PDF`, `Word`, `Excel`, … */
	format: string;
	mime: string;
	bytes: number;
	/** `31 KB` */
	size: string;
}

/** The link, format and size of an attachment; `bytes` is the file's size on disk. */
export function attachmentView(
	attachment: { title: string; file: string },
	where: { base: string; collection: string; id: string; locale: string; bytes: number },
): AttachmentView {
	const format = attachmentFormat(attachment.file);
	const ext = extname(attachment.file).slice(1);
	return {
		title: attachment.title,
		href: attachmentHref(where.base, where.collection, where.id, attachment.file),
		format: format?.label ?? ext.toUpperCase(),
		mime: format?.mime ?? 'application/octet-stream',
		bytes: where.bytes,
		size: formatBytes(where.bytes, where.locale),
	};
}

// ---------------------------------------------------------------------------
// Text extraction

/** Where a piece of text sits inside an attachment. */
export type TextLocation =
	| { kind: 'line'; line: number }
	| { kind: 'cell'; sheet: string; cell: string }
	| { kind: 'page'; page: number }
	| { kind: 'paragraph'; paragraph: number }
	| { kind: 'slide'; slide: number }
	/** A file inside an Office/OFD package that readers rarely see: comments, headers, tracked deletions. */
	| { kind: 'part'; part: string }
	/** Document properties (author, title, keywords). */
	| { kind: 'metadata'; field: string };

export interface TextSegment {
	text: string;
	location: TextLocation;
}

/** An image inside a document package that carries identifying metadata. */
export interface EmbeddedImage {
	part: string;
	tags: string[];
}

export type Extraction =
	| { status: 'ok'; segments: TextSegment[]; images: EmbeddedImage[] }
	/** Readable, but without any text: a scan, or an empty file. */
	| { status: 'empty'; images: EmbeddedImage[] }
	/** A format this build does not read (legacy binary Office, archives). */
	| { status: 'unsupported' }
	/** Protected by a password: readers cannot open it either. */
	| { status: 'encrypted' }
	| { status: 'unreadable'; reason: string };

/** Reads the text of an attachment for the personal-data guard. Never throws. */
export async function extractAttachmentText(bytes: Uint8Array, file: string): Promise<Extraction> {
	const format = attachmentFormat(file);
	if (!format || format.reader === 'none') return { status: 'unsupported' };
	try {
		switch (format.reader) {
			case 'csv':
			case 'text':
				return result(lineSegments(decodeText(bytes).text), []);
			case 'pdf':
				return await pdfText(bytes);
			case 'docx':
			case 'xlsx':
			case 'zip-xml':
				return await packageText(bytes, format.reader);
		}
	} catch (error) {
		return { status: 'unreadable', reason: reasonOf(error) };
	}
}

function result(segments: TextSegment[], images: EmbeddedImage[]): Extraction {
	return segments.some((s) => s.text.trim() !== '')
		? { status: 'ok', segments, images }
		: { status: 'empty', images };
}

function lineSegments(text: string, from = 1): TextSegment[] {
	return text
		.split(/\r\n?|\n/)
		.map((line, i) => ({ text: line, location: { kind: 'line', line: from + i } }));
}

function reasonOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0]!.slice(0, 160);
}

// PDF ------------------------------------------------------------------------

interface PdfInfo {
	[field: string]: unknown;
}

async function pdfText(bytes: Uint8Array): Promise<Extraction> {
	// Loaded on demand: pdf.js is large, and most content folders have no PDF.
	const { getDocumentProxy } = await import('unpdf');
	let pdf;
	try {
		// pdf.js takes ownership of the buffer it is given: pass a copy. Verbosity 0 keeps its font warnings out of the report.
		pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
	} catch (error) {
		if (error instanceof Error && error.name === 'PasswordException')
			return { status: 'encrypted' };
		throw error;
	}
	try {
		const segments: TextSegment[] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const content = await page.getTextContent();
			let text = '';
			for (const item of content.items) {
				if (!('str' in item)) continue;
				text += item.str + (item.hasEOL ? '\n' : '');
			}
			segments.push({ text, location: { kind: 'page', page: n } });
			// Comments, sticky notes and filled-in form fields travel with the file.
			for (const annotation of (await page.getAnnotations()) as Array<Record<string, unknown>>) {
				for (const key of ['contentsObj', 'titleObj'] as const) {
					const value = (annotation[key] as { str?: unknown } | undefined)?.str;
					if (typeof value === 'string' && value)
						segments.push({ text: value, location: { kind: 'page', page: n } });
				}
				const field = annotation.fieldValue;
				if (typeof field === 'string' && field)
					segments.push({ text: field, location: { kind: 'page', page: n } });
			}
			page.cleanup();
		}
		const { info } = (await pdf.getMetadata()) as unknown as { info: PdfInfo };
		for (const field of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
			const value = info[field];
			if (typeof value === 'string' && value)
				segments.push({ text: value, location: { kind: 'metadata', field } });
		}
		// Metadata alone is not text a reader can check.
		const body = segments.filter((s) => s.location.kind !== 'metadata');
		return body.some((s) => s.text.trim() !== '')
			? { status: 'ok', segments, images: [] }
			: { status: 'empty', images: [] };
	} finally {
		await pdf.loadingTask.destroy();
	}
}

// Office and OFD packages -------------------------------------------------------

async function packageText(
	bytes: Uint8Array,
	reader: 'docx' | 'xlsx' | 'zip-xml',
): Promise<Extraction> {
	if (!isZip(bytes)) {
		// Office writes password-protected files as an OLE compound file, not a zip.
		if (isOle(bytes)) return { status: 'encrypted' };
		return { status: 'unreadable', reason: 'not a zip package' };
	}
	const parts = unzipSync(bytes);
	const primary: TextSegment[] = [];
	if (reader === 'docx') primary.push(...(await docxParagraphs(bytes)));
	if (reader === 'xlsx') primary.push(...(await xlsxCells(bytes)));
	const packaged: TextSegment[] = [];
	const images: EmbeddedImage[] = [];
	for (const [name, data] of Object.entries(parts).sort(([a], [b]) => a.localeCompare(b))) {
		if (/\.(xml|rels)$/i.test(name)) {
			const text = xmlText(strFromU8(data));
			if (text.trim()) packaged.push({ text, location: partLocation(name) });
		} else if (imageFormat(data)) {
			const tags = await identifyingMetadata(data);
			if (tags.length) images.push({ part: name, tags });
		}
	}
	if (!primary.length) return result(packaged, images);
	// The body read above is in the package's XML too: keep from the package
	// only what the readers did not see (comments, headers, tracked deletions).
	const seen = new Set(primary.flatMap((s) => findPersonalData(s.text).map((h) => h.match)));
	const hidden = packaged
		.map((s) => ({ ...s, text: maskSeen(s.text, seen) }))
		.filter((s) => findPersonalData(s.text).length > 0);
	return result([...primary, ...hidden], images);
}

/** Blanks matches already reported from the body, so a package part only adds what is new. */
function maskSeen(text: string, seen: Set<string>): string {
	let out = text;
	for (const hit of findPersonalData(text).reverse()) {
		if (seen.has(hit.match))
			out =
				out.slice(0, hit.index) +
				' '.repeat(hit.match.length) +
				out.slice(hit.index + hit.match.length);
	}
	return out;
}

function partLocation(name: string): TextLocation {
	const slide = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name);
	if (slide) return { kind: 'slide', slide: Number(slide[1]) };
	if (/^docProps\/|^meta\.xml$/.test(name)) return { kind: 'metadata', field: name };
	return { kind: 'part', part: name };
}

function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes: Uint8Array): boolean {
	return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

async function docxParagraphs(bytes: Uint8Array): Promise<TextSegment[]> {
	const { value } = await mammoth.extractRawText({
		buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
	});
	// mammoth ends every paragraph (table cells included) with a blank line.
	return value
		.split('\n\n')
		.map((text, i) => ({ text, location: { kind: 'paragraph' as const, paragraph: i + 1 } }))
		.filter((s) => s.text.trim() !== '');
}

async function xlsxCells(bytes: Uint8Array): Promise<TextSegment[]> {
	const sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
		trim: false,
	});
	const segments: TextSegment[] = [];
	for (const { sheet, data } of sheets) {
		for (const [r, row] of data.entries()) {
			for (const [c, value] of row.entries()) {
				if (
					value === null ||
					value === undefined ||
					value instanceof Date ||
					typeof value === 'boolean'
				)
					continue;
				// A mobile number typed into a number cell keeps its digits; longer numbers lose them to floating point.
				const text =
					typeof value === 'number'
						? Number.isInteger(value)
							? value.toFixed(0)
							: String(value)
						: String(value);
				segments.push({
					text,
					location: { kind: 'cell', sheet, cell: `${columnName(c)}${r + 1}` },
				});
			}
		}
	}
	return segments;
}

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/**
 * Elements inside a paragraph that split its text without a break: Word cuts
 * one typed number into several runs (spell checking, revisions, fonts), so
 * the runs must be joined again for the number to be seen.
 */
const INLINE_ELEMENTS = new Set([
	'r',
	't',
	'delText',
	'ins',
	'del',
	'proofErr',
	'bookmarkStart',
	'bookmarkEnd',
	'lastRenderedPageBreak',
	'softHyphen',
	'noBreakHyphen',
	'commentRangeStart',
	'commentRangeEnd',
	'smartTag',
	'hyperlink',
	'fldSimple',
	'moveFrom',
	'moveTo',
	'customXml',
	'permStart',
	'permEnd',
	'span',
	'a',
]);

/**
 * The text of an XML part: element text, with a line break between
 * block-level elements and none inside a run of text, plus every attribute
 * value on a line of its own (pivot caches and OFD keep data there).
 */
export function xmlText(xml: string): string {
	// Formatting blocks hold no text, only many short numbers.
	const source = xml.replace(
		/<(\w+:)?rPr\b[^>]*\/>|<(\w+:)?rPr\b[^>]*>[\s\S]*?<\/(\w+:)?rPr>/g,
		'',
	);
	let text = '';
	const attributes: string[] = [];
	for (const m of source.matchAll(/<[^>]*>|[^<]+/g)) {
		const token = m[0];
		if (token[0] !== '<') {
			text += decodeEntities(token);
			continue;
		}
		if (token.startsWith('<?') || token.startsWith('<!')) continue;
		const name = /^<\/?([\w.-]+:)?([\w.-]+)/.exec(token)?.[2] ?? '';
		if (name === 's' || name === 'tab') text += ' ';
		else if (!INLINE_ELEMENTS.has(name)) text += '\n';
		for (const a of token.matchAll(/\s[\w:.-]+\s*=\s*("([^"]*)"|'([^']*)')/g)) {
			const value = decodeEntities(a[2] ?? a[3] ?? '');
			if (/[0-9]{7,}/.test(value)) attributes.push(value);
		}
	}
	return `${text.replace(/\n{2,}/g, '\n')}\n${attributes.join('\n')}`;
}

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, code: string) => {
		const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
		if (code[0] !== '#') return named[code.toLowerCase()] ?? whole;
		const point =
			code[1] === 'x' || code[1] === 'X'
				? parseInt(code.slice(2), 16)
				: parseInt(code.slice(1), 10);
		return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
	});
}

// ---------------------------------------------------------------------------
// The guard over extracted text

/** One unmasked number in an attachment, with where it is and a masked excerpt around it. */
export interface AttachmentFinding {
	hit: PersonalDataHit;
	location: TextLocation;
	/** About a dozen characters either side, every number in it masked. */
	context: string;
}

/** Every ID, mobile and bank card number in the extracted text, in document order. */
export function attachmentPersonalData(segments: TextSegment[]): AttachmentFinding[] {
	const findings: AttachmentFinding[] = [];
	for (const segment of segments) {
		const hits = findPersonalData(segment.text);
		if (!hits.length) continue;
		const lines = segment.location.kind === 'line';
		for (const hit of hits) {
			const location: TextLocation = lines
				? { kind: 'line', line: (segment.location as { line: number }).line + hit.line - 1 }
				: segment.location;
			findings.push({ hit, location, context: excerpt(segment.text, hits, hit) });
		}
	}
	return findings;
}

const EXCERPT_CHARS = 12;

function excerpt(text: string, hits: PersonalDataHit[], target: PersonalDataHit): string {
	// The text with every number masked, remembering where each masked number sits.
	let masked = '';
	let at = 0;
	const spans: Array<[number, number]> = [];
	let own: [number, number] = [0, 0];
	for (const hit of hits) {
		masked += text.slice(at, hit.index);
		const span: [number, number] = [masked.length, masked.length + hit.masked.length];
		masked += hit.masked;
		spans.push(span);
		if (hit === target) own = span;
		at = hit.index + hit.match.length;
	}
	masked += text.slice(at);
	let from = Math.max(0, own[0] - EXCERPT_CHARS);
	let to = Math.min(masked.length, own[1] + EXCERPT_CHARS);
	// Never cut another masked number in half.
	for (const [start, end] of spans) {
		if (from > start && from < end) from = start;
		if (to > start && to < end) to = end;
	}
	const body = masked.slice(from, to).replace(/\s+/g, ' ').trim();
	return `${from > 0 ? '…' : ''}${body}${to < masked.length ? '…' : ''}`;
}
