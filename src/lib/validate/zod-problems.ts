/**
 * Turns zod issues into editor-facing problems. Every schema error in the
 * project goes through here, so that one wording serves every collection.
 */
import type { z } from 'astro/zod';
import { fieldPath, type FieldProblem } from '../problems.ts';

/** Shows a found value briefly: strings as-is (shortened), others as YAML would. */
export function showValue(value: unknown): string {
	if (value === undefined) return '—';
	if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return `[${value.length}]`;
	if (value === null) return 'null';
	if (typeof value === 'object') return '{…}';
	return String(value);
}

const TYPE_NAMES: Record<string, string> = {
	string: 'text',
	number: 'number',
	int: 'integer',
	boolean: 'boolean',
	array: 'list',
	object: 'map',
	date: 'date',
};

/** Maps zod issues (parsed with `reportInput: true`) to field problems. */
export function zodProblems(
	issues: readonly z.core.$ZodIssue[],
	prefix: PropertyKey[] = [],
): FieldProblem[] {
	return issues.flatMap((issue) => problemsOf(issue, prefix));
}

function problemsOf(issue: z.core.$ZodIssue, prefix: PropertyKey[]): FieldProblem[] {
	const field = fieldPath(
		...(prefix as Array<string | number>),
		...(issue.path as Array<string | number>),
	);
	const found = showValue(issue.input);
	switch (issue.code) {
		case 'invalid_type': {
			if (issue.input === undefined) return [{ field, code: 'required', params: {} }];
			const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
			return [{ field, code: `type.${expected}`, params: { found } }];
		}
		case 'invalid_value':
			return [
				{
					field,
					code: 'oneOf',
					params: { found, expected: issue.values.map((v) => String(v)).join('、') },
				},
			];
		case 'too_small':
			if (issue.origin === 'array')
				return [{ field, code: 'tooFewItems', params: { expected: Number(issue.minimum) } }];
			if (issue.origin === 'string') return [{ field, code: 'required', params: {} }];
			return [{ field, code: 'tooSmall', params: { found, expected: Number(issue.minimum) } }];
		case 'too_big':
			return [{ field, code: 'tooBig', params: { found, expected: Number(issue.maximum) } }];
		case 'invalid_format':
			return [{ field, code: `format.${issue.format}`, params: { found } }];
		case 'invalid_union': {
			// Our unions are date-or-string style: report the first branch's first issue.
			const first = issue.errors[0]?.[0];
			return first
				? problemsOf({ ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue, prefix)
				: [];
		}
		case 'custom': {
			const params = { ...(issue.params ?? {}) } as Record<string, string | number>;
			const code = String(params.gongkai ?? 'invalid');
			delete params.gongkai;
			return [{ field, code, params: { found, ...params } }];
		}
		case 'unrecognized_keys':
			return issue.keys.map((key) => ({
				field: fieldPath(field, key),
				code: 'unknownField',
				params: { found: key },
			}));
		default:
			return [{ field, code: 'invalid', params: { found } }];
	}
}

/** The field names an object schema knows, looking through transforms and pipes. */
export function knownKeys(schema: z.ZodType): string[] {
	let inner = schema as unknown as {
		_zod: { def: { type: string; in?: unknown } };
		shape?: Record<string, unknown>;
	};
	while (inner._zod.def.type === 'pipe' && inner._zod.def.in)
		inner = inner._zod.def.in as typeof inner;
	return Object.keys(inner.shape ?? {});
}
