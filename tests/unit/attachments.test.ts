import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
	attachmentFormat,
	attachmentHref,
	attachmentPath,
	attachmentPersonalData,
	attachmentView,
	columnName,
	extractAttachmentText,
	formatBytes,
	xmlText,
	type TextLocation,
} from '../../src/lib/attachments.ts';
import { cellReference } from '../../src/lib/validate/attachments.ts';
import { LEAKY_EXIF } from '../fixtures/make-photos.ts';
import {
	LEAKS,
	deletedParagraph,
	docx,
	idNumber,
	paragraph,
	pdf,
	xlsx,
} from '../fixtures/make-attachments.ts';

/** The findings of one file as `[kind, location]` pairs. */
async function findings(bytes: Uint8Array, file: string): Promise<Array<[string, TextLocation]>> {
	const extraction = await extractAttachmentText(bytes, file);
	if (extraction.status !== 'ok') throw new Error(`${file}: ${extraction.status}`);
	return attachmentPersonalData(extraction.segments).map((f) => [f.hit.kind, f.location]);
}

describe('formatBytes', () => {
	it.each([
		[0, 'zh-CN', '0 B'],
		[856, 'zh-CN', '856 B'],
		[1024, 'zh-CN', '1 KB'],
		[31_570, 'zh-CN', '31 KB'],
		[1_048_063, 'zh-CN', '1,023 KB'],
		[1_048_500, 'zh-CN', '1 MB'],
		[1_572_864, 'zh-CN', '1.5 MB'],
		[157_286_400, 'en', '150 MB'],
		[1_234_567_890, 'en', '1.1 GB'],
	])('shows %i bytes in %s as %s', (bytes, locale, expected) => {
		expect(formatBytes(bytes, locale)).toBe(expected);
	});
});

describe('where an attachment is published', () => {
	it('sits next to its entry page under its own file name', () => {
		expect(attachmentPath('notices', '2026/kunnan-bangfu', 'files/名单.xlsx')).toBe(
			'notices/2026/kunnan-bangfu/名单.xlsx',
		);
	});

	it('links under the site base with each segment encoded', () => {
		expect(attachmentHref('/gongkai/', 'notices', '2026/a', '帮扶 名单.xlsx')).toBe(
			'/gongkai/notices/2026/a/%E5%B8%AE%E6%89%B6%20%E5%90%8D%E5%8D%95.xlsx',
		);
		expect(attachmentHref('/gongkai', 'policies', 'x', 'x.pdf')).toBe('/gongkai/policies/x/x.pdf');
	});

	it('tells the reader the format and size', () => {
		const view = attachmentView(
			{ title: '经费收支明细表', file: 'mingxi.PDF' },
			{ base: '/', collection: 'notices', id: '2026/b', locale: 'zh-CN', bytes: 31_570 },
		);
		expect(view).toEqual({
			title: '经费收支明细表',
			href: '/notices/2026/b/mingxi.PDF',
			format: 'PDF',
			mime: 'application/pdf',
			bytes: 31_570,
			size: '31 KB',
		});
	});
});

describe('attachmentFormat', () => {
	it.each([
		['a.pdf', 'PDF', 'pdf'],
		['a.DOCX', 'Word', 'docx'],
		['a.xlsx', 'Excel', 'xlsx'],
		['a.csv', 'CSV', 'csv'],
		['a.ofd', 'OFD', 'zip-xml'],
		['a.xls', 'Excel', 'none'],
	])('reads %s as %s', (file, label, reader) => {
		expect(attachmentFormat(file)).toMatchObject({ label, reader });
	});

	it.each(['photo.jpg', 'run.exe', 'page.html', 'noext'])('does not accept %s', (file) => {
		expect(attachmentFormat(file)).toBeUndefined();
	});
});

describe('columnName', () => {
	it.each([
		[0, 'A'],
		[25, 'Z'],
		[26, 'AA'],
		[701, 'ZZ'],
		[702, 'AAA'],
	])('names column %i %s', (index, name) => {
		expect(columnName(index)).toBe(name);
	});
});

describe('cellReference', () => {
	it.each([
		['Sheet1', 'C4', 'Sheet1!C4'],
		['帮扶名单', 'B2', '帮扶名单!B2'],
		['2026 名单', 'A1', "'2026 名单'!A1"],
		["Bob's", 'A1', "'Bob''s'!A1"],
	])('writes %s and %s as %s', (sheet, cell, expected) => {
		expect(cellReference(sheet, cell)).toBe(expected);
	});
});

describe('xmlText', () => {
	it('joins the runs Word splits a number into, within one paragraph', () => {
		const xml = `<w:body>${paragraph('身份证号：', '430102', '19900307', '1234')}${paragraph('下一段')}</w:body>`;
		expect(xmlText(xml).split('\n').filter(Boolean)).toEqual([
			'身份证号：430102199003071234',
			'下一段',
		]);
	});

	it('keeps table cells and spreadsheet values apart', () => {
		const xml = '<row><c r="A1"><v>1380013</v></c><c r="B1"><v>8000</v></c></row>';
		expect(xmlText(xml)).not.toContain('13800138000');
	});

	it('reads long numbers kept in attributes and decodes entities', () => {
		expect(xmlText('<r><n v="13912345678"/><s v="a&amp;b"/></r><t>&#x5F20;&lt;</t>')).toContain(
			'13912345678',
		);
		expect(xmlText('<t>&#x5F20;&lt;</t>')).toContain('张<');
	});
});

type Case = [string, () => Uint8Array | Promise<Uint8Array>, string, Array<[string, TextLocation]>];

const CASES: Case[] = [
	[
		'an ID number in an Excel cell',
		() =>
			xlsx([
				{
					name: 'Sheet1',
					rows: [
						['序号', '姓名', '身份证号'],
						[1, '张三', '430102********2516'],
						[],
						[3, '李四', LEAKS.id],
					],
				},
			]),
		'a.xlsx',
		[['idNumber', { kind: 'cell', sheet: 'Sheet1', cell: 'C4' }]],
	],
	[
		'a table that starts below a title and right of an empty column',
		() =>
			xlsx([
				{
					name: '名单',
					rows: [
						[],
						[null, null, '帮扶名单'],
						[null, '姓名', '手机'],
						[null, '张三', '13912345678'],
					],
				},
			]),
		'a.xlsx',
		[['mobile', { kind: 'cell', sheet: '名单', cell: 'C4' }]],
	],
	[
		'a mobile number typed into a number cell of a hidden sheet',
		() =>
			xlsx([
				{ name: '公示', rows: [['无']] },
				{ name: '备用', hidden: true, rows: [['手机'], [13912345678]] },
			]),
		'a.xlsx',
		[['mobile', { kind: 'cell', sheet: '备用', cell: 'A2' }]],
	],
	[
		'an ID number in a cell comment',
		() =>
			xlsx([{ name: 'Sheet1', rows: [['姓名'], ['张三']] }], {
				'xl/comments1.xml': `<comments><commentList><comment ref="A2"><text><r><t>身份证 ${LEAKS.id}</t></r></text></comment></commentList></comments>`,
			}),
		'a.xlsx',
		[['idNumber', { kind: 'part', part: 'xl/comments1.xml' }]],
	],
	[
		'an ID number in a GB18030 CSV from Chinese Excel',
		() =>
			new Uint8Array(
				iconv.encode(`姓名,身份证号\r\n张三,430102********2516\r\n李四,${LEAKS.id}\r\n`, 'gb18030'),
			),
		'a.csv',
		[['idNumber', { kind: 'line', line: 3 }]],
	],
	[
		'a mobile number after a quoted cell that spans two lines, in UTF-8 with a BOM',
		() => strToU8(`\uFEFF姓名,备注\n张三,"第一行\n第二行"\n李四,电话 139-1234-5678\n`),
		'a.csv',
		[['mobile', { kind: 'line', line: 4 }]],
	],
	[
		'an ID number split over three runs of a Word paragraph',
		() =>
			docx(
				[
					paragraph('报名表'),
					paragraph('身份证号：', LEAKS.id.slice(0, 6), LEAKS.id.slice(6)),
				].join(''),
			),
		'a.docx',
		[['idNumber', { kind: 'paragraph', paragraph: 2 }]],
	],
	[
		'a mobile number deleted with track changes on',
		() => docx(deletedParagraph('联系电话：', LEAKS.mobile)),
		'a.docx',
		[['mobile', { kind: 'part', part: 'word/document.xml' }]],
	],
	[
		'a bank card number in a Word comment and the author in the properties',
		() =>
			docx(paragraph('正文'), {
				'word/comments.xml': `<w:comments><w:comment w:id="0"><w:p><w:r><w:t>卡号 6222 0200 0012 3456 782</w:t></w:r></w:p></w:comment></w:comments>`,
				'docProps/core.xml': `<cp:coreProperties><dc:creator>王芳 ${LEAKS.mobile}</dc:creator></cp:coreProperties>`,
			}),
		'a.docx',
		[
			['mobile', { kind: 'metadata', field: 'docProps/core.xml' }],
			['bankCard', { kind: 'part', part: 'word/comments.xml' }],
		],
	],
	[
		'the same number in the body only once, not again from the package',
		() => docx(paragraph(`身份证号：${LEAKS.id}`)),
		'a.docx',
		[['idNumber', { kind: 'paragraph', paragraph: 1 }]],
	],
	[
		'an ID number on the second page of a PDF',
		() => pdf([['Page one'], ['Name Wang Lei', `ID ${LEAKS.id}`]]),
		'a.pdf',
		[['idNumber', { kind: 'page', page: 2 }]],
	],
	[
		'a mobile number in the author field of a PDF',
		() => pdf([['Notice']], { Author: `Office ${LEAKS.mobile}` }),
		'a.pdf',
		[['mobile', { kind: 'metadata', field: 'Author' }]],
	],
	[
		'an ID number on a PowerPoint slide',
		() =>
			zipSync({
				'[Content_Types].xml': strToU8('<Types/>'),
				'ppt/slides/slide2.xml': strToU8(
					`<p:sld><a:p><a:r><a:t>${LEAKS.id.slice(0, 9)}</a:t></a:r><a:r><a:t>${LEAKS.id.slice(9)}</a:t></a:r></a:p></p:sld>`,
				),
			}),
		'a.pptx',
		[['idNumber', { kind: 'slide', slide: 2 }]],
	],
	[
		'an ID number in plain text',
		() => strToU8(`第一行\n${idNumber('11010519491231002')}\n`),
		'a.txt',
		[['idNumber', { kind: 'line', line: 2 }]],
	],
];

describe.each(CASES)('finds %s', (_name, make, file, expected) => {
	it(`at ${expected.map(([, l]) => l.kind).join(', ')}`, async () => {
		expect(await findings(await make(), file)).toEqual(expected);
	});
});

describe('files that pass', () => {
	it.each<[string, () => Uint8Array, string]>([
		[
			'masked numbers in a sheet',
			() => xlsx([{ name: 'S', rows: [['430102********2516', '139****5678', 20261120, 6000.5]] }]),
			'a.xlsx',
		],
		[
			'dates, amounts and document numbers in a PDF',
			() => pdf([['2026-11-20 512.8 No. 20261120001']]),
			'a.pdf',
		],
	])('%s', async (_name, make, file) => {
		expect(await findings(make(), file)).toEqual([]);
	});
});

describe('what cannot be read', () => {
	it('says a legacy binary format is not checked', async () => {
		expect(await extractAttachmentText(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'a.doc')).toEqual({
			status: 'unsupported',
		});
	});

	it('recognises a password-protected Office file', async () => {
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
		expect(await extractAttachmentText(ole, 'a.xlsx')).toEqual({ status: 'encrypted' });
	});

	it('reports a damaged file with the reason', async () => {
		expect(await extractAttachmentText(strToU8('not a pdf'), 'a.pdf')).toMatchObject({
			status: 'unreadable',
		});
		expect(await extractAttachmentText(strToU8('not a zip'), 'a.docx')).toMatchObject({
			status: 'unreadable',
		});
	});

	it('calls a PDF without text empty (a scan)', async () => {
		expect(await extractAttachmentText(pdf([[]], { Title: 'Scan' }), 'a.pdf')).toEqual({
			status: 'empty',
			images: [],
		});
	});
});

describe('images inside a document', () => {
	it('names an embedded photo that carries GPS and camera data', async () => {
		const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
			.jpeg()
			.withExif(LEAKY_EXIF)
			.toBuffer();
		const withPhoto = docx(paragraph('活动照片'), {
			'word/media/image1.jpeg': new Uint8Array(photo),
		});
		const extraction = await extractAttachmentText(withPhoto, 'a.docx');
		expect(extraction.status).toBe('ok');
		const images = extraction.status === 'ok' ? extraction.images : [];
		expect(images.map((i) => i.part)).toEqual(['word/media/image1.jpeg']);
		expect(images[0]!.tags).toEqual(
			expect.arrayContaining(['GPSLatitude', 'Make', 'Model', 'Artist']),
		);
	});
});

describe('attachmentPersonalData', () => {
	it('quotes a little text around each number, every number in it masked', async () => {
		const extraction = await extractAttachmentText(
			strToU8(`王磊 身份证号 ${LEAKS.id} 手机 ${LEAKS.mobile} 已报名参加本次疗休养活动第一批`),
			'a.txt',
		);
		const found = extraction.status === 'ok' ? attachmentPersonalData(extraction.segments) : [];
		expect(found.map((f) => f.context)).toMatchInlineSnapshot(`
			[
			  "王磊 身份证号 430102********1234 手机 139****5678…",
			  "…430102********1234 手机 139****5678 已报名参加本次疗休养活…",
			]
		`);
	});
});
