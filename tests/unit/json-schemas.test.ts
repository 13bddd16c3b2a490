import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	SCHEMAS_DIR,
	fieldDocs,
	generateSchemas,
	staleSchemas,
} from '../../scripts/json-schemas.ts';
import { readContent } from '../../src/lib/validate/read.ts';

const CONTENT = join(import.meta.dirname, '../../content');
type Schema = { properties: Record<string, Schema>; items?: Schema; description?: string };
const load = (name: string): Schema =>
	JSON.parse(readFileSync(join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8'));

/** The schema of the field at `path`, stepping into array items on the way. */
const at = (schema: Schema, path: string[]): Schema | undefined =>
	path.reduce<Schema | undefined>((node, key) => (node?.items ?? node)?.properties[key], schema);

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
const validator = (name: string) => {
	if (!compiled.has(name)) compiled.set(name, ajv.compile(load(name)));
	return compiled.get(name)!;
};

describe('schemas/*.schema.json', () => {
	it('are up to date with src/schemas/ (run npm run schemas)', async () => {
		expect(await staleSchemas()).toEqual([]);
	});

	it('are generated deterministically', async () => {
		const [a, b] = [await generateSchemas(), await generateSchemas()];
		expect([...a.entries()]).toEqual([...b.entries()]);
	});

	it('accept every entry of the demo union', () => {
		const { site, entries } = readContent(CONTENT);
		const failures: string[] = [];
		const check = (schema: string, file: string, data: unknown) => {
			const validate = validator(schema);
			if (!validate(data)) failures.push(`${file}: ${ajv.errorsText(validate.errors)}`);
		};
		check('site', site.file, site.data);
		for (const entry of entries) check(entry.collection, entry.file, entry.data);
		expect(entries.length).toBeGreaterThan(40);
		expect(failures).toEqual([]);
	});
});

describe('the notices schema', () => {
	const good = {
		title: '关于开展秋季登山活动的通知',
		category: '通知',
		unit: 'hq',
		date: '2026-10-08',
	};
	let validate: ReturnType<typeof validator>;
	beforeAll(() => {
		validate = validator('notices');
	});

	it.each([
		['a date with a time', { ...good, date: '2026-10-08T09:30' }],
		[
			'a 公示 with working days',
			{
				...good,
				category: '公示',
				publicity: { start: '2026-10-08', workingDays: 5, contact: '工会办公室' },
			},
		],
		[
			'tags and attachments',
			{ ...good, tags: ['活动'], attachments: [{ title: '报名表', file: 'form.docx' }] },
		],
	])('accepts %s', (_name, data) => {
		expect(validate(data), ajv.errorsText(validate.errors)).toBe(true);
	});

	it.each([
		['a misspelt key', { ...good, pubicity: {} }, 'must NOT have additional properties'],
		[
			'a category that is not offered',
			{ ...good, category: '通告' },
			'must be equal to one of the allowed values',
		],
		['an impossible month', { ...good, date: '2026-13-01' }, 'must match pattern'],
		['a Chinese date', { ...good, date: '2026年10月8日' }, 'must match pattern'],
		['no title', { ...good, title: undefined }, "must have required property 'title'"],
		['an empty title', { ...good, title: '' }, 'must NOT have fewer than 1 characters'],
		[
			'too many working days',
			{ ...good, publicity: { start: '2026-10-08', workingDays: 90, contact: 'x' } },
			'must be <= 60',
		],
		[
			'an attachment without a file',
			{ ...good, attachments: [{ title: '报名表' }] },
			"must have required property 'file'",
		],
	])('rejects %s', (_name, data, message) => {
		expect(validate(JSON.parse(JSON.stringify(data)))).toBe(false);
		expect(ajv.errorsText(validate.errors)).toContain(message);
	});
});

describe('descriptions from the doc comments', () => {
	it.each([
		['notices', ['date'], 'Publication date (发布日期); a future date is published on that day.'],
		[
			'notices',
			['publicity', 'contact'],
			'Where to raise objections (异议反馈): office, person, phone, e-mail.',
		],
		['notices', ['attachments', 'title'], 'What the reader sees as the link text.'],
		['competitions', ['metrics', 'unit'], 'Unit of measure, e.g. 分, 秒.'],
		['competitions', ['results', 'unit'], 'Unit of the person or team.'],
		['model-workers', ['honours', 'level'], 'One of 全国, 省部级, 市级, 集团, 公司, 其他.'],
		['site', ['display', 'slideSeconds'], 'Seconds each slide stays up; default 15.'],
	])('%s › %j reads as written in src/schemas/', (name, path, text) => {
		expect(at(load(name), path)?.description).toBe(text);
	});

	it('finds the field chain and the declaration of a doc comment', () => {
		const source = [
			'export function makeX() {',
			'\treturn z.object({',
			'\t\t/** Outer. */',
			'\t\ta: z.object({',
			'\t\t\t/** Inner. */',
			'\t\t\tb: z.string(),',
			'\t\t}),',
			'\t});',
			'}',
			'const y = z.object({',
			'\t/** Why. */',
			'\tc: z.string(),',
			'});',
		].join('\n');
		expect(fieldDocs('x.ts', source)).toEqual([
			{ file: 'x.ts', declaration: 'makeX', chain: ['a'], text: 'Outer.' },
			{ file: 'x.ts', declaration: 'makeX', chain: ['a', 'b'], text: 'Inner.' },
			{ file: 'x.ts', declaration: 'y', chain: ['c'], text: 'Why.' },
		]);
	});
});
