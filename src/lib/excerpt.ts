/**
 * A plain-text excerpt of a Markdown/MDX body, for list items, meta
 * descriptions and feeds when the editor wrote no `summary`: the first
 * paragraphs of prose, without headings, tables, code, images, MDX imports
 * or JSX, cut at a sentence end when one falls near the limit.
 */

/** Characters an excerpt aims at (CJK text is dense: 120 characters is two lines on a PC). */
export const EXCERPT_LENGTH = 120;

/** Sentence ends after which an excerpt may stop. */
const SENTENCE_END = /[。！？；.!?;]/u;

/** The body's prose as one line of plain text. */
export function plainText(markdown: string): string {
	const lines: string[] = [];
	let fence: string | undefined;
	for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		const fenceMark = /^(```|~~~)/.exec(line)?.[1];
		if (fence) {
			if (fenceMark === fence) fence = undefined;
			continue;
		}
		if (fenceMark) {
			fence = fenceMark;
			continue;
		}
		if (
			line === '' ||
			/^#{1,6}\s/.test(line) || // headings
			/^\|/.test(line) || // tables
			/^(import|export)\s/.test(line) || // MDX
			/^<\/?[A-Za-z]/.test(line) || // JSX / HTML blocks
			/^([-*_])(\s*\1){2,}$/.test(line) // thematic breaks
		) {
			lines.push('');
			continue;
		}
		lines.push(inline(line.replace(/^>\s?/, '').replace(/^([-*+]|\d+[.)])\s+/, '')));
	}
	return lines
		.join('\n')
		.split(/\n{2,}/)
		.map((p) => p.replace(/\n/g, joinerFor(p)).trim())
		.filter(Boolean)
		.join(' ');
}

/** About `length` characters of the body's prose, ending at a sentence end when possible, else with an ellipsis. */
export function excerpt(markdown: string, length: number = EXCERPT_LENGTH): string {
	const text = plainText(markdown);
	const chars = [...text];
	if (chars.length <= length) return text;
	const head = chars.slice(0, length);
	// Prefer the last sentence end in the final third of the excerpt.
	for (let i = head.length - 1; i >= Math.floor(length * 0.6); i--) {
		if (SENTENCE_END.test(head[i]!)) return head.slice(0, i + 1).join('');
	}
	return head.join('').replace(/[，,、：:\s]+$/u, '') + '…';
}

function inline(text: string): string {
	return text
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links
		.replace(/<[^>]+>/g, '') // inline HTML/JSX
		.replace(/\{[^}]*\}/g, '') // MDX expressions
		.replace(/(\*\*|__|\*|_|~~|`)(.+?)\1/g, '$2') // emphasis, code
		.replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1');
}

// Chinese lines wrap without spaces; Latin words need one.
function joinerFor(paragraph: string): string {
	return /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/u.test(paragraph) ? '' : ' ';
}
