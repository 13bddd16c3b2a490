/**
 * The Content-Security-Policy holds on every template: each page carries the
 * policy (no 'unsafe-inline'/'unsafe-eval' for scripts), and a reader's visit
 * — the search with a query run, the lobby display rotating — triggers no
 * violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	server = await serve();
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

interface Visit {
	/** Violations seen through `securitypolicyviolation` events and the console. */
	violations: string[];
	/** The policy the page declared. */
	policy: string | null;
	status: number | undefined;
	page: Page;
}

/** Opens `path` (relative to the base) and records every CSP violation while `act` runs. */
async function visit(
	path: string,
	act: (page: Page) => Promise<void> = async () => {},
): Promise<Visit> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const violations: string[] = [];
	// Runs before any page script, exempt from the page's policy.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) => {
			seen.push(
				`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
			);
		});
	});
	page.on('console', (message) => {
		const text = message.text();
		if (
			/Content[ -]Security[ -]Policy|Refused to (load|execute|apply|compile|connect|create|evaluate)/i.test(
				text,
			)
		)
			violations.push(text);
	});
	const response = await page.goto(server.url + path, { waitUntil: 'load' });
	await act(page);
	// Idle-time work (lazy Pagefind, live status, rotation) gets a moment to run.
	await page.waitForTimeout(400);
	violations.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)));
	const policy = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.first()
		.getAttribute('content', { timeout: 1000 })
		.catch(() => null);
	return { violations: [...new Set(violations)], policy, status: response?.status(), page };
}

const scriptSrc = (policy: string) => /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
const styleSrc = (policy: string) => /(?:^|;)\s*style-src ([^;]*)/.exec(policy)?.[1] ?? '';

const PAGES: Array<[template: string, path: string]> = [
	['home', ''],
	['notice list', 'notices/'],
	['model-worker list', 'model-workers/'],
	['competition list', 'competitions/'],
	['policy list', 'policies/'],
	['unit list', 'units/'],
	['notice list, second page', 'notices/page/2/'],
	['notices by category', 'notices/category/publicity/'],
	['notices by status', 'notices/status/open/'],
	['notices by unit', 'notices/unit/hq/'],
	['notices by year', 'notices/year/2026/'],
	['notice archive', 'notices/archive/'],
	['notice (公示 with live status)', 'notices/2026/laomo-tuijian-gongshi/'],
	['notice (MDX)', 'notices/2025/xinli-jiankang-jiangzuo/'],
	['model worker (portrait)', 'model-workers/li-xiuying/'],
	['competition (CSV results)', 'competitions/2026/shukong-chegong-biwu/'],
	['competition (YAML)', 'competitions/2026/dongji-baojiaofu/'],
	['policy', 'policies/jiti-hetong-2026/'],
	['unit', 'units/tech-center/'],
	['lobby display', 'display/'],
	['unit display', 'display/hq/'],
];

describe('Content-Security-Policy', () => {
	it.each(PAGES)('%s (/%s) declares the policy and breaks none of it', async (_template, path) => {
		const { violations, policy, status, page } = await visit(path);
		await page.context().close();
		expect(status).toBe(200);
		expect(policy).toBeTruthy();
		const scripts = scriptSrc(policy!);
		expect(scripts).toContain("'self'");
		expect(scripts).toContain("'wasm-unsafe-eval'");
		expect(scripts).not.toContain("'unsafe-inline'");
		expect(scripts).not.toContain("'unsafe-eval'");
		expect(styleSrc(policy!)).not.toContain("'unsafe-inline'");
		expect(policy).toContain("object-src 'none'");
		expect(violations).toEqual([]);
	});

	it('the 404 page declares the policy and breaks none of it', async () => {
		const { violations, policy, status, page } = await visit('no-such-page/');
		await page.context().close();
		expect(status).toBe(404);
		expect(policy).toBeTruthy();
		expect(violations).toEqual([]);
	});

	it('search runs a query (Pagefind WebAssembly and fragments) without a violation', async () => {
		const fragments: string[] = [];
		const { violations, page } = await visit('search/?q=%E5%B7%A5%E4%BC%9A', async (page) => {
			page.on('response', (r) => {
				if (/\.pf_fragment$/.test(new URL(r.url()).pathname)) fragments.push(r.url());
			});
			await page.waitForResponse((r) => /\.pf_fragment$/.test(new URL(r.url()).pathname), {
				timeout: 20_000,
			});
		});
		const wasm = await page.evaluate(() =>
			performance.getEntriesByType('resource').some((e) => /wasm\.[a-z-]+\.pagefind$/.test(e.name)),
		);
		await page.context().close();
		expect(fragments.length).toBeGreaterThan(0);
		expect(wasm).toBe(true);
		expect(violations).toEqual([]);
	});

	it('catches a violation when one happens (the detector works)', async () => {
		const { violations, page } = await visit('', async (page) => {
			await page.evaluate(() => {
				const script = document.createElement('script');
				script.textContent = 'window.__injected = true';
				document.body.append(script);
			});
		});
		const ran = await page.evaluate(() => 'injected' in window || '__injected' in window);
		await page.context().close();
		expect(ran).toBe(false);
		expect(violations.join('\n')).toMatch(/script-src/);
	});
});
