/**
 * `npm run schemas`: JSON Schemas for editors, generated from the zod schemas
 * of src/schemas/ (never written twice) into schemas/*.schema.json.
 *
 * - `io: 'input'`: the schemas describe what editors write (defaults are
 *   optional, civil dates are strings), not what pages receive.
 * - Descriptions come from the one-line doc comments on the zod fields, read
 *   with the TypeScript parser, so hovering a key in VS Code shows its meaning.
 * - Unknown keys are flagged (`additionalProperties: false`): in an editor a
 *   misspelt key (`pubicity`) is the most common mistake.
 *
 * `npm run schemas -- --check` exits 1 when a committed file is out of date.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import * as prettier from 'prettier';
import ts from 'typescript';
import { plainHelpers } from '../src/schemas/common.ts';
import { makeCompetitionSchema } from '../src/schemas/competitions.ts';
import { makeModelWorkerSchema } from '../src/schemas/model-workers.ts';
import { makeNoticeSchema } from '../src/schemas/notices.ts';
import { makePolicySchema } from '../src/schemas/policies.ts';
import { siteSchema } from '../src/schemas/site.ts';
import { makeUnitSchema } from '../src/schemas/units.ts';

const root = resolve(import.meta.dirname, '..');
const SCHEMA_SOURCES = join(root, 'src/schemas');
export const SCHEMAS_DIR = join(root, 'schemas');

/** Same shape as src/lib/dates.ts's CIVIL: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
const CIVIL_PATTERN =
	'^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([T ]([01]\\d|2[0-3]):[0-5]\\d)?$';

type JsonSchema = { [key: string]: unknown };

interface Target {
	/** Output name: `schemas/<name>.schema.json`. */
	name: string;
	/** What the file describes, shown as the schema title. */
	title: string;
	schema: z.ZodType;
	/** Source file and top-level declaration of the root zod object (anchors its doc comments). */
	source: { file: string; declaration: string };
}

const TARGETS: Target[] = [
	{
		name: 'site',
		title: 'Gongkai site.yaml — the union and site-wide settings',
		schema: siteSchema,
		source: { file: 'site.ts', declaration: 'siteSchema' },
	},
	{
		name: 'units',
		title: 'Gongkai units/*.yaml — one union body (组织)',
		schema: makeUnitSchema(plainHelpers),
		source: { file: 'units.ts', declaration: 'makeUnitSchema' },
	},
	{
		name: 'notices',
		title: 'Gongkai notices/** — 公示、通知、公告 (front matter)',
		schema: makeNoticeSchema(plainHelpers),
		source: { file: 'notices.ts', declaration: 'makeNoticeSchema' },
	},
	{
		name: 'model-workers',
		title: 'Gongkai model-workers/** — 劳模风采',
		schema: makeModelWorkerSchema(plainHelpers),
		source: { file: 'model-workers.ts', declaration: 'makeModelWorkerSchema' },
	},
	{
		name: 'competitions',
		title: 'Gongkai competitions/** — 劳动竞赛、技能比武、安康杯',
		schema: makeCompetitionSchema(plainHelpers),
		source: { file: 'competitions.ts', declaration: 'makeCompetitionSchema' },
	},
	{
		name: 'policies',
		title: 'Gongkai policies/** — 政策文件、制度、集体合同',
		schema: makePolicySchema(plainHelpers),
		source: { file: 'policies.ts', declaration: 'makePolicySchema' },
	},
];

/** A doc comment on a zod field, with where it sits in the source. */
export interface FieldDoc {
	file: string;
	/** The top-level function or constant it is written in. */
	declaration: string;
	/** Property names from that declaration's outermost object down to the field. */
	chain: string[];
	text: string;
}

function propertyName(name: ts.PropertyName): string | undefined {
	if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
		return name.text;
	return undefined;
}

/** Reads every `/** … *\/` comment written on an object property in a schema source file. */
export function fieldDocs(file: string, source: string): FieldDoc[] {
	const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
	const docs: FieldDoc[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isPropertyAssignment(node)) {
			const text = ts
				.getJSDocCommentsAndTags(node)
				.filter(ts.isJSDoc)
				.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
				.join(' ')
				.trim();
			const name = propertyName(node.name);
			if (text && name !== undefined) {
				const chain = [name];
				let declaration = '';
				for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
					if (ts.isPropertyAssignment(p)) {
						const n = propertyName(p.name);
						if (n !== undefined) chain.unshift(n);
					}
					if (p.parent && ts.isSourceFile(p.parent)) {
						if (ts.isFunctionDeclaration(p)) declaration = p.name?.text ?? '';
						else if (ts.isVariableStatement(p)) {
							const d = p.declarationList.declarations[0];
							declaration = d && ts.isIdentifier(d.name) ? d.name.text : '';
						}
						break;
					}
				}
				docs.push({ file, declaration, chain, text });
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return docs;
}

const endsWith = (path: string[], suffix: string[]) =>
	suffix.length <= path.length &&
	suffix.every((s, i) => path[path.length - suffix.length + i] === s);

/**
 * The doc comment for a field at `path` of a target: first one written at
 * exactly that place in the target's own schema, else one written in a
 * shared building block (publicity, honour, result row, attachment) whose
 * field names end the path — the target's own file first, then common.ts.
 */
export function describe(
	path: string[],
	target: Target['source'],
	docs: FieldDoc[],
	roots: Set<string>,
): string | undefined {
	const anchored = docs.find(
		(d) =>
			d.file === target.file &&
			d.declaration === target.declaration &&
			d.chain.join('.') === path.join('.'),
	);
	if (anchored) return anchored.text;
	const rank = (d: FieldDoc) => (d.file === target.file ? 0 : 1);
	const floating = docs
		.filter(
			(d) =>
				(d.file === target.file || d.file === 'common.ts') &&
				!roots.has(d.declaration) &&
				endsWith(path, d.chain),
		)
		.sort((a, b) => rank(a) - rank(b) || b.chain.length - a.chain.length);
	return floating[0]?.text;
}

/** Walks a JSON Schema, calling `visit` on every property schema with its path of property names. */
function walk(
	node: unknown,
	path: string[],
	visit: (schema: JsonSchema, path: string[]) => void,
): void {
	if (!node || typeof node !== 'object') return;
	const schema = node as JsonSchema;
	const props = schema.properties as Record<string, JsonSchema> | undefined;
	if (props) {
		for (const [key, child] of Object.entries(props)) {
			visit(child, [...path, key]);
			walk(child, [...path, key], visit);
		}
	}
	for (const key of ['items', 'additionalProperties'] as const) {
		if (schema[key] && typeof schema[key] === 'object') walk(schema[key], path, visit);
	}
	for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
		for (const child of (schema[key] as unknown[] | undefined) ?? []) walk(child, path, visit);
	}
}

function closeObjects(node: unknown): void {
	if (!node || typeof node !== 'object') return;
	if (Array.isArray(node)) return node.forEach(closeObjects);
	const schema = node as JsonSchema;
	if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) {
		schema.additionalProperties = false;
	}
	for (const value of Object.values(schema)) closeObjects(value);
}

/** Turns one zod schema into the JSON Schema editors get. */
function toJson(target: Target, docs: FieldDoc[], roots: Set<string>): JsonSchema {
	const json = z.toJSONSchema(target.schema, {
		io: 'input',
		// draft-07: the widest support in editors (yaml-language-server, JetBrains).
		target: 'draft-07',
		unrepresentable: 'any',
		override: ({ zodSchema, jsonSchema }) => {
			const def = zodSchema._zod.def;
			// civilDate(): a string or a YAML timestamp → for editors, a civil date string.
			if (def.type === 'union' && 'options' in def) {
				const options = (def.options as z.ZodType[]).map((o) => o._zod.def.type);
				if (options.includes('date') && options.includes('string')) {
					for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
					Object.assign(jsonSchema, {
						type: 'string',
						pattern: CIVIL_PATTERN,
						examples: ['2026-10-08', '2026-10-08T09:30'],
					});
				}
			}
		},
	}) as JsonSchema;
	walk(json, [], (schema, path) => {
		const text = describe(path, target.source, docs, roots);
		if (text && schema.description === undefined) schema.description = text;
	});
	closeObjects(json);
	// Keep `$schema` first, then a title, then the rest in zod's order.
	const { $schema, ...rest } = json;
	return {
		$schema,
		$id: `https://gongkai.invalid/schemas/${target.name}.schema.json`,
		title: target.title,
		...rest,
	};
}

/** Every generated file: name → JSON text, formatted as Prettier would (so `npm run format` leaves it alone). */
export async function generateSchemas(): Promise<Map<string, string>> {
	const docs = readdirSync(SCHEMA_SOURCES)
		.filter((f) => f.endsWith('.ts'))
		.flatMap((f) => fieldDocs(f, readFileSync(join(SCHEMA_SOURCES, f), 'utf8')));
	const roots = new Set(TARGETS.map((t) => t.source.declaration));
	const out = new Map<string, string>();
	for (const target of TARGETS) {
		const name = `${target.name}.schema.json`;
		const filepath = join(SCHEMAS_DIR, name);
		const options = { ...(await prettier.resolveConfig(filepath)), filepath };
		out.set(name, await prettier.format(JSON.stringify(toJson(target, docs, roots)), options));
	}
	return out;
}

/** Names of files in schemas/ that differ from what the zod schemas generate now. */
export async function staleSchemas(dir = SCHEMAS_DIR): Promise<string[]> {
	const stale: string[] = [];
	for (const [name, text] of await generateSchemas()) {
		const file = join(dir, name);
		if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(name);
	}
	return stale;
}

async function main(): Promise<number> {
	if (process.argv.includes('--check')) {
		const stale = await staleSchemas();
		if (stale.length) {
			console.error(
				`schemas/ is out of date (${stale.join(', ')}): run npm run schemas and commit the result.`,
			);
			return 1;
		}
		console.log('schemas/ is up to date.');
		return 0;
	}
	mkdirSync(SCHEMAS_DIR, { recursive: true });
	for (const [name, text] of await generateSchemas()) writeFileSync(join(SCHEMAS_DIR, name), text);
	console.log(`✓ schemas/ (${TARGETS.length} files)`);
	return 0;
}

if (import.meta.main) process.exitCode = await main();
