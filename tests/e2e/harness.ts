/**
 * End-to-end plumbing: a static server for a built site (under its base
 * path, as a real host would serve it) and Debian's Chromium through
 * playwright-core. No downloaded browser, no request off this machine.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const DIST = process.env.E2E_DIST ?? join(import.meta.dirname, '../../.gongkai/e2e-dist');
export const BASE = '/gongkai/';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.wasm': 'application/wasm',
	'.pdf': 'application/pdf',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
	/** Origin plus base, e.g. http://127.0.0.1:4321/gongkai/ */
	url: string;
	origin: string;
	server: Server;
	close(): Promise<void>;
}

/** Serves `dir` under `base` on 127.0.0.1 with an ephemeral port. */
export async function serve(dir = DIST, base = BASE): Promise<StaticServer> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (!path.startsWith(base)) {
			res.writeHead(404).end();
			return;
		}
		let file = normalize(join(dir, path.slice(base.length)));
		if (!file.startsWith(dir)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			const notFound = join(dir, '404.html');
			res.writeHead(404, { 'content-type': TYPES['.html'] });
			if (existsSync(notFound)) createReadStream(notFound).pipe(res);
			else res.end('not found');
			return;
		}
		res.writeHead(200, {
			'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
			'cache-control': 'no-store',
		});
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: origin + base,
		origin,
		server,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** Debian's Chromium, headless, with nothing that phones home. */
export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	});
}
