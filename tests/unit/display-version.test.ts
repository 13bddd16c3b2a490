import { describe, expect, it } from 'vitest';
import {
	initialVersion,
	onBoundary,
	onPoll,
	onReloadAborted,
	readVersion,
	VERSION_PLACEHOLDER,
	type VersionState,
} from '../../src/lib/display-version.ts';

describe('readVersion', () => {
	it.each([
		[
			'a version.json',
			'{"version":"7878522ae2e96f48","builtAt":"2026-11-21T08:32:48Z"}',
			'7878522ae2e96f48',
		],
		['surrounding white space', '  {"version":" abc "}\n', 'abc'],
		['a captive portal page', '<!doctype html><title>Login</title>', undefined],
		['an empty body', '', undefined],
		['JSON without a version', '{"builtAt":"2026-11-21"}', undefined],
		['a version that is not a string', '{"version":42}', undefined],
		['an empty version', '{"version":""}', undefined],
		['a version with markup in it', '{"version":"<script>"}', undefined],
		['JSON null', 'null', undefined],
		['a JSON array', '["abc"]', undefined],
	])('reads %s', (_name, body, expected) => {
		expect(readVersion(body)).toBe(expected);
	});
});

describe('initialVersion', () => {
	it.each([
		['knows the version written into the page', 'A', undefined, { known: 'A' }],
		[
			'knows nothing from the unreplaced placeholder (dev server)',
			VERSION_PLACEHOLDER,
			undefined,
			{},
		],
		['forgets a reload that worked', 'B', 'B', { known: 'B' }],
		[
			'remembers a reload that brought back the old page',
			'A',
			'B',
			{ known: 'A', reloadedFor: 'B' },
		],
	])('%s', (_name, embedded, reloadedFor, expected) => {
		expect(initialVersion(embedded, reloadedFor)).toEqual(expected);
	});
});

describe('onPoll', () => {
	it.each<[string, VersionState, string | undefined, VersionState]>([
		['does nothing on a failed poll', { known: 'A' }, undefined, { known: 'A' }],
		['does nothing for the same build', { known: 'A' }, 'A', { known: 'A' }],
		['waits for a boundary with a new build', { known: 'A' }, 'B', { known: 'A', pending: 'B' }],
		[
			'takes the newest of two new builds',
			{ known: 'A', pending: 'B' },
			'C',
			{ known: 'A', pending: 'C' },
		],
		[
			'drops a pending build that was rolled back',
			{ known: 'A', pending: 'B' },
			'A',
			{ known: 'A' },
		],
		[
			'keeps a pending build through a failed poll',
			{ known: 'A', pending: 'B' },
			undefined,
			{ known: 'A', pending: 'B' },
		],
		['learns the version when the page had none', {}, 'A', { known: 'A' }],
		[
			'takes a build it already reloaded for as known',
			{ known: 'A', reloadedFor: 'B' },
			'B',
			{ known: 'B' },
		],
		[
			'ignores polls while a reload is under way',
			{ known: 'A', pending: 'B', reloading: 'B' },
			'C',
			{ known: 'A', pending: 'B', reloading: 'B' },
		],
	])('%s', (_name, state, version, expected) => {
		expect(onPoll(state, version)).toEqual(expected);
	});
});

describe('reloading at a boundary', () => {
	it('reloads exactly once for a new build', () => {
		let state: VersionState = onPoll({ known: 'A' }, 'B');
		const first = onBoundary(state);
		expect(first.reload).toBe('B');
		state = first.state;
		expect(onBoundary(state).reload).toBeUndefined();
		expect(onPoll(state, 'B')).toEqual(state);
	});

	it('does not reload without a new build', () => {
		expect(onBoundary({ known: 'A' }).reload).toBeUndefined();
	});

	it('tries again at a later boundary when the page could not be fetched', () => {
		const { state } = onBoundary(onPoll({ known: 'A' }, 'B'));
		const aborted = onReloadAborted(state);
		expect(aborted).toEqual({ known: 'A', pending: 'B' });
		expect(onBoundary(aborted).reload).toBe('B');
	});

	it('never loops when a cache keeps serving the old page', () => {
		// The reloaded page still carries A; the loop guard remembers B.
		let state = initialVersion('A', 'B');
		state = onPoll(state, 'B');
		expect(onBoundary(state).reload).toBeUndefined();
		// A genuinely newer build later still gets its reload.
		state = onPoll(state, 'C');
		expect(onBoundary(state).reload).toBe('C');
	});
});
