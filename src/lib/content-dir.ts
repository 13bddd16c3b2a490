/** Where the content lives: `CONTENT_DIR`, or the bundled demo union in `content/`. */
import { isAbsolute, resolve } from 'node:path';

/** Absolute path of the content folder for this run. */
export function resolveContentDir(
	env: Record<string, string | undefined> = process.env,
	cwd = process.cwd(),
): string {
	const dir = env.CONTENT_DIR?.trim();
	if (!dir) return resolve(cwd, 'content');
	return isAbsolute(dir) ? dir : resolve(cwd, dir);
}
