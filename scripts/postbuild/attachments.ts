/**
 * Publishes attachments: every attachment of an entry whose page was built
 * is copied next to that page, at `${collection}/${id}/${file name}` (see
 * src/lib/attachments.ts). Entries without a page — drafts, notices dated in
 * the future — publish nothing, so their files never leave the content folder.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { attachmentPath } from '../../src/lib/attachments.ts';
import type { PostBuildContext } from './index.ts';

export function copyAttachments({ outDir, contentDir, validation, t }: PostBuildContext): void {
	let copied = 0;
	for (const entry of validation.entries) {
		const attachments = (entry.output?.attachments as Array<{ file: string }> | undefined) ?? [];
		if (!attachments.length) continue;
		// The page is the proof the entry is published in this build.
		if (!existsSync(join(outDir, entry.collection, entry.id, 'index.html'))) continue;
		for (const { file } of attachments) {
			const source = join(dirname(entry.absolute), file);
			if (!existsSync(source)) {
				throw new Error(
					t('attachments.missing', { file: relative(contentDir, source).split(sep).join('/') }),
				);
			}
			copyFileSync(source, join(outDir, attachmentPath(entry.collection, entry.id, file)));
			copied++;
		}
	}
	console.log(`  ${copied} attachment(s) published`);
}
