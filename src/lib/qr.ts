/**
 * QR codes as inline SVG, made at build (the `qrcode` package): the printed
 * 公示 carries one that opens its page online; lobby screens reuse it. No
 * image request, no script; black on white whatever the colour scheme, so
 * phones can read it from paper and from screens.
 */
import QRCode from 'qrcode';

export interface QrOptions {
	/** Accessible name of the image, e.g. "扫码查看网页版". */
	label: string;
	/** Extra class on the `<svg>`. */
	className?: string;
}

/** An `<svg role="img">` QR code (sized by CSS through its class) of `text` (error correction M, 2-module quiet zone). */
export async function qrSvg(text: string, options: QrOptions): Promise<string> {
	const svg = await symbol(text);
	const attributes = [
		'role="img"',
		`aria-label="${escapeAttribute(options.label)}"`,
		options.className ? `class="${escapeAttribute(options.className)}"` : '',
	]
		.filter(Boolean)
		.join(' ');
	// The generator writes one `<svg …>` start tag; the title gives the image its name in every reader.
	return svg
		.trim()
		.replace(/^<svg /, `<svg ${attributes} `)
		.replace(/^(<svg[^>]*>)/, `$1<title>${escapeText(options.label)}</title>`);
}

/**
 * The generator's SVG for `text`, made once per text: a notice's code is on
 * its page and on every lobby screen that shows it, and choosing the best
 * mask pattern (what makes a code easy to scan) is the costly part.
 */
const symbols = new Map<string, Promise<string>>();
function symbol(text: string): Promise<string> {
	let svg = symbols.get(text);
	if (!svg) {
		svg = QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
		symbols.set(text, svg);
		// A bound, should a build ask for a great many different codes.
		if (symbols.size > 50_000) symbols.delete(symbols.keys().next().value!);
	}
	return svg;
}

function escapeAttribute(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/"/g, '&quot;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

function escapeText(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
