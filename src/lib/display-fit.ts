/**
 * Text fitting for the lobby screen, decided at build: a screen never
 * scrolls, so a title picks a type size by its length and a summary is cut
 * at a sentence or clause end, with "…" and a QR code to the full page.
 * Widths are in ems: a CJK character is one em, Latin letters and digits
 * about half. CSS line clamping stays as the safety net.
 */

/** Width of `text` in ems: full-width (CJK, full-width punctuation) 1, anything else 0.55. */
export function textWidth(text: string): number {
	let width = 0;
	for (const char of text) width += isWide(char.codePointAt(0)!) ? 1 : 0.55;
	return width;
}

function isWide(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) || // Hangul Jamo
		(code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) || // CJK radicals … Yi, incl. 、。「」〔〕
		(code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
		(code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
		(code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
		(code >= 0xff00 && code <= 0xff60) || // full-width forms （），：
		(code >= 0xffe0 && code <= 0xffe6) ||
		code === 0x2014 || // — as Chinese text uses it (——)
		code === 0x201c || // “
		code === 0x201d || // ”
		code === 0x2026 || // …
		(code >= 0x20000 && code <= 0x3fffd) // CJK extensions B–H
	);
}

/** Type sizes a slide title can take; the stylesheet maps each to a size per orientation. */
export type TitleSize = 'xl' | 'l' | 'm' | 's';

/**
 * The size of a slide title: as large as lets it fit in two lines on a
 * portrait screen where possible, smaller (and up to four lines) when long.
 */
export function titleSize(title: string): TitleSize {
	const width = textWidth(title);
	if (width <= 22) return 'xl';
	if (width <= 34) return 'l';
	if (width <= 50) return 'm';
	return 's';
}

/** How much summary (in ems) each kind of slide has room for, on the smaller of the two orientations. */
export const SUMMARY_BUDGET = { urgent: 150, notice: 120, publicity: 76, worker: 84 } as const;

/** A text cut to fit; `clipped` says the reader needs the full page (the QR code). */
export interface Fitted {
	text: string;
	clipped: boolean;
}

const SENTENCE_END = /[。！？；!?;]/u;
const CLAUSE_END = /[，、：,:]/u;
/** A cut must keep this share of the budget, or it is made mid-clause instead. */
const MIN_KEEP = 0.6;

/**
 * Cuts `text` to `budget` ems: at the last sentence end that keeps most of
 * the budget, else the last clause end, else mid-text; "…" marks a cut
 * inside a sentence.
 */
export function clipText(text: string, budget: number): Fitted {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (textWidth(clean) <= budget) return { text: clean, clipped: false };
	const chars = [...clean];
	// Room for the ellipsis.
	const room = budget - 1;
	let width = 0;
	let fits = 0;
	while (fits < chars.length && width + textWidth(chars[fits]!) <= room)
		width += textWidth(chars[fits++]!);
	const head = chars.slice(0, fits);
	const minimum = Math.floor(fits * MIN_KEEP);
	const lastOf = (pattern: RegExp) => {
		for (let i = head.length - 1; i >= minimum; i--) if (pattern.test(head[i]!)) return i;
		return -1;
	};
	const sentence = lastOf(SENTENCE_END);
	// A whole sentence needs no ellipsis; the QR caption says there is more.
	if (sentence !== -1) return { text: head.slice(0, sentence + 1).join(''), clipped: true };
	const clause = lastOf(CLAUSE_END);
	if (clause !== -1) return { text: head.slice(0, clause).join('') + '…', clipped: true };
	return { text: head.join('').trimEnd() + '…', clipped: true };
}

/**
 * The body's prose (from `plainText` of src/lib/excerpt.ts) without the
 * salutation a letter opens with — 各分工会： / 各位代表： — which says
 * nothing on a screen. Only a whole first paragraph ending in a colon goes.
 */
export function withoutSalutation(prose: string): string {
	return prose.replace(/^[^。！？；：:\s]{1,20}[：:] +/u, '');
}

/** Result rows a leaderboard shows at most, per orientation (a row is one line at 1080p). */
export const LEADERBOARD_ROWS = { landscape: 7, portrait: 14 } as const;
