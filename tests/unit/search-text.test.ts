import { describe, expect, it } from 'vitest';
import {
	bodyRegions,
	convertedCopy,
	htmlLang,
	indexableHtml,
	indexText,
	mapBodyText,
	normaliseDocNumbers,
	separateHan,
	sortKey,
	sourceDocument,
	ZWSP,
} from '../../src/lib/search-text.ts';
import { toSimplified, toTraditional } from '../../src/lib/search-chinese.ts';

const z = (text: string) => text.replaceAll('|', ZWSP);

describe('separateHan', () => {
	it.each([
		['李秀英', '李|秀|英'],
		['2026年度安康杯', '2026年|度|安|康|杯'],
		['Pagefind 中文', 'Pagefind 中|文'],
		['劳模，工匠', '劳|模，工|匠'],
		['', ''],
		['ISO 9001', 'ISO 9001'],
	])('makes every Han character of %j its own word', (input, expected) => {
		expect(separateHan(input)).toBe(z(expected));
	});
});

describe('normaliseDocNumbers', () => {
	it.each([
		['总工发〔2006〕41号', '总工发 2006 41号'],
		['依据华精工发〔2025〕29号文件', '依据华精工发 2025 29号文件'],
		['华精工女[2024]2号', '华精工女 2024 2号'],
		['华精工发（2026）9号', '华精工发 2026 9号'],
		['华精工发【2026】第9号', '华精工发 2026 9号'],
		['總工發〔2006〕41號', '總工發 2006 41號'],
		['国发 〔 2023 〕 7 号', '国发 2023 7号'],
	])('turns the brackets of %j into separators', (input, expected) => {
		expect(normaliseDocNumbers(input)).toBe(expected);
	});

	it.each([
		['第三章（2026年）'],
		['〔2026〕31号 without a body'],
		['（2026—2028年）'],
		['电话（0512）66881234号'],
	])('leaves %j alone', (input) => {
		expect(normaliseDocNumbers(input)).toBe(input);
	});

	it('keeps a 文号 one phrase of consecutive index words', () => {
		expect(indexText('见总工发〔2006〕41号。')).toBe(z('见|总|工|发 2006 41号。'));
	});
});

const page = (body: string, lang = 'zh-CN') =>
	`<!doctype html><html lang="${lang}"><head><title>标题</title><style>p{color:red}</style></head><body><nav>导航</nav>${body}<footer>页脚</footer></body></html>`;

describe('bodyRegions', () => {
	it('returns the inner HTML of each data-pagefind-body element', () => {
		const html = page(
			'<main data-pagefind-body><h1>通知</h1><p>正文</p></main><aside data-pagefind-body="">附件</aside>',
		);
		expect(bodyRegions(html)).toEqual(['<h1>通知</h1><p>正文</p>', '附件']);
	});

	it('takes the outermost region when regions nest', () => {
		expect(
			bodyRegions(page('<div data-pagefind-body><p data-pagefind-body>甲</p>乙</div>')),
		).toEqual(['<p data-pagefind-body>甲</p>乙']);
	});

	it('is empty for a page without a region (lists, the display, the search page)', () => {
		expect(bodyRegions(page('<main><p>列表</p></main>'))).toEqual([]);
	});

	it('copes with void elements, self-closing SVG, comments, scripts and quoted >', () => {
		const html = page(
			'<main data-pagefind-body><img alt="a>b" src="x.png"><br><svg><path d="M0 0"/></svg><!-- <div> --><script>if (a < b) document.write("</div>")</script><p>正文</p></main>',
		);
		expect(bodyRegions(html)[0]).toContain('<p>正文</p>');
		expect(bodyRegions(html)).toHaveLength(1);
	});

	it('ignores data-pagefind-body-like attribute names', () => {
		expect(bodyRegions(page('<div data-pagefind-body-x>甲</div>'))).toEqual([]);
	});
});

describe('mapBodyText', () => {
	it('changes only page text inside body regions', () => {
		const html = page(
			'<main data-pagefind-body class="劳模"><h1>劳模</h1><div data-pagefind-ignore>忽略</div><span data-pagefind-meta="unit">技术中心</span><span data-pagefind-filter="category">公示</span></main>',
		);
		const out = mapBodyText(html, (t) => `[${t}]`);
		expect(out).toContain('<h1>[劳模]</h1>');
		expect(out).toContain('class="劳模"');
		expect(out).toContain('<div data-pagefind-ignore>忽略</div>');
		expect(out).toContain('<span data-pagefind-meta="unit">技术中心</span>');
		expect(out).toContain('<span data-pagefind-filter="category">公示</span>');
		expect(out).toContain('<nav>导航</nav>');
		expect(out).toContain('<title>标题</title>');
		expect(out).toContain('p{color:red}');
	});
});

describe('convertedCopy', () => {
	it('copies Simplified text whole into Traditional', () => {
		expect(convertedCopy('<p>劳动模范推荐</p><p>李秀英</p>', toTraditional)).toBe(
			'<p>勞動模範推薦</p><p>李秀英</p>',
		);
	});

	it('returns nothing when the conversion changes nothing', () => {
		expect(convertedCopy('<p>李秀英</p>', toTraditional)).toBeUndefined();
		expect(convertedCopy('<p>劳动模范推荐</p>', toSimplified)).toBeUndefined();
	});

	it('copies only the changed runs of text that is mostly in the target script already', () => {
		const inner = `<p>${'职工代表大会审议通过集体合同'.repeat(10)}</p><p>臺風</p>`;
		expect(convertedCopy(inner, toSimplified)).toBe('<p></p><p>台风</p>');
	});

	it('converts phrases, not just characters', () => {
		expect(convertedCopy('<p>头发和发展</p>', toTraditional)).toBe('<p>頭髮和發展</p>');
	});
});

describe('indexableHtml', () => {
	const html = page(
		'<article data-pagefind-body id="a"><h1 id="t">关于开展安康杯竞赛的通知</h1><p>依据总工发〔2006〕41号。</p><div hidden data-pagefind-ignore><span data-pagefind-filter="unit">hq</span><span data-pagefind-meta="unit">公司工会</span></div></article>',
	);

	it('is undefined for pages outside search', () => {
		expect(
			indexableHtml(page('<main>列表</main>'), { converters: [toTraditional] }),
		).toBeUndefined();
	});

	it('separates Han characters and normalises 文号 in the page text only', () => {
		const out = indexableHtml(html)!;
		expect(out).toContain(z('<h1 id="t">关|于|开|展|安|康|杯|竞|赛|的|通|知</h1>'));
		expect(out).toContain(z('<p>依|据|总|工|发 2006 41号。</p>'));
		expect(out).toContain('<span data-pagefind-meta="unit">公司工会</span>');
		expect(out).toContain('<nav>导航</nav>');
	});

	it('appends a hidden Traditional copy whose filters, metadata and sort keys do not count twice', () => {
		const out = indexableHtml(html, { converters: [toTraditional, toSimplified] })!;
		const copy = out.slice(out.indexOf('<div hidden data-pagefind-body>'));
		expect(copy).toContain(z('<h1>關|於|開|展|安|康|杯|競|賽|的|通|知</h1>'));
		expect(copy).toContain(z('依|據|總|工|發 2006 41號'));
		expect(copy).not.toMatch(/data-pagefind-(filter|meta|sort)=/);
		expect(copy).toContain('data-gk-pagefind-filter="unit"');
		expect(copy).not.toContain('id="t"');
		expect(out.match(/data-pagefind-body/g)).toHaveLength(2);
		expect(out.indexOf(copy)).toBeLessThan(out.indexOf('</body>'));
	});

	it('adds card metadata invisibly', () => {
		const out = indexableHtml(html, { meta: { docNumber: '总工发〔2006〕41号' } })!;
		expect(out).toContain(
			'<div hidden data-pagefind-ignore><span data-pagefind-meta="docNumber">总工发〔2006〕41号</span></div></body>',
		);
	});
});

describe('sourceDocument', () => {
	const head =
		'<!doctype html><html lang="zh-CN"><head><title>通知 · 工会</title><script src="/_astro/a1b2.js"></script></head>';
	const body =
		'<body><nav>导航<img src="/logo.svg"></nav><article data-pagefind-body class="x"><h1>通知</h1><p>正文</p></article><footer>页脚</footer></body></html>';

	it('keeps the language and the searchable regions, whole, and nothing else', () => {
		expect(sourceDocument(head + body)).toBe(
			'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><article data-pagefind-body class="x"><h1>通知</h1><p>正文</p></article></body></html>',
		);
	});

	it('is the same when only the page around the regions changes (another asset hash, a new menu)', () => {
		const other = head.replace('a1b2', 'c3d4') + body.replace('导航', '导航 新栏目');
		expect(sourceDocument(other)).toBe(sourceDocument(head + body));
	});

	it('keeps filters, metadata and sort keys placed outside the regions, in page order', () => {
		const html =
			'<html lang="zh-CN"><head><meta data-pagefind-meta="image[content]" content="/a.png"></head><body><p data-pagefind-filter="unit">hq</p><main data-pagefind-body>正文</main><div data-pagefind-sort="date"><span>2026-01-02</span></div></body></html>';
		const doc = sourceDocument(html)!;
		expect(doc).toContain(
			'<body><meta data-pagefind-meta="image[content]" content="/a.png">\n<p data-pagefind-filter="unit">hq</p>\n<main data-pagefind-body>正文</main>\n<div data-pagefind-sort="date"><span>2026-01-02</span></div></body>',
		);
	});

	it('takes an element with metadata around a region once', () => {
		const html =
			'<html lang="en"><body><section data-pagefind-meta="kind:x"><article data-pagefind-body>a</article></section></body></html>';
		expect(sourceDocument(html)).toContain(
			'<body><section data-pagefind-meta="kind:x"><article data-pagefind-body>a</article></section></body>',
		);
	});

	it('is undefined for a page outside search', () => {
		expect(
			sourceDocument('<html lang="zh-CN"><body><main>列表</main></body></html>'),
		).toBeUndefined();
	});
});

describe('sortKey', () => {
	it.each([
		['<span data-pagefind-sort="date">2026-03-02</span>', '2026-03-02'],
		['<span hidden data-pagefind-sort="date"> 2026-03-02T09:30 </span>', '2026-03-02T09:30'],
		['<div data-pagefind-sort="date:2025-01-01">x</div>', '2025-01-01'],
		['<span data-pagefind-sort="weight">3</span>', undefined],
		['<span data-pagefind-sort="date"></span>', undefined],
		['<p>2026-03-02</p>', undefined],
	])('%s → %j', (html, expected) => {
		expect(sortKey(html, 'date')).toBe(expected);
	});
});

describe('htmlLang', () => {
	it.each([
		['<html lang="zh-CN">', 'zh-CN'],
		["<html class='x' lang='zh-TW'>", 'zh-TW'],
		['<html>', undefined],
		['<html data-lang="en">', undefined],
	])('reads %j', (html, expected) => {
		expect(htmlLang(`<!doctype html>${html}<body></body></html>`)).toBe(expected);
	});
});
