import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Temporary folders for the tests of one file, all removed after each test:
 * `folder()` an empty one, `site({ path: text })` one holding those files.
 */
export function temporaryFolders(prefix: string): {
	folder: () => string;
	site: (files: Record<string, string>) => string;
} {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});
	const folder = () => {
		const dir = mkdtempSync(join(tmpdir(), prefix));
		dirs.push(dir);
		return dir;
	};
	const site = (files: Record<string, string>) => {
		const dir = folder();
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(dirname(join(dir, path)), { recursive: true });
			writeFileSync(join(dir, path), text);
		}
		return dir;
	};
	return { folder, site };
}
