/**
 * Building blocks shared by the collection schemas. Each schema is a factory
 * so that Astro (with `reference()` and `image()`) and the stand-alone
 * validator (with plain ids and paths it checks itself) run the same rules.
 */
import { z } from 'astro/zod';
import { toCivil, type CivilDate } from '../lib/dates.ts';

/**
 * What differs between Astro's content layer and the validator. References
 * come out as plain ids in both, so pages never unwrap `{ collection, id }`.
 */
export interface SchemaHelpers<Image extends z.ZodType = z.ZodType> {
	/** A reference to an entry of another collection; the output is its id. */
	reference: (collection: 'units' | 'policies') => z.ZodType<string>;
	/** An image file next to the entry. */
	image: () => Image;
}

/** Helpers for the validator: references and images stay plain strings. */
export const plainHelpers: SchemaHelpers<z.ZodString> = {
	reference: () => z.string().trim().min(1),
	image: () => z.string().trim().min(1),
};

/** Makes a custom issue whose dictionary key is `error.<code>`. */
export function issue(code: string, params: Record<string, string | number> = {}) {
	return { code: 'custom' as const, message: code, params: { gongkai: code, ...params } };
}

/** A date as editors write it (`2025-10-08` or `2025-10-08T09:30`), normalised to a civil string. */
export const civilDate = () =>
	z.union([z.string(), z.date()]).transform((value, ctx): CivilDate => {
		const civil = toCivil(value);
		if (civil === undefined) {
			ctx.addIssue(
				issue('invalidDate', { found: value instanceof Date ? 'Invalid Date' : String(value) }),
			);
			return z.NEVER;
		}
		return civil;
	});

/** A non-empty single-line text. */
export const text = () => z.string().trim().min(1);

/** A list of tags: trimmed, non-empty, unique. */
export const tags = () =>
	z
		.array(text())
		.default([])
		.transform((list) => [...new Set(list)]);

/** A downloadable file next to the entry. */
export const attachment = () =>
	z.object({
		/** What the reader sees as the link text. */
		title: text(),
		/** Path relative to the entry file. */
		file: text(),
	});

/** A flag that defaults to false. */
export const flag = () => z.boolean().default(false);
