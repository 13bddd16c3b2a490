import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The demo union's folder. */
export const DEMO = resolve(import.meta.dirname, '../../content');

/** Every file of the demo union whose name matches `pattern`, as absolute paths. */
export function demoFiles(pattern: RegExp): string[] {
	return (readdirSync(DEMO, { recursive: true, encoding: 'utf8' }) as string[])
		.filter((name) => pattern.test(name))
		.sort()
		.map((name) => join(DEMO, name));
}
