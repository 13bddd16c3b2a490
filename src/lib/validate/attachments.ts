/**
 * The validator's checks of one attachment: an accepted format, a file name
 * of its own within the entry (it is published under that name), and the
 * personal-data guard over the text inside it. Problems about the file's
 * content name the attachment itself (`notices/2026/mingdan.xlsx`) and say
 * where inside it: the cell, line, page or paragraph.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { translator } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/site.ts';
import {
	ATTACHMENT_EXTENSIONS,
	IMAGE_EXTENSIONS,
	attachmentFormat,
	attachmentPersonalData,
	extractAttachmentText,
	type TextLocation,
} from '../attachments.ts';
import type { PersonalDataKind } from '../personal-data.ts';
import type { Problem, ProblemParams, Translate } from '../problems.ts';

export interface AttachmentCheck {
	contentDir: string;
	/** The entry that lists the attachment: its path relative to the content folder and on disk. */
	entry: { file: string; absolute: string };
	/** All attachments of the entry (names must not clash once published side by side). */
	attachments: ReadonlyArray<{ file: string }>;
	/** Which one to check. */
	index: number;
	/** The site's language, for the "where" part of messages. */
	locale: Locale;
}

/** Findings reported one by one per attachment; the rest are counted in one more line. */
const MAX_FINDINGS = 20;

const CODES: Record<PersonalDataKind, string> = {
	idNumber: 'attachmentIdNumber',
	mobile: 'attachmentMobile',
	bankCard: 'attachmentBankCard',
};

/** Problems of one existing attachment file. */
export async function attachmentProblems(check: AttachmentCheck): Promise<Problem[]> {
	const { contentDir, entry, attachments, index } = check;
	const name = attachments[index]!.file;
	const field = `attachments[${index}].file`;
	const onEntry = (code: string, params: ProblemParams, severity?: 'warning'): Problem => ({
		file: entry.file,
		field,
		code,
		params,
		...(severity ? { severity } : {}),
	});

	const ext = extname(name).slice(1).toLowerCase();
	if (!attachmentFormat(name)) {
		if (IMAGE_EXTENSIONS.includes(ext)) return [onEntry('attachmentImage', { found: name })];
		return [onEntry('fileType', { found: name, expected: ATTACHMENT_EXTENSIONS.join(', ') })];
	}
	const problems: Problem[] = [];
	const published = basename(name).toLowerCase();
	const earlier = attachments
		.slice(0, index)
		.find((a) => basename(a.file).toLowerCase() === published);
	if (earlier)
		problems.push(onEntry('attachmentNameClash', { found: name, expected: earlier.file }));

	const absolute = join(dirname(entry.absolute), name);
	const file = relative(contentDir, absolute).split(sep).join('/');
	const t = translator(check.locale);
	const at = (code: string, params: ProblemParams, extra: Partial<Problem> = {}): Problem => ({
		file,
		field,
		code,
		params,
		...extra,
	});

	const extraction = await extractAttachmentText(new Uint8Array(readFileSync(absolute)), name);
	switch (extraction.status) {
		case 'unsupported':
			problems.push(
				at(
					'attachmentUnchecked',
					{ found: attachmentFormat(name)!.label },
					{ severity: 'warning' },
				),
			);
			return problems;
		case 'encrypted':
			problems.push(at('attachmentEncrypted', {}));
			return problems;
		case 'unreadable':
			problems.push(at('attachmentUnreadable', { found: extraction.reason }));
			return problems;
		case 'empty':
			problems.push(at('attachmentNoText', {}, { severity: 'warning' }));
			break;
		case 'ok': {
			const findings = attachmentPersonalData(extraction.segments);
			for (const finding of findings.slice(0, MAX_FINDINGS)) {
				const { location, hit, context } = finding;
				problems.push(
					at(
						CODES[hit.kind],
						{ where: where(location, t), masked: hit.masked, context, ...locationParams(location) },
						location.kind === 'line' ? { line: location.line } : {},
					),
				);
			}
			if (findings.length > MAX_FINDINGS) {
				problems.push(
					at('attachmentMoreFindings', {
						count: findings.length - MAX_FINDINGS,
						found: findings.length,
					}),
				);
			}
			break;
		}
	}
	for (const image of extraction.images) {
		problems.push(
			at('attachmentImageMetadata', { found: image.part, expected: image.tags.join(', ') }),
		);
	}
	return problems;
}

/** `C4` in `Sheet1` as a spreadsheet writes it: `Sheet1!C4`, quoting names with spaces or punctuation. */
export function cellReference(sheet: string, cell: string): string {
	return /^[\p{L}\p{N}_]+$/u.test(sheet)
		? `${sheet}!${cell}`
		: `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The raw position, kept in the params for tools that read problems. */
function locationParams(location: TextLocation): ProblemParams {
	switch (location.kind) {
		case 'line':
			return { line: location.line };
		case 'cell':
			return { cell: cellReference(location.sheet, location.cell) };
		case 'page':
			return { page: location.page };
		case 'paragraph':
			return { paragraph: location.paragraph };
		case 'slide':
			return { slide: location.slide };
		case 'part':
			return { part: location.part };
		case 'metadata':
			return { property: location.field };
	}
}

/** "第 3 页", "单元格 Sheet1!C4": where inside the file, in the site's language. */
function where(location: TextLocation, t: Translate): string {
	return t(`attachment.where.${location.kind}`, locationParams(location));
}
