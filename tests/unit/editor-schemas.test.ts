/**
 * The editor wiring works as VS Code runs it: yaml-language-server (the
 * engine of the YAML extension) with the `yaml.schemas` mapping of
 * .vscode/settings.json validates the demo's YAML clean, flags mistakes,
 * explains fields on hover and completes missing ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const require = createRequire(join(root, 'package.json'));

interface Diagnostic {
	message: string;
	severity?: number;
	range: { start: { line: number } };
}
interface LanguageService {
	configure(settings: Record<string, unknown>): void;
	doValidation(document: unknown, isKubernetes: boolean): Promise<Diagnostic[]>;
	doHover(
		document: unknown,
		position: { line: number; character: number },
	): Promise<{ contents: { value: string } } | null>;
	doComplete(
		document: unknown,
		position: { line: number; character: number },
		isKubernetes: boolean,
	): Promise<{ items: Array<{ label: string }> }>;
}
const { getLanguageService } = require('yaml-language-server') as {
	getLanguageService(params: Record<string, unknown>): LanguageService;
};
const { TextDocument } = require('vscode-languageserver-textdocument') as {
	TextDocument: { create(uri: string, language: string, version: number, text: string): unknown };
};

/** .vscode/settings.json is JSON with comments. */
const settings = JSON.parse(
	readFileSync(join(root, '.vscode/settings.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
) as { 'yaml.schemas': Record<string, string[]>; 'yaml.yamlVersion': string };
const mapping = settings['yaml.schemas'];

const service = getLanguageService({
	schemaRequestService: async (uri: string) => readFileSync(new URL(uri), 'utf8'),
	workspaceContext: {
		resolveRelativePath: (path: string, resource: string) => new URL(path, resource).href,
	},
});
service.configure({
	validate: true,
	hover: true,
	completion: true,
	yamlVersion: settings['yaml.yamlVersion'],
	schemas: Object.entries(mapping).map(([schema, globs]) => ({
		uri: pathToFileURL(join(root, schema)).href,
		fileMatch: globs.map((g) => `**/${g}`),
	})),
});

const doc = (file: string, text: string) =>
	TextDocument.create(pathToFileURL(join(root, file)).href, 'yaml', 1, text);

/** The schema .vscode/settings.json maps a repository path to. */
const schemaFor = (file: string) =>
	Object.entries(mapping).find(([, globs]) => globs.some((g) => matchesGlob(file, g)))?.[0];

const demoYaml = (
	readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }) as string[]
)
	.filter((f) => /\.ya?ml$/.test(f))
	.map((f) =>
		relative(root, join(root, 'content', f))
			.split('\\')
			.join('/'),
	)
	.sort();

describe('YAML in VS Code (yaml-language-server + .vscode/settings.json)', () => {
	it('maps every YAML file of the demo to a schema', () => {
		expect(demoYaml.length).toBeGreaterThan(15);
		expect(demoYaml.filter((f) => !schemaFor(f))).toEqual([]);
		expect(schemaFor('content/units/hq.yaml')).toBe('./schemas/units.schema.json');
		expect(schemaFor('content/competitions/2026/dongji-baojiaofu.yaml')).toBe(
			'./schemas/competitions.schema.json',
		);
	});

	it.each(demoYaml)('%s has no problem', async (file) => {
		const problems = await service.doValidation(
			doc(file, readFileSync(join(root, file), 'utf8')),
			false,
		);
		expect(problems.map((p) => p.message)).toEqual([]);
	});

	it('flags a misspelt key and a wrong type, on their lines', async () => {
		const text = 'name: 技术中心分工会\nparent: hq\norder: 一\nmember: 412\n';
		const problems = await service.doValidation(doc('content/units/new.yaml', text), false);
		expect(problems.map((p) => `${p.range.start.line + 1}: ${p.message}`)).toEqual([
			'3: Incorrect type. Expected "number".',
			'4: Property member is not allowed.',
		]);
	});

	it('flags a category that is not offered and a month that does not exist', async () => {
		const text = 'title: 集体合同\ncategory: 合同\nunit: hq\nissued: 2026-13-01\n';
		const problems = await service.doValidation(doc('content/policies/x.yaml', text), false);
		const messages = problems.map((p) => p.message).join('\n');
		expect(messages).toMatch(/Value is not accepted\. Valid values: "集体合同"/);
		expect(messages).toMatch(/String does not match the pattern/);
	});

	it('explains a field on hover, from the doc comment in src/schemas/', async () => {
		const hover = await service.doHover(
			doc('content/units/tech-center.yaml', 'name: x\nparent: hq\n'),
			{ line: 1, character: 2 },
		);
		expect(hover?.contents.value).toContain(
			'Id of the parent unit; exactly one unit (the root) has none.',
		);
	});

	it('completes the fields not written yet', async () => {
		const list = await service.doComplete(
			doc('content/units/another.yaml', 'name: x\n'),
			{ line: 1, character: 0 },
			false,
		);
		expect(list.items.map((i) => i.label)).toEqual(
			expect.arrayContaining(['shortName', 'parent', 'kind', 'order', 'contact', 'members']),
		);
		expect(list.items.map((i) => i.label)).not.toContain('name');
	});
});
