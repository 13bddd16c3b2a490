/**
 * Per-entry facts pages need beyond the schema output: the publishing unit's
 * id, a summary (given or taken from the body), attachments with format and
 * size, competition results ranked (inline or from the CSV next to the
 * entry), the notice facts the home and status rules read, and the source
 * file's path inside the content folder (for its git history).
 */
import { statSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseCsv, resultRowsFromCsv } from '../lib/csv.ts';
import { excerpt } from '../lib/excerpt.ts';
import { fileFormat } from '../lib/format.ts';
import type { NoticeFacts } from '../lib/notice-view.ts';
import { rankResults, type RankedRow, type ResultRow, type ResultType } from '../lib/ranking.ts';
import { resolveContentDir } from '../lib/content-dir.ts';
import type { Competition, ModelWorker, Notice, Policy } from './index.ts';

/** A collection that has pages. */
export type PageCollection = 'notices' | 'model-workers' | 'competitions' | 'policies' | 'units';

/**
 * The id a reference points to. Astro's `reference()` gives `{ id, collection }`
 * at run time while the schema types say `string`; both are accepted.
 */
export function refId(ref: unknown): string {
	if (typeof ref === 'string') return ref;
	if (ref && typeof ref === 'object' && 'id' in ref && typeof ref.id === 'string') return ref.id;
	throw new TypeError(`Not a reference: ${JSON.stringify(ref)}`);
}

/** The path of an entry's page under the site base, e.g. `notices/2026/x/`. */
export function entryPath(collection: PageCollection, id: string): string {
	return `${collection}/${id}/`;
}

/**
 * The address of an entry's page online (`base` is the site's sub-path,
 * `import.meta.env.BASE_URL`), for QR codes; undefined without the site's `url`.
 */
export function entryUrl(
	collection: PageCollection,
	id: string,
	site: { url?: string | undefined },
	base: string,
): string | undefined {
	return site.url ? new URL(base + entryPath(collection, id), site.url).href : undefined;
}

/** The sub-path the site is served under (with slashes): BASE, else the path of site.yaml's `url`, else `/`. */
export function siteBase(url: string | undefined): string {
	const path = process.env.BASE ?? (url ? new URL(url).pathname : '/');
	return path.endsWith('/') ? path : `${path}/`;
}

/** The address of the site's home page online (with its sub-path `base`); undefined without the site's `url`. */
export function siteUrl(site: { url?: string | undefined }, base: string): string | undefined {
	return site.url ? new URL(base, site.url).href : undefined;
}

/** Absolute path of an entry's source file. */
export function sourceFile(entry: { filePath?: string | undefined }): string {
	if (!entry.filePath) throw new Error('Entry has no file path');
	return resolve(process.cwd(), entry.filePath);
}

/** The entry's file relative to the content folder (`notices/2026/x.md`), as git and editors name it. */
export function contentFile(entry: { filePath?: string | undefined }): string {
	return relative(resolveContentDir(), sourceFile(entry)).split(sep).join('/');
}

/** Excerpts already made, by entry: a notice is summarised on every list it is in. */
const excerpts = new WeakMap<object, string>();

/** The summary the editor wrote, or an excerpt of the body (the content store keeps a body only where there is no summary, and only its leading paragraphs: `lean` in src/content.config.ts). */
export function summaryOf(entry: {
	data: { summary?: string | undefined };
	body?: string | undefined;
}): string {
	if (entry.data.summary !== undefined) return entry.data.summary;
	let made = excerpts.get(entry);
	if (made === undefined) excerpts.set(entry, (made = excerpt(entry.body ?? '')));
	return made;
}

/** The publishing unit of a notice, model worker or policy (`undefined` for a policy with an external issuer). */
export function unitOf(entry: Notice | ModelWorker | Policy): string | undefined {
	const unit: unknown = entry.data.unit;
	return unit === undefined ? undefined : refId(unit);
}

/** The facts of a notice that the home page and status rules read. */
export function noticeFacts(n: Notice): NoticeFacts {
	const d = n.data;
	return {
		id: n.id,
		date: d.date,
		unit: refId(d.unit),
		pinned: d.pinned,
		urgent: d.urgent,
		withdrawn: d.withdrawn !== undefined,
		...(d.expires === undefined ? {} : { expires: d.expires }),
		...(d.publicity === undefined
			? {}
			: { publicity: { start: d.publicity.start, end: d.publicity.end } }),
	};
}

/** A downloadable file as the reader sees it. */
export interface AttachmentView {
	title: string;
	/** Path under the site base where the post-build step publishes it. */
	path: string;
	/** PDF, DOCX, XLSX, CSV … */
	format: string;
	/** Bytes; `undefined` if the file could not be read. */
	size: number | undefined;
}

/** Attachments of a notice or policy, published at `<collection>/<id>/<file name>`. */
export function attachmentsOf(
	collection: 'notices' | 'policies',
	entry: Notice | Policy,
): AttachmentView[] {
	const folder = dirname(sourceFile(entry));
	return entry.data.attachments.map((a) => {
		let size: number | undefined;
		try {
			size = statSync(resolve(folder, a.file)).size;
		} catch {
			size = undefined;
		}
		return {
			title: a.title,
			path: `${collection}/${entry.id}/${basename(a.file)}`,
			format: fileFormat(a.file),
			size,
		};
	});
}

/** A ranked result row with its unit as an id. */
export type ResultView = RankedRow & { unit: string; type: ResultType };

const resultsCache = new Map<string, ResultView[]>();

/**
 * The results of a competition, ranked (ties share a rank; rows without
 * score or rank last): the inline `results`, or the `resultsFile` CSV next
 * to the entry. Empty when there are none yet. Cached per build.
 */
export function competitionResults(entry: Competition): ResultView[] {
	const cached = resultsCache.get(entry.id);
	if (cached) return cached;
	const d = entry.data;
	let rows: ResultRow[] = [];
	if (d.results) {
		rows = d.results.map((r) => normaliseRow(r as unknown as Record<string, unknown>));
	} else if (d.resultsFile) {
		const bytes = readFileSync(resolve(dirname(sourceFile(entry)), d.resultsFile));
		const parsed = resultRowsFromCsv(
			parseCsv(bytes),
			d.metrics.map((m) => m.key),
		);
		rows = parsed.rows.map(({ row }) => normaliseRow(row));
	}
	const ranked = rankResults(rows, d.order) as ResultView[];
	resultsCache.set(entry.id, ranked);
	return ranked;
}

// Inline rows come from the schema (unit is a reference); CSV rows are raw strings and numbers.
function normaliseRow(row: Record<string, unknown>): ResultRow {
	const out: ResultRow = {
		name: String(row.name ?? ''),
		type: row.type === '团队' ? '团队' : '个人',
		unit: refId(row.unit),
	};
	if (typeof row.rank === 'number') out.rank = row.rank;
	if (typeof row.score === 'number') out.score = row.score;
	if (row.scores && typeof row.scores === 'object')
		out.scores = row.scores as Record<string, number>;
	if (typeof row.award === 'string' && row.award) out.award = row.award;
	if (typeof row.note === 'string' && row.note) out.note = row.note;
	return out;
}

/** The units a competition belongs to: its organiser and every unit with a result row. */
export function competitionUnits(entry: Competition): string[] {
	return [refId(entry.data.organizer), ...competitionResults(entry).map((r) => r.unit)];
}
