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

/**
 * Characters of a body's prose (runs of white space counted as one) that
 * anything summarising it reads at most: an excerpt ({@link EXCERPT_LENGTH})
 * and a lobby screen's summary (150 ems at most, 273 characters of the
 * narrowest, 0.55 em, after a salutation of up to 22: display-fit.ts).
 */
export const LEADING_PROSE = 400;

/**
 * A body's lines as plainText reads them — prose with its Markdown removed,
 * `''` for a paragraph break — and the blank lines outside code fences
 * (where a body can be cut without changing how the rest reads).
 */
function proseLines(raws: readonly string[]): {
	lines: string[];
	breaks: Array<{ raw: number; prose: number }>;
} {
	const lines: string[] = [];
	const breaks: Array<{ raw: number; prose: number }> = [];
	let fence: string | undefined;
	for (const [at, raw] of raws.entries()) {
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
		if (line === '') breaks.push({ raw: at, prose: lines.length });
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
	return { lines, breaks };
}

function joinProse(lines: readonly string[]): string {
	return lines
		.join('\n')
		.split(/\n{2,}/)
		.map((p) => p.replace(/\n/g, joinerFor(p)).trim())
		.filter(Boolean)
		.join(' ');
}

const normalised = (markdown: string) => markdown.replace(/\r\n?/g, '\n');

/** The body's prose as one line of plain text. */
export function plainText(markdown: string): string {
	return joinProse(proseLines(normalised(markdown).split('\n')).lines);
}

/**
 * The leading paragraphs of a body: up to the first blank line (outside
 * code fences) before which its plain text has at least `chars` characters,
 * or the whole body. The plain text of what is kept begins the body's own,
 * so an excerpt or a summary of up to `chars` characters is the same made
 * from either — the content store keeps only this much of a long body
 * (src/content.config.ts).
 */
export function leadingParagraphs(markdown: string, chars: number = LEADING_PROSE): string {
	const text = normalised(markdown);
	if (text.length <= chars) return markdown;
	const raw = text.split('\n');
	const { lines, breaks } = proseLines(raw);
	let rawLength = 0;
	let counted = 0;
	for (const at of breaks) {
		for (; counted < at.raw; counted++) rawLength += raw[counted]!.length + 1;
		// The plain text is never longer than the raw text it comes from: only then is it counted.
		if (
			rawLength >= chars &&
			[...joinProse(lines.slice(0, at.prose)).replace(/\s+/g, ' ')].length >= chars
		)
			return raw.slice(0, at.raw).join('\n');
	}
	return markdown;
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
