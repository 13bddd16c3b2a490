#!/usr/bin/env node
/**
 * make-demo-assets.mjs — regenerates the binary files of the bundled demo union
 * (content/): portraits of model workers and the PDF/DOCX/XLSX attachments.
 *
 * The generated files are committed; this script is only kept so that they can
 * be reproduced. Its packages are NOT dependencies of the project: install them
 * in a throw-away folder outside the repository and point the script at it.
 *
 *   mkdir -p /tmp/assets && cd /tmp/assets && npm init -y
 *   # exceljs pulls typedarray.prototype.slice@^1.0.6; pin 1.0.5 if your
 *   # registry does not have it:  "overrides": {"typedarray.prototype.slice": "1.0.5"}
 *   npm install exceljs docx pdf-lib @pdf-lib/fontkit sharp piexifjs
 *   apt-get install -y fonts-wqy-microhei      # or fonts-noto-cjk (any CJK .ttf/.ttc)
 *
 *   node scripts/make-demo-assets.mjs [content-dir]
 *
 * Environment:
 *   DEMO_ASSETS_MODULES  folder holding node_modules (default /tmp/assets)
 *   DEMO_CJK_FONT        CJK font file (.ttf, .otf or .ttc; first face of a .ttc)
 *
 * Everything written is made up. Personal numbers appear only masked
 * (138****5678); the two JPEG portraits deliberately carry EXIF metadata
 * (camera, artist, GPS position) so that the build can prove it strips them.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const contentDir = path.resolve(process.argv[2] ?? path.join(here, '..', 'content'));
const modulesDir = path.resolve(process.env.DEMO_ASSETS_MODULES ?? '/tmp/assets');
const require = createRequire(path.join(modulesDir, 'package.json'));

const sharp = require('sharp');
const piexif = require('piexifjs');
const ExcelJS = require('exceljs');
const docx = require('docx');
const { PDFDocument, rgb } = require('pdf-lib');
const fontkit = require('@pdf-lib/fontkit');

const FIXED_DATE = new Date('2026-11-21T09:00:00+08:00');
const written = [];

function out(rel, data) {
	const file = path.join(contentDir, rel);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, data);
	written.push(rel);
}

/* ------------------------------------------------------------------ fonts */

function findCjkFont() {
	const candidates = [
		process.env.DEMO_CJK_FONT,
		'/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
		'/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
		'/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
		'/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
	].filter(Boolean);
	const found = candidates.find((f) => existsSync(f));
	if (!found)
		throw new Error('No CJK font found: apt-get install fonts-wqy-microhei, or set DEMO_CJK_FONT');
	return found;
}

/** pdf-lib cannot embed a TrueType collection: copy its first face into a standalone sfnt. */
function firstFaceOfCollection(buf) {
	if (buf.toString('latin1', 0, 4) !== 'ttcf') return buf;
	const faceOffset = buf.readUInt32BE(12);
	const numTables = buf.readUInt16BE(faceOffset + 4);
	const tables = [];
	for (let i = 0; i < numTables; i++) {
		const rec = faceOffset + 12 + i * 16;
		tables.push({
			tag: buf.toString('latin1', rec, rec + 4),
			checksum: buf.readUInt32BE(rec + 4),
			offset: buf.readUInt32BE(rec + 8),
			length: buf.readUInt32BE(rec + 12),
		});
	}
	const headerSize = 12 + numTables * 16;
	let size = headerSize;
	for (const t of tables) size += Math.ceil(t.length / 4) * 4;
	const outBuf = Buffer.alloc(size);
	buf.copy(outBuf, 0, faceOffset, faceOffset + 12);
	let pos = headerSize;
	tables.forEach((t, i) => {
		const rec = 12 + i * 16;
		outBuf.write(t.tag, rec, 'latin1');
		outBuf.writeUInt32BE(t.checksum, rec + 4);
		outBuf.writeUInt32BE(pos, rec + 8);
		outBuf.writeUInt32BE(t.length, rec + 12);
		buf.copy(outBuf, pos, t.offset, t.offset + t.length);
		pos += Math.ceil(t.length / 4) * 4;
	});
	return outBuf;
}

/* ------------------------------------------------------------------- PDFs */

/**
 * A simple A4 document: title, optional subtitle, then blocks of
 * { h: heading } | { p: paragraph } | { table: { widths, rows } } (first row is the header).
 */
async function makePdf(rel, { title, subtitle, blocks, author }) {
	const pdf = await PDFDocument.create();
	pdf.registerFontkit(fontkit);
	const font = await pdf.embedFont(firstFaceOfCollection(readFileSync(findCjkFont())), {
		subset: true,
	});
	pdf.setTitle(title);
	pdf.setAuthor(author);
	pdf.setCreator('Gongkai demo assets');
	pdf.setProducer('pdf-lib');
	pdf.setCreationDate(FIXED_DATE);
	pdf.setModificationDate(FIXED_DATE);

	const W = 595.28,
		H = 841.89,
		M = 56;
	let page = pdf.addPage([W, H]);
	let y = H - M;
	const black = rgb(0.1, 0.1, 0.1),
		grey = rgb(0.4, 0.4, 0.4),
		red = rgb(0.72, 0.1, 0.1);
	const ensure = (h) => {
		if (y - h < M) {
			page = pdf.addPage([W, H]);
			y = H - M;
		}
	};
	const wrap = (text, size, width) => {
		const lines = [];
		let line = '';
		for (const ch of text) {
			if (font.widthOfTextAtSize(line + ch, size) > width) {
				lines.push(line);
				line = ch;
			} else line += ch;
		}
		if (line) lines.push(line);
		return lines;
	};

	// red masthead line, as on an official document
	page.drawText(title, {
		x: (W - font.widthOfTextAtSize(title, 18)) / 2,
		y: y - 18,
		size: 18,
		font,
		color: red,
	});
	y -= 30;
	page.drawLine({ start: { x: M, y }, end: { x: W - M, y }, thickness: 1.5, color: red });
	y -= 22;
	if (subtitle) {
		page.drawText(subtitle, {
			x: (W - font.widthOfTextAtSize(subtitle, 11)) / 2,
			y,
			size: 11,
			font,
			color: grey,
		});
		y -= 26;
	}
	for (const b of blocks) {
		if (b.h) {
			ensure(30);
			page.drawText(b.h, { x: M, y, size: 13, font, color: black });
			y -= 22;
		} else if (b.p) {
			for (const l of wrap(b.p, 10.5, W - 2 * M - 21)) {
				ensure(18);
				page.drawText(l, {
					x: M + (l === wrap(b.p, 10.5, W - 2 * M - 21)[0] ? 21 : 0),
					y,
					size: 10.5,
					font,
					color: black,
				});
				y -= 17;
			}
			y -= 6;
		} else if (b.table) {
			const { widths, rows, align = [] } = b.table;
			const total = widths.reduce((a, c) => a + c, 0);
			const scale = (W - 2 * M) / total;
			rows.forEach((row, r) => {
				ensure(22);
				let x = M;
				row.forEach((cell, c) => {
					const w = widths[c] * scale;
					page.drawRectangle({
						x,
						y: y - 6,
						width: w,
						height: 20,
						borderColor: grey,
						borderWidth: 0.5,
						color: r === 0 ? rgb(0.93, 0.93, 0.93) : undefined,
					});
					const text = String(cell);
					const tw = font.widthOfTextAtSize(text, 9.5);
					const tx = align[c] === 'right' && r > 0 ? x + w - tw - 5 : x + 5;
					page.drawText(text, { x: tx, y, size: 9.5, font, color: black });
					x += w;
				});
				y -= 20;
			});
			y -= 12;
		}
	}
	const pages = pdf.getPages();
	pages.forEach((p, i) => {
		const label = `第 ${i + 1} 页 / 共 ${pages.length} 页`;
		p.drawText(label, {
			x: (W - font.widthOfTextAtSize(label, 9)) / 2,
			y: 30,
			size: 9,
			font,
			color: grey,
		});
	});
	out(rel, await pdf.save({ useObjectStreams: true }));
}

/* ------------------------------------------------------------------- DOCX */

async function makeDocx(rel, { title, intro, table, outro }) {
	const {
		Document,
		Packer,
		Paragraph,
		TextRun,
		Table,
		TableRow,
		TableCell,
		WidthType,
		AlignmentType,
		HeadingLevel,
	} = docx;
	const font = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
	const cell = (text, bold = false, width) =>
		new TableCell({
			width: width ? { size: width, type: WidthType.PERCENTAGE } : undefined,
			children: [new Paragraph({ children: [new TextRun({ text, bold, font, size: 21 })] })],
		});
	const doc = new Document({
		creator: '华精集团工会',
		title,
		description: 'Gongkai 演示附件',
		styles: { default: { document: { run: { font, size: 22 } } } },
		sections: [
			{
				children: [
					new Paragraph({
						heading: HeadingLevel.TITLE,
						alignment: AlignmentType.CENTER,
						children: [new TextRun({ text: title, bold: true, font, size: 36 })],
					}),
					...intro.map(
						(t) =>
							new Paragraph({
								spacing: { after: 120 },
								children: [new TextRun({ text: t, font })],
							}),
					),
					new Table({
						width: { size: 100, type: WidthType.PERCENTAGE },
						rows: table.map(
							(row, r) =>
								new TableRow({
									children: row.map((c, i) =>
										cell(
											c,
											r === 0 || (i === 0 && row.length === 2),
											row.length === 2 ? (i === 0 ? 28 : 72) : undefined,
										),
									),
								}),
						),
					}),
					...outro.map(
						(t) =>
							new Paragraph({
								spacing: { before: 160 },
								children: [new TextRun({ text: t, font })],
							}),
					),
				],
			},
		],
	});
	const buf = await Packer.toBuffer(doc);
	out(rel, buf);
}

/* ------------------------------------------------------------------- XLSX */

async function makeXlsx(rel, { sheet, title, columns, rows, footer }) {
	const wb = new ExcelJS.Workbook();
	wb.creator = '华精集团工会';
	wb.created = FIXED_DATE;
	wb.modified = FIXED_DATE;
	const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
	ws.mergeCells(1, 1, 1, columns.length);
	ws.getCell(1, 1).value = title;
	ws.getCell(1, 1).font = { bold: true, size: 14 };
	ws.getCell(1, 1).alignment = { horizontal: 'center' };
	ws.addRow(columns.map((c) => c.header)).font = { bold: true };
	columns.forEach((c, i) => {
		ws.getColumn(i + 1).width = c.width;
		if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
	});
	rows.forEach((r) => ws.addRow(r));
	ws.addRow([]);
	for (const f of footer) ws.addRow([f]);
	out(rel, Buffer.from(await wb.xlsx.writeBuffer()));
}

/* ----------------------------------------------------------------- photos */

function portraitSvg(p) {
	const helmet = p.helmet
		? `
    <path d="M 420 560 Q 420 330 600 320 Q 780 330 780 560 Z" fill="${p.helmet}"/>
    <rect x="385" y="545" width="430" height="38" rx="19" fill="${p.helmet}"/>
    <rect x="585" y="322" width="30" height="230" rx="12" fill="#ffffff" opacity="0.25"/>
    <path d="M 450 540 Q 460 400 560 350" stroke="#ffffff" stroke-width="14" fill="none" opacity="0.35" stroke-linecap="round"/>`
		: '';
	const hair = {
		short: `<path d="M 455 600 Q 440 420 600 410 Q 760 420 745 600 Q 720 500 600 495 Q 480 500 455 600 Z" fill="${p.hair}"/>`,
		bun: `<circle cx="600" cy="395" r="62" fill="${p.hair}"/>
          <path d="M 450 640 Q 430 430 600 425 Q 770 430 750 640 Q 730 520 600 515 Q 470 520 450 640 Z" fill="${p.hair}"/>`,
		long: `<path d="M 430 800 Q 400 430 600 420 Q 800 430 770 800 Q 760 700 745 600 Q 720 505 600 500 Q 480 505 455 600 Q 440 700 430 800 Z" fill="${p.hair}"/>`,
	}[p.hairStyle];
	const accessory = {
		stripes: `<rect x="250" y="1260" width="700" height="34" fill="#d9e021" opacity="0.9"/>
              <rect x="250" y="1262" width="700" height="10" fill="#ffffff" opacity="0.7"/>`,
		badge: `<rect x="700" y="1180" width="120" height="150" rx="12" fill="#ffffff"/>
            <rect x="718" y="1200" width="84" height="60" rx="6" fill="${p.bg2}"/>
            <rect x="718" y="1275" width="84" height="10" rx="5" fill="#c0c4cc"/>
            <rect x="718" y="1295" width="60" height="10" rx="5" fill="#c0c4cc"/>`,
		goggles: '', // drawn over the face, below
		none: '',
	}[p.accessory];
	const goggles = `<rect x="480" y="560" width="240" height="62" rx="31" fill="#bfe6f2" opacity="0.45" stroke="#3f6e80" stroke-width="8"/>
    <line x1="600" y1="566" x2="600" y2="616" stroke="#3f6e80" stroke-width="8"/>
    <path d="M 480 590 L 452 600 M 720 590 L 748 600" stroke="#3f6e80" stroke-width="8" stroke-linecap="round"/>`;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1500" viewBox="0 0 1200 1500">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${p.bg1}"/><stop offset="1" stop-color="${p.bg2}"/>
    </linearGradient>
    <linearGradient id="body" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${p.uniform}"/><stop offset="1" stop-color="${p.uniformShade}"/>
    </linearGradient>
  </defs>
  <rect width="1200" height="1500" fill="url(#bg)"/>
  <circle cx="600" cy="640" r="430" fill="#ffffff" opacity="0.10"/>
  <circle cx="980" cy="220" r="140" fill="#ffffff" opacity="0.08"/>
  <circle cx="170" cy="1180" r="200" fill="#ffffff" opacity="0.06"/>
  <rect x="545" y="860" width="110" height="200" rx="40" fill="${p.skinShade}"/>
  <!-- shoulders and work uniform -->
  <path d="M 140 1500 Q 150 1080 420 1000 L 780 1000 Q 1050 1080 1060 1500 Z" fill="url(#body)"/>
  <path d="M 520 1000 L 600 1130 L 680 1000 Z" fill="${p.collar}"/>
  <path d="M 470 990 L 600 1130 L 540 1170 L 440 1020 Z" fill="${p.uniformShade}"/>
  <path d="M 730 990 L 600 1130 L 660 1170 L 760 1020 Z" fill="${p.uniformShade}"/>
  <line x1="600" y1="1130" x2="600" y2="1500" stroke="${p.uniformShade}" stroke-width="10"/>
  <rect x="330" y="1150" width="140" height="16" rx="8" fill="${p.uniformShade}"/>
  ${accessory}
  <!-- head -->
  <g transform="translate(0 60)">
  ${p.hairStyle === 'long' ? hair : ''}
  <ellipse cx="600" cy="650" rx="150" ry="190" fill="${p.skin}"/>
  <ellipse cx="452" cy="660" rx="24" ry="42" fill="${p.skinShade}"/>
  <ellipse cx="748" cy="660" rx="24" ry="42" fill="${p.skinShade}"/>
  ${p.hairStyle !== 'long' ? hair : ''}
  <!-- face -->
  <ellipse cx="548" cy="640" rx="14" ry="17" fill="#3a2a22"/>
  <ellipse cx="652" cy="640" rx="14" ry="17" fill="#3a2a22"/>
  <path d="M 520 600 Q 548 586 574 598" stroke="${p.hair}" stroke-width="9" fill="none" stroke-linecap="round"/>
  <path d="M 626 598 Q 652 586 680 600" stroke="${p.hair}" stroke-width="9" fill="none" stroke-linecap="round"/>
  <path d="M 600 655 Q 590 700 602 712" stroke="${p.skinShade}" stroke-width="8" fill="none" stroke-linecap="round"/>
  <path d="M 555 752 Q 600 785 645 752" stroke="#9b4a3c" stroke-width="10" fill="none" stroke-linecap="round"/>
  <ellipse cx="515" cy="715" rx="28" ry="16" fill="#f19a8e" opacity="0.35"/>
  <ellipse cx="685" cy="715" rx="28" ry="16" fill="#f19a8e" opacity="0.35"/>
  ${helmet}
  ${p.accessory === 'goggles' ? goggles : ''}
  </g>
</svg>`;
}

const people = [
	{
		id: 'zhang-wei',
		format: 'jpg',
		exif: true,
		bg1: '#1f4e79',
		bg2: '#6fa8dc',
		uniform: '#23395b',
		uniformShade: '#162640',
		collar: '#e8edf3',
		skin: '#f1c7a5',
		skinShade: '#d9a684',
		hair: '#1d1a19',
		hairStyle: 'short',
		helmet: '#f4c20d',
		accessory: 'stripes',
		camera: { Make: 'Canon', Model: 'Canon EOS R6' },
		artist: 'Wang Fang, Huajing Group publicity office',
		gps: { lat: 31.2989, lon: 120.5853, alt: 8 },
	},
	{
		id: 'li-xiuying',
		format: 'jpg',
		exif: true,
		bg1: '#7a3b69',
		bg2: '#e7a9c9',
		uniform: '#f5f7fa',
		uniformShade: '#cfd6df',
		collar: '#7aa6c2',
		skin: '#f6d2b8',
		skinShade: '#e0b193',
		hair: '#2b1d17',
		hairStyle: 'long',
		helmet: null,
		accessory: 'goggles',
		camera: { Make: 'NIKON CORPORATION', Model: 'NIKON Z 6_2' },
		artist: 'Zhou Lin, Technology Center correspondent',
		gps: { lat: 31.3012, lon: 120.5791, alt: 12 },
	},
	{
		id: 'wang-jianguo',
		format: 'png',
		bg1: '#8c3b0f',
		bg2: '#f2a65a',
		uniform: '#e8731a',
		uniformShade: '#b25610',
		collar: '#fbe3c8',
		skin: '#e2b08a',
		skinShade: '#c48f6a',
		hair: '#4a4340',
		hairStyle: 'short',
		helmet: '#f7f7f2',
		accessory: 'stripes',
	},
	{
		id: 'chen-jing',
		format: 'webp',
		bg1: '#1d6a5f',
		bg2: '#8fd3c1',
		uniform: '#b9c0c8',
		uniformShade: '#8e979f',
		collar: '#ffffff',
		skin: '#f7d6bf',
		skinShade: '#e2b79c',
		hair: '#231814',
		hairStyle: 'bun',
		helmet: null,
		accessory: 'badge',
	},
];

/** degrees → EXIF rational triple [[d,1],[m,1],[s*100,100]] */
function dms(deg) {
	const d = Math.floor(deg);
	const mFloat = (deg - d) * 60;
	const m = Math.floor(mFloat);
	const s = Math.round((mFloat - m) * 60 * 100);
	return [
		[d, 1],
		[m, 1],
		[s, 100],
	];
}

async function makePortrait(p) {
	const img = sharp(Buffer.from(portraitSvg(p)), { density: 72 });
	const rel = `model-workers/${p.id}.${p.format}`;
	if (p.format === 'png')
		return out(rel, await img.png({ compressionLevel: 9, palette: true, colours: 128 }).toBuffer());
	if (p.format === 'webp') return out(rel, await img.webp({ quality: 80 }).toBuffer());
	let jpeg = await img
		.withExif({
			IFD0: {
				Make: p.camera.Make,
				Model: p.camera.Model,
				Artist: p.artist,
				Copyright: 'Huajing Group Trade Union Committee 2026',
				ImageDescription: `Portrait of ${p.id} for the Gongkai demo`,
				Software: 'Gongkai demo assets',
			},
		})
		.jpeg({ quality: 82, mozjpeg: true })
		.toBuffer();
	if (p.exif) {
		// sharp writes IFD0 but not a GPS IFD: add one (and capture details) with piexifjs.
		const data = jpeg.toString('binary');
		const exif = piexif.load(data);
		exif.GPS = {
			[piexif.GPSIFD.GPSVersionID]: [2, 3, 0, 0],
			[piexif.GPSIFD.GPSLatitudeRef]: p.gps.lat >= 0 ? 'N' : 'S',
			[piexif.GPSIFD.GPSLatitude]: dms(Math.abs(p.gps.lat)),
			[piexif.GPSIFD.GPSLongitudeRef]: p.gps.lon >= 0 ? 'E' : 'W',
			[piexif.GPSIFD.GPSLongitude]: dms(Math.abs(p.gps.lon)),
			[piexif.GPSIFD.GPSAltitudeRef]: 0,
			[piexif.GPSIFD.GPSAltitude]: [p.gps.alt * 10, 10],
			[piexif.GPSIFD.GPSDateStamp]: '2026:05:01',
		};
		exif.Exif = {
			...(exif.Exif ?? {}),
			[piexif.ExifIFD.DateTimeOriginal]: '2026:05:01 10:24:36',
			[piexif.ExifIFD.LensModel]: 'RF24-105mm F4 L IS USM',
			[piexif.ExifIFD.FNumber]: [40, 10],
			[piexif.ExifIFD.ISOSpeedRatings]: 400,
		};
		jpeg = Buffer.from(piexif.insert(piexif.dump(exif), data), 'binary');
	}
	out(rel, jpeg);
}

/* ------------------------------------------------------------ the content */

const kunnanRows = [
	['顾建华', '第一制造部', '机加工车间', '深度困难', 6000, '本人重病'],
	['许丽娟', '第二制造部', '热处理车间', '深度困难', 6000, '单亲，子女就学'],
	['蒋文龙', '物流中心', '成品仓储班组', '深度困难', 6000, '配偶重病'],
	['潘秀兰', '技术中心', '质量检测站', '深度困难', 6000, '本人重病'],
	['曹玉珍', '机关', '财务部', '相对困难', 3000, '家庭成员长期患病'],
	['陆永明', '第一制造部', '装配车间', '相对困难', 3000, '子女就学'],
	['戴志刚', '第一制造部', '机加工车间', '相对困难', 3000, '赡养老人负担重'],
	['邱美华', '第二制造部', '铸锻车间', '相对困难', 3000, '单亲'],
	['汤建军', '第二制造部', '表面处理车间', '相对困难', 3000, '家庭成员残疾'],
	['严小红', '营销中心', '华东销售区', '相对困难', 3000, '配偶失业'],
	['薛国庆', '物流中心', '运输班组', '相对困难', 3000, '子女就学'],
	['雷振东', '第一制造部', '机加工车间', '相对困难', 3000, '家庭成员长期患病'],
	['龙慧敏', '技术中心', '计量检测站', '相对困难', 3000, '单亲'],
	['史红英', '第二制造部', '热处理车间', '相对困难', 3000, '赡养老人负担重'],
	['万志平', '第一制造部', '装配车间', '相对困难', 3000, '子女就学'],
	['段建华', '第一制造部', '装配车间', '意外致困', 2000, '家庭遭受火灾'],
	['金晓燕', '机关', '人力资源部', '意外致困', 2000, '家庭成员意外受伤'],
	['侯卫国', '第二制造部', '铸锻车间', '意外致困', 2000, '本人意外受伤'],
	['邵丽华', '技术中心', '质量检测站', '意外致困', 2000, '家庭成员意外受伤'],
	['孟宪军', '物流中心', '成品仓储班组', '意外致困', 2000, '车辆事故致困'],
	['熊建平', '第一制造部', '机加工车间', '意外致困', 2000, '房屋受损'],
	['秦玉梅', '第二制造部', '表面处理车间', '意外致困', 2000, '家庭成员意外受伤'],
	['尹国华', '营销中心', '营销管理部', '意外致困', 2000, '本人意外受伤'],
];

async function main() {
	// photos
	for (const p of people) await makePortrait(p);

	// notices/2026/kunnan-bangfu-mingdan.xlsx
	await makeXlsx('notices/2026/kunnan-bangfu-mingdan.xlsx', {
		sheet: '帮扶名单',
		title: '2027年元旦春节“冬送温暖”困难职工帮扶名单（公示稿）',
		columns: [
			{ header: '序号', width: 6 },
			{ header: '姓名', width: 10 },
			{ header: '分工会', width: 12 },
			{ header: '部门/班组', width: 14 },
			{ header: '帮扶类别', width: 10 },
			{ header: '帮扶金额（元）', width: 14, numFmt: '#,##0' },
			{ header: '致困原因', width: 20 },
		],
		rows: kunnanRows.map((r, i) => [i + 1, ...r]),
		footer: [
			`合计：${kunnanRows.length}人，${kunnanRows.reduce((a, r) => a + r[4], 0).toLocaleString('en-US')}元。`,
			'本表不含身份证号码、银行卡号等个人信息，帮扶资金发放至职工工资卡。',
			'公示期：2026年11月19日起7个工作日。异议反馈：公司工会权益保障部，联系电话 0512-66881234。',
		],
	});

	// notices/2026/zhigong-liaoxiuyang-baomingbiao.docx
	await makeDocx('notices/2026/zhigong-liaoxiuyang-baomingbiao.docx', {
		title: '2026年度职工疗休养报名表',
		intro: ['分工会（盖章）：____________        填表日期：2026年  月  日'],
		table: [
			['项目', '填写内容'],
			['姓名', ''],
			['所在单位及岗位', ''],
			['本单位连续工龄', '      年'],
			['近三年表彰情况', ''],
			['意向批次', '□第一批（安吉）  □第二批（安吉）  □第三批（婺源）  □第四批（婺源）'],
			['联系电话', '（填写手机号，仅用于行程通知，例：138****5678）'],
			['健康状况声明', '本人身体健康，能够适应疗休养行程。     签名：'],
			['分工会意见', ''],
		],
		outro: [
			'说明：1. 每人每年限报一次；2. 疗休养期间按正常出勤对待；3. 请于5月15日前交所在分工会。',
			'华东精密机械集团有限公司工会委员会',
		],
	});

	// policies/liaoxiuyang-banfa-yijian-fankui.docx
	await makeDocx('policies/liaoxiuyang-banfa-yijian-fankui.docx', {
		title: '《职工疗休养管理办法（征求意见稿）》意见反馈表',
		intro: ['反馈截止日期：2026年12月15日。可交所在分工会，或发送至 union@huajing.example.com。'],
		table: [
			['条款', '修改意见及理由'],
			['第二条 疗休养对象', ''],
			['第五条 费用标准', ''],
			['第七条 自主疗休养', ''],
			['其他意见', ''],
			['反馈人（可不署名）', ''],
			['所在单位', ''],
		],
		outro: [
			'公司工会将汇总全部意见，修改完善后提交职代会主席团审议，并在厂务公开平台公布采纳情况。',
		],
	});

	// notices/2026/jingfei-shouzhi-mingxi-2025.pdf
	await makePdf('notices/2026/jingfei-shouzhi-mingxi-2025.pdf', {
		author: '华东精密机械集团有限公司工会委员会',
		title: '公司工会2025年度经费收支明细表',
		subtitle: '经费审查委员会审查通过 · 2026年3月30日',
		blocks: [
			{ h: '一、收入' },
			{
				table: {
					widths: [4, 2, 2],
					align: [null, 'right', 'right'],
					rows: [
						['项目', '金额（万元）', '占比'],
						['会费收入', '43.2', '8.4%'],
						['拨缴经费收入', '421.6', '82.2%'],
						['行政补助收入', '40.0', '7.8%'],
						['其他收入', '8.0', '1.6%'],
						['收入合计', '512.8', '100%'],
					],
				},
			},
			{ h: '二、支出' },
			{
				table: {
					widths: [4, 2, 2],
					align: [null, 'right', 'right'],
					rows: [
						['项目', '金额（万元）', '占比'],
						['职工活动支出', '231.4', '46.4%'],
						['维权支出（含困难帮扶、金秋助学）', '104.9', '21.0%'],
						['业务支出（培训、职工书屋、创新工作室）', '92.3', '18.5%'],
						['资本性支出', '43.6', '8.7%'],
						['其他支出', '26.4', '5.3%'],
						['支出合计', '498.6', '100%'],
					],
				},
			},
			{ h: '三、结余' },
			{
				p: '2025年末经费结余14.2万元，全部结转下年使用。各项支出均按《基层工会经费收支管理办法》规定的范围和标准执行，未发现超范围、超标准开支。',
			},
			{ p: '经费审查委员会主任：陈志远    审查日期：2026年3月30日' },
		],
	});

	// policies/jiti-hetong-2026.pdf
	await makePdf('policies/jiti-hetong-2026.pdf', {
		author: '华东精密机械集团有限公司工会委员会',
		title: '集体合同（2026—2028年）文本摘要',
		subtitle: '第三届职工代表大会第四次会议审议通过 · 2026年3月25日签订',
		blocks: [
			{ h: '第一章 总则' },
			{
				p: '为维护职工和公司的合法权益，建立和谐稳定的劳动关系，根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》《中华人民共和国工会法》和有关法规，公司工会代表全体职工与公司经平等协商，签订本合同。',
			},
			{ h: '第二章 劳动报酬' },
			{
				p: '职工平均工资增长幅度每年通过工资专项集体协商确定，一线职工增幅不低于平均水平。公司按月足额支付工资，不得无故拖欠或克扣。',
			},
			{
				table: {
					widths: [3, 2],
					align: [null, 'right'],
					rows: [
						['技能等级', '技能津贴（元/月）'],
						['高级工', '200'],
						['技师', '400'],
						['高级技师', '600'],
					],
				},
			},
			{ h: '第三章 工作时间和休息休假' },
			{
				p: '公司执行标准工时制度。因生产需要延长工作时间的，应与工会和职工协商，每月不超过36小时。遇寒潮、暴雨、高温等极端天气，公司应与工会协商调整作息时间。',
			},
			{ h: '第四章 劳动安全卫生' },
			{
				p: '公司为高温、粉尘、噪声岗位职工配备合格的劳动防护用品，每年组织职业健康检查。工会劳动保护监督检查员有权对作业现场进行检查。',
			},
			{ h: '第五章 职业培训和岗位调整' },
			{
				p: '因数字化改造等原因调整岗位的，公司提供不少于1个月的转岗培训，培训期间原工资待遇不降低。',
			},
			{ h: '第六章 合同期限' },
			{ p: '本合同期限自2026年4月1日至2028年12月31日。合同期满前3个月，双方应就续订进行协商。' },
			{ p: '公司方首席代表（签字）：__________      职工方首席代表（签字）：__________' },
		],
	});

	for (const rel of written) {
		const kb = (statSync(path.join(contentDir, rel)).size / 1024).toFixed(1);
		console.log(`${rel}  ${kb} KB`);
	}
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
