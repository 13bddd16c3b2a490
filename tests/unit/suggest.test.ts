import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/lib/suggest.ts';

describe('editDistance', () => {
	it.each([
		['tech', 'tech', 0],
		['tech', 'tach', 1],
		['tech', 'tehc', 1],
		['ab', 'ba', 1],
		['ca', 'abc', 3],
		['tech', 'tec', 1],
		['tech', 'techs', 1],
		['', 'ops', 3],
		['kitten', 'sitting', 3],
		['技术中心', '技术部', 2],
	])('counts %s → %s as %i edits', (a, b, expected) => {
		expect(editDistance(a, b)).toBe(expected);
		expect(editDistance(b, a)).toBe(expected);
	});
});

describe('closest', () => {
	const ids = ['group', 'tech', 'tech/team-1', 'ops', 'hr', 'finance'];
	it.each([
		['suggests the id one typo away first', 'tehc', 3, ['tech', 'hr', 'ops']],
		['suggests a nested id when the folder was left out', 'team-1', 1, ['tech/team-1']],
		['suggests the nested id one typo away', 'tech/tem-1', 2, ['tech/team-1', 'tech']],
		['breaks ties in code-point order', 'xx', 2, ['hr', 'ops']],
		[
			'returns fewer when there are fewer candidates',
			'ops',
			10,
			['ops', 'hr', 'group', 'tech', 'tech/team-1', 'finance'],
		],
	])('%s', (_name, found, n, expected) => {
		expect(closest(found, ids, n)).toEqual(expected);
	});

	it('suggests nothing when there is nothing to choose from', () => {
		expect(closest('tech', [])).toEqual([]);
	});
});
