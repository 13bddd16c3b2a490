/**
 * Reads a content folder into raw entries: parsed YAML or front matter, the
 * body and where it starts, and the syntax problems found on the way. No
 * schema is applied here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { mdxToJs } from 'satteri';
import { parseDocument } from 'yaml';
import type { Problem } from '../problems.ts';

export const COLLECTIONS = [
	'units',
	'notices',
	'model-workers',
	'competitions',
	'policies',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** File endings that make an entry; anything else in a collection folder is an asset. */
export const ENTRY_EXTENSIONS: Record<CollectionName, readonly string[]> = {
	units: ['.yaml', '.yml'],
	notices: ['.md', '.mdx'],
	'model-workers': ['.md', '.mdx', '.yaml', '.yml'],
	competitions: ['.md', '.mdx', '.yaml', '.yml'],
	policies: ['.md', '.mdx', '.yaml', '.yml'],
};

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

export interface RawEntry {
	collection: CollectionName;
	/** Entry id: path inside the collection folder without extension. */
	id: string;
	/** Path relative to the content folder, `/`-separated. */
	file: string;
	/** Absolute path. */
	absolute: string;
	/** Parsed YAML (front matter or whole file); `undefined` after a syntax error. */
	data: Record<string, unknown> | undefined;
	/** Markdown/MDX body ('' for YAML entries). */
	body: string;
	/** Line in the file where the body starts (1-based). */
	bodyLine: number;
}

export interface ReadResult {
	site: { file: string; data: Record<string, unknown> | undefined };
	entries: RawEntry[];
	problems: Problem[];
}

/** True when `id` uses only `a-z 0-9 - /` in the contract's form. */
export function isValidId(id: string): boolean {
	return ID.test(id);
}

/** Parses YAML text; syntax errors become problems with their line. */
export function parseYaml(
	text: string,
	file: string,
	lineOffset = 0,
): { data: Record<string, unknown> | undefined; problems: Problem[] } {
	const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
	// Later YAML errors usually follow from the first one: report that one only.
	const problems: Problem[] = doc.errors.slice(0, 1).map((error) => ({
		file,
		field: '',
		code: 'yamlSyntax',
		line: (error.linePos?.[0]?.line ?? 0) + lineOffset || undefined,
		params: {
			found: (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
			yaml: error.code,
		},
	}));
	if (problems.length) return { data: undefined, problems };
	const value: unknown = doc.toJS();
	if (value === null || value === undefined) return { data: {}, problems };
	if (typeof value !== 'object' || Array.isArray(value)) {
		return { data: undefined, problems: [{ file, field: '', code: 'yamlNotMap', params: {} }] };
	}
	return { data: value as Record<string, unknown>, problems };
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits front matter from a Markdown/MDX file. */
export function splitFrontMatter(source: string): {
	yaml: string | undefined;
	body: string;
	bodyLine: number;
} {
	const text = source.replace(/^\uFEFF/, '');
	const m = FRONT_MATTER.exec(text);
	if (!m) return { yaml: undefined, body: text, bodyLine: 1 };
	const bodyLine = m[0].split('\n').length + (m[0].endsWith('\n') ? 0 : 1);
	return { yaml: m[1] ?? '', body: text.slice(m[0].length), bodyLine };
}

function mdxProblems(body: string, file: string, bodyLine: number): Problem[] {
	try {
		mdxToJs(body);
		return [];
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
		return [
			{
				file,
				field: 'body',
				code: 'mdxSyntax',
				line: m ? Number(m[1]) + bodyLine - 1 : undefined,
				params: { found: (m?.[3] ?? message).split('\n')[0] ?? '' },
			},
		];
	}
}

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((name) => !name.split(sep).some((part) => part.startsWith('.')))
		.filter((name) => statSync(join(dir, name)).isFile())
		.map((name) => name.split(sep).join('/'))
		.sort();
}

/** The entry files of a collection: paths inside its folder, `/`-separated, sorted. */
export function entryFiles(contentDir: string, collection: CollectionName): string[] {
	return listFiles(join(contentDir, collection)).filter((name) =>
		ENTRY_EXTENSIONS[collection].includes(extname(name).toLowerCase()),
	);
}

/** An entry's id: its file's path inside the collection folder, without the extension. */
export function entryId(name: string): string {
	return name.slice(0, -extname(name).length);
}

/** Reads one entry file. */
export function readEntry(
	contentDir: string,
	collection: CollectionName,
	name: string,
): { entry: RawEntry; problems: Problem[] } {
	const absolute = join(contentDir, collection, name);
	const file = relative(contentDir, absolute).split(sep).join('/');
	const ext = extname(name).toLowerCase();
	const id = entryId(name);
	const problems: Problem[] = [];
	if (!isValidId(id)) problems.push({ file, field: '', code: 'invalidId', params: { found: id } });
	const source = readFileSync(absolute, 'utf8');
	let data: Record<string, unknown> | undefined;
	let body = '';
	let bodyLine = 1;
	if (ext === '.yaml' || ext === '.yml') {
		const parsed = parseYaml(source.replace(/^\uFEFF/, ''), file);
		data = parsed.data;
		problems.push(...parsed.problems);
	} else {
		const split = splitFrontMatter(source);
		body = split.body;
		bodyLine = split.bodyLine;
		if (split.yaml === undefined) {
			problems.push({ file, field: '', code: 'noFrontMatter', params: {} });
		} else {
			const parsed = parseYaml(split.yaml, file, 1);
			data = parsed.data;
			problems.push(...parsed.problems);
		}
		if (ext === '.mdx') problems.push(...mdxProblems(body, file, bodyLine));
	}
	return { entry: { collection, id, file, absolute, data, body, bodyLine }, problems };
}

/** Reads `site.yaml` and every entry of every collection. */
export function readContent(contentDir: string): ReadResult {
	const problems: Problem[] = [];
	const sitePath = join(contentDir, 'site.yaml');
	let site: ReadResult['site'] = { file: 'site.yaml', data: undefined };
	if (!existsSync(sitePath)) {
		problems.push({
			file: 'site.yaml',
			field: '',
			code: 'missingSite',
			params: { found: contentDir },
		});
	} else {
		const parsed = parseYaml(readFileSync(sitePath, 'utf8').replace(/^\uFEFF/, ''), 'site.yaml');
		site = { file: 'site.yaml', data: parsed.data };
		problems.push(...parsed.problems);
	}
	const entries: RawEntry[] = [];
	for (const collection of COLLECTIONS) {
		for (const name of entryFiles(contentDir, collection)) {
			const { entry, problems: found } = readEntry(contentDir, collection, name);
			entries.push(entry);
			problems.push(...found);
		}
	}
	return { site, entries, problems };
}
