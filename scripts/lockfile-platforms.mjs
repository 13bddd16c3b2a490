#!/usr/bin/env node
/**
 * Adds lockfile entries for platform-specific optional packages that the
 * registry mirror this project is built against does not carry (other
 * operating systems' binaries of @astrojs/compiler-binding and pagefind).
 * Without them `npm ci` refuses the lockfile as "out of sync"; with them npm
 * skips the packages on Linux (os/cpu mismatch) as it would on any registry.
 * Run after `npm install` changes package-lock.json: `node scripts/lockfile-platforms.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

/** os/cpu/libc of a platform package, read from its name. */
function platform(name) {
	const suffix = name.split('/').pop();
	const os = /android/.test(suffix)
		? 'android'
		: /darwin/.test(suffix)
			? 'darwin'
			: /freebsd/.test(suffix)
				? 'freebsd'
				: /win/.test(suffix)
					? 'win32'
					: /linux/.test(suffix)
						? 'linux'
						: undefined;
	const cpu = /arm64/.test(suffix)
		? 'arm64'
		: /x64/.test(suffix)
			? 'x64'
			: /wasm32/.test(suffix)
				? 'wasm32'
				: undefined;
	const libc = /musl/.test(suffix) ? 'musl' : /gnu/.test(suffix) ? 'glibc' : undefined;
	return { ...(cpu && { cpu: [cpu] }), ...(os && { os: [os] }), ...(libc && { libc: [libc] }) };
}

/** Where npm would place `name` for the package at `parentPath`. */
function resolvePath(parentPath, name) {
	let dir = parentPath;
	for (;;) {
		const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
		if (packages[candidate]) return { path: candidate, found: true };
		if (!dir)
			return { path: `${parentPath ? `${parentPath}/` : ''}node_modules/${name}`, found: false };
		const i = dir.lastIndexOf('/node_modules/');
		dir = i === -1 ? '' : dir.slice(0, i);
	}
}

let added = 0;
for (const [parentPath, meta] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
		const { path: at, found } = resolvePath(parentPath, name);
		if (found && packages[at].version === version) continue;
		const target = found ? `${parentPath}/node_modules/${name}` : at;
		if (packages[target]) continue;
		const info = platform(name);
		if (!info.os && !info.cpu) continue;
		packages[target] = { version, optional: true, ...info };
		added++;
	}
}
const sorted = Object.fromEntries(
	Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`lockfile: ${added} platform package entries added`);
