/**
 * QR codes as inline SVG, made at build (the `qrcode` package): the printed
 * 公示 carries one that opens its page online; lobby screens reuse it. No
 * image request, no script; black on white whatever the colour scheme, so
 * phones can read it from paper and from screens.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import QRCode from 'qrcode';
import { escapeHtml } from './html.ts';

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
		`aria-label="${escapeHtml(options.label)}"`,
		options.className ? `class="${escapeHtml(options.className)}"` : '',
	]
		.filter(Boolean)
		.join(' ');
	// The generator writes one `<svg …>` start tag; the title gives the image its name in every reader.
	return svg
		.trim()
		.replace(/^<svg /, `<svg ${attributes} `)
		.replace(/^(<svg[^>]*>)/, `$1<title>${escapeHtml(options.label)}</title>`);
}

/** The generator's options: error correction M, a 2-module quiet zone. */
const OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 2 } as const;

/**
 * The text as one byte-mode segment (any URL can be written so), sparing
 * the generator its search for the shortest mix of modes (a fifth of its time).
 */
const segments = (text: string) => [
	{ data: new TextEncoder().encode(text), mode: 'byte' as const },
];

/** The generator in this thread (the worker's fallback, and its reference). */
export function symbolHere(text: string): Promise<string> {
	return QRCode.toString(segments(text), OPTIONS);
}

/**
 * The generator in a worker thread. A build makes a code for every notice
 * (its printed sheet) and choosing the best mask pattern — what makes a code
 * easy to scan — is costly: done here it held up rendering (≈ 0.6 ms a code,
 * 6 s of a 10,000-notice build); in a worker it runs on another core while
 * the pages render. The worker keeps the process alive only while it has
 * codes to make.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const QRCode = require(workerData.qrcode);
parentPort.on('message', async (jobs) => {
	let made = [];
	for (const { id, text } of jobs) {
		try {
			made.push({ id, svg: await QRCode.toString([{ data: new TextEncoder().encode(text), mode: 'byte' }], workerData.options) });
		} catch (error) {
			made.push({ id, error: String((error && error.message) || error) });
		}
		if (made.length === workerData.batch) {
			parentPort.postMessage(made);
			made = [];
		}
	}
	if (made.length > 0) parentPort.postMessage(made);
});
`;

/**
 * Codes go back to the rendering thread this many at a time. Every message
 * is a hand-off between the threads; one per code cost the rendering thread
 * ≈ 0.2 ms (2 s of a 10,000-notice build) on a machine whose cores are busy.
 */
const BATCH = 32;

interface Pending {
	text: string;
	done: (svg: string) => void;
	fail: (error: Error) => void;
}

let worker: Worker | undefined | null;
const pending = new Map<number, Pending>();

/** Whether codes are made in the worker thread (false before the first code, or if it could not start). */
export function qrWorkerRunning(): boolean {
	return Boolean(worker);
}
let nextId = 0;

function startWorker(): Worker | null {
	try {
		const started = new Worker(WORKER, {
			eval: true,
			workerData: {
				qrcode: createRequire(import.meta.url).resolve('qrcode'),
				options: OPTIONS,
				batch: BATCH,
			},
		});
		started.on('message', (made: Array<{ id: number; svg?: string; error?: string }>) => {
			for (const { id, svg, error } of made) {
				const waiting = pending.get(id);
				pending.delete(id);
				if (error !== undefined || svg === undefined) waiting?.fail(new Error(error));
				else waiting?.done(svg);
			}
			if (pending.size === 0) started.unref();
		});
		// A worker that cannot run: every code still waiting is made here instead.
		started.on('error', () => {
			worker = null;
			queued = [];
			for (const [id, waiting] of pending) {
				pending.delete(id);
				symbolHere(waiting.text).then(waiting.done, waiting.fail);
			}
		});
		started.unref();
		return started;
	} catch {
		return null;
	}
}

/** Codes asked for since the last message to the worker: sent together, once this turn of the event loop is over. */
let queued: Array<{ id: number; text: string }> = [];

function inWorker(text: string): Promise<string> {
	if (worker === undefined) worker = startWorker();
	if (!worker) return symbolHere(text);
	const id = nextId++;
	const running = worker;
	return new Promise<string>((done, fail) => {
		pending.set(id, { text, done, fail });
		if (pending.size === 1) running.ref();
		queued.push({ id, text });
		if (queued.length === 1)
			setImmediate(() => {
				const jobs = queued;
				queued = [];
				if (jobs.length > 0 && worker === running) running.postMessage(jobs);
			});
	});
}

/**
 * The environment variable naming a file of codes made ahead: a JSON object
 * from text to the generator's SVG ({@link codesAhead}). `npm run build`
 * makes it while Astro is still syncing content and bundling on one core
 * (scripts/qr-ahead.ts); the pages then find their codes made.
 */
export const QR_AHEAD_ENV = 'GONGKAI_QR_AHEAD';

/** The codes made ahead, once their file is complete (it appears whole, by rename). */
let ahead: Map<string, string> | undefined;
function madeAhead(text: string): string | undefined {
	const file = process.env[QR_AHEAD_ENV];
	if (!file) return undefined;
	if (ahead === undefined) {
		if (!existsSync(file)) return undefined;
		try {
			ahead = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as object));
		} catch {
			ahead = new Map();
		}
	}
	const svg = ahead.get(text);
	return typeof svg === 'string' ? svg : undefined;
}

/** The generator's SVG of each text, in this thread: what the file of codes made ahead holds. */
export async function codesAhead(texts: Iterable<string>): Promise<Record<string, string>> {
	const codes: Record<string, string> = {};
	for (const text of texts) if (!Object.hasOwn(codes, text)) codes[text] = await symbolHere(text);
	return codes;
}

/**
 * The generator's SVG for `text`, made once per text: a notice's code is on
 * its page and on every lobby screen that shows it.
 */
const symbols = new Map<string, Promise<string>>();
function symbol(text: string): Promise<string> {
	let svg = symbols.get(text);
	if (!svg) {
		const made = madeAhead(text);
		svg = made === undefined ? inWorker(text) : Promise.resolve(made);
		symbols.set(text, svg);
		// A bound, should a build ask for a great many different codes.
		if (symbols.size > 50_000) symbols.delete(symbols.keys().next().value!);
	}
	return svg;
}

/**
 * Starts making the codes of `texts` (in this order) before a page asks for
 * them: the notice route passes every notice's address when it lists its
 * pages, and the worker then keeps ahead of the rendering.
 */
export function prepareQrCodes(texts: Iterable<string>): void {
	for (const text of texts) {
		if (symbols.has(text)) continue;
		// Made for a page that will ask for it; a failure is reported to that page.
		symbol(text).catch(() => {});
	}
}
