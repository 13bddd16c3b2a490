import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyHtml, markdown, rendersWithPage } from '../../src/data/markdown-bodies.ts';
import { markdownBody, mayShowImages } from '../../src/lib/markdown-body.ts';
import { demoFiles } from './demo-files.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * Astro's own Markdown entry type (not exported: imported from its file), to
 * check that a body rendered with its page is the one Astro's content layer
 * would have stored — found the same way in the file, rendered the same way.
 */
interface AstroEntryType {
	getEntryInfo(input: { contents: string; fileUrl: URL }): Promise<{ body: string }>;
	getRenderFunction(config: unknown): Promise<
		(entry: { id: string; data: object; body: string; filePath: string }) => Promise<{
			html: string;
		}>
	>;
}
const { markdownContentEntryType: astroMarkdown } = (await import(
	pathToFileURL(join(root, 'node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js'))
		.href
)) as { markdownContentEntryType: AstroEntryType };

const temp = mkdtempSync(join(tmpdir(), 'gongkai-markdown-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Files whose front matter and body are written in ways editors do write them. */
const EDGE_CASES: Record<string, string> = {
	'bom-crlf.md': '\uFEFF---\r\ntitle: 通知\r\n---\r\n\r\n# 标题\r\n\r\n正文。\r\n',
	'no-front-matter.md': '  正文第一段。\n\n第二段。\n',
	'leading-blank-lines.md':
		'\n\n---\ntitle: x\n---\n    缩进的第一行\n\n| 项目 | 金额 |\n|---|---:|\n| 收入 | 5 |\n',
	'fence-in-body.md':
		'---\ntitle: x\n---\n正文 --- 与 "引号" -- 破折号...\n\n---\n\n分隔线之后。\n',
	'code.md': '---\ntitle: x\n---\n说明：\n\n```js\nconst a = "引号";\n```\n',
	'html-and-links.md':
		'---\na: 1\n---\n<div class="note">说明</div>\n\n见<https://example.com>与[附件](./a.pdf)。\n',
};
for (const [name, text] of Object.entries(EDGE_CASES)) writeFileSync(join(temp, name), text);

describe('Markdown bodies rendered with their pages', () => {
	const files = [...demoFiles(/\.md$/), ...Object.keys(EDGE_CASES).map((name) => join(temp, name))];

	it('are found in the file as Astro finds them', async () => {
		expect(files.length).toBeGreaterThan(20);
		for (const file of files) {
			const contents = readFileSync(file, 'utf8');
			const { body } = await astroMarkdown.getEntryInfo({ contents, fileUrl: pathToFileURL(file) });
			expect(markdownBody(contents), file).toBe(body);
		}
	});

	it('are rendered as Astro renders them with the same settings', async () => {
		const render = await astroMarkdown.getRenderFunction({ markdown, image: {} });
		for (const file of files) {
			const contents = readFileSync(file, 'utf8');
			const { body } = await astroMarkdown.getEntryInfo({ contents, fileUrl: pathToFileURL(file) });
			const { html } = await render({ id: file, data: {}, body, filePath: file });
			expect(await bodyHtml({ filePath: file }), file).toBe(html);
		}
	});

	it('are Markdown entries stored without HTML, not MDX or YAML or those Astro rendered', () => {
		expect(rendersWithPage({ filePath: '../content/notices/2026/a.md' })).toBe(true);
		expect(
			rendersWithPage({ filePath: '../content/notices/2026/a.md', rendered: { html: '' } }),
		).toBe(false);
		expect(rendersWithPage({ filePath: 'content/notices/2026/a.mdx', deferredRender: true })).toBe(
			false,
		);
		expect(rendersWithPage({ filePath: 'content/model-workers/w.yaml' })).toBe(false);
	});
});

describe('mayShowImages', () => {
	it.each([
		['![运动会开幕式现场](./huodong.jpg)', true],
		['见下图：\n\n![图一][photo]\n\n[photo]: ./a.jpg', true],
		['<p><IMG src="./a.jpg" alt=""></p>', true],
		['感叹号！[不是图片](./a.pdf)', false],
		['正文，没有图片。', false],
	])('%s → %s', (body, expected) => {
		expect(mayShowImages(body)).toBe(expected);
	});
});
