import { describe, expect, it } from 'vitest';
import { latestResults, resultsDate, spotlightOfDay } from '../../src/lib/home.ts';

describe('spotlightOfDay', () => {
	const people = [
		{ name: '甲', featured: true },
		{ name: '乙', featured: false },
		{ name: '丙', featured: true },
		{ name: '丁', featured: true },
	];
	const pick = (day: string) => spotlightOfDay(people, (p) => p.featured, day)?.name;

	it('moves to the next featured person every day and comes back round', () => {
		const days = ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'].map(pick);
		expect(new Set(days.slice(0, 3)).size).toBe(3);
		expect(days[3]).toBe(days[0]);
		expect(days).not.toContain('乙');
	});

	it('is the same person all day, whichever build of the day', () => {
		expect(pick('2026-11-21')).toBe(
			spotlightOfDay(people, (p) => p.featured, '2026-11-21T18:00')?.name,
		);
	});

	it('falls back to the first person when nobody is featured, and to nobody for no one', () => {
		expect(spotlightOfDay(people, () => false, '2026-11-21')?.name).toBe('甲');
		expect(spotlightOfDay([], () => true, '2026-11-21')).toBeUndefined();
	});
});

describe('latestResults', () => {
	const c = (
		id: string,
		hasResults: boolean,
		period: { start: string; end?: string },
		published?: string,
	) => ({
		id,
		hasResults,
		period,
		...(published ? { published } : {}),
	});
	const list = [
		c('no-results', false, { start: '2026-12-01', end: '2027-01-31' }),
		c('ankang', true, { start: '2026-03-01', end: '2027-01-31' }, '2026-10-31'),
		c('cnc', true, { start: '2026-10-12', end: '2026-10-16' }, '2026-10-23'),
		c('suggestions', true, { start: '2025-03-01', end: '2025-11-30' }, '2025-12-20'),
		c('open-ended', true, { start: '2026-01-01' }),
	];

	it('orders competitions with results by the date results were published', () => {
		expect(latestResults(list, (x) => x, 3).map((x) => x.id)).toEqual([
			'ankang',
			'cnc',
			'open-ended',
		]);
	});

	it('dates results by published, else period end, else start', () => {
		expect(resultsDate(list[1]!)).toBe('2026-10-31');
		expect(resultsDate(c('x', true, { start: '2026-01-01', end: '2026-02-01' }))).toBe(
			'2026-02-01',
		);
		expect(resultsDate(list[4]!)).toBe('2026-01-01');
	});
});
