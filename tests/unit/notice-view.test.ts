import { describe, expect, it } from 'vitest';
import {
	expiresAt,
	homeNotices,
	isCurrent,
	isExpired,
	neighbours,
	publicityStatus,
	sameUnit,
	type NoticeFacts,
} from '../../src/lib/notice-view.ts';

const TZ = 'Asia/Shanghai';
/** An instant given as Shanghai wall-clock time. */
const at = (local: string) => Date.parse(`${local}+08:00`);

function notice(id: string, extra: Partial<NoticeFacts> = {}): NoticeFacts {
	return {
		id,
		date: '2026-11-01',
		unit: 'hq',
		pinned: false,
		urgent: false,
		withdrawn: false,
		...extra,
	};
}

describe('expiry', () => {
	it('keeps a notice through the whole of its expiry day in the site time zone', () => {
		const n = notice('a', { expires: '2026-11-25' });
		expect(expiresAt('2026-11-25', TZ)).toBe(at('2026-11-26T00:00:00'));
		expect(isExpired(n, at('2026-11-25T23:59:59'), TZ)).toBe(false);
		expect(isExpired(n, at('2026-11-26T00:00:00'), TZ)).toBe(true);
	});

	it('honours an expiry with a time of day', () => {
		const n = notice('a', { expires: '2026-11-25T12:00' });
		expect(isExpired(n, at('2026-11-25T11:59:00'), TZ)).toBe(false);
		expect(isExpired(n, at('2026-11-25T12:00:00'), TZ)).toBe(true);
	});

	it('never expires a notice without `expires`', () => {
		expect(isExpired(notice('a'), at('2099-01-01T00:00:00'), TZ)).toBe(false);
	});

	it.each([
		['a current notice', notice('a'), true],
		['a withdrawn notice', notice('a', { withdrawn: true }), false],
		['an expired notice', notice('a', { expires: '2026-11-20' }), false],
	])('treats %s as current: %s', (_, n, expected) => {
		expect(isCurrent(n, at('2026-11-21T10:00:00'), TZ)).toBe(expected);
	});
});

describe('publicityStatus', () => {
	const n = notice('g', { publicity: { start: '2026-09-28', end: '2026-10-09' } });
	it.each([
		['2026-09-27T23:59:59', 'upcoming'],
		['2026-09-28T00:00:00', 'open'],
		['2026-10-09T23:59:59', 'open'],
		['2026-10-10T00:00:00', 'closed'],
	] as const)('is %s → %s', (local, expected) => {
		expect(publicityStatus(n, at(local), TZ)).toBe(expected);
	});
	it('is undefined for a notice without a 公示期', () => {
		expect(publicityStatus(notice('x'), at('2026-10-01T00:00:00'), TZ)).toBeUndefined();
	});
});

describe('homeNotices', () => {
	// Newest first, as the site model orders them.
	const list: NoticeFacts[] = [
		notice('urgent', { date: '2026-11-20', urgent: true, expires: '2026-11-25' }),
		notice('urgent-old', { date: '2026-11-19', urgent: true, expires: '2026-11-19' }),
		notice('pinned-gongshi', {
			date: '2026-11-18',
			pinned: true,
			publicity: { start: '2026-11-18', end: '2026-11-27' },
		}),
		notice('open-late', {
			date: '2026-11-17',
			publicity: { start: '2026-11-17', end: '2026-11-30' },
		}),
		notice('open-soon', {
			date: '2026-11-16',
			publicity: { start: '2026-11-16', end: '2026-11-22' },
		}),
		notice('upcoming', {
			date: '2026-11-15',
			publicity: { start: '2026-12-01', end: '2026-12-07' },
		}),
		notice('closed', { date: '2026-11-14', publicity: { start: '2026-11-01', end: '2026-11-07' } }),
		notice('withdrawn', { date: '2026-11-13', withdrawn: true }),
		notice('expired', { date: '2026-11-12', expires: '2026-11-20' }),
		notice('plain', { date: '2026-11-11' }),
	];
	const home = homeNotices(list, (n) => n, at('2026-11-21T09:00:00'), TZ, 8);
	const ids = (l: NoticeFacts[]) => l.map((n) => n.id);

	it('puts current urgent notices in the banner, dropping expired ones', () => {
		expect(ids(home.urgent)).toEqual(['urgent']);
	});
	it('keeps pinned notices on top', () => {
		expect(ids(home.pinned)).toEqual(['pinned-gongshi']);
	});
	it('lists open 公示 ending soonest first, then upcoming ones, without repeating pinned ones', () => {
		expect(ids(home.publicity)).toEqual(['open-soon', 'open-late', 'upcoming']);
	});
	it('lists the latest of the rest, leaving out withdrawn and expired notices', () => {
		expect(ids(home.latest)).toEqual(['closed', 'plain']);
	});
	it('limits the latest list', () => {
		expect(homeNotices(list, (n) => n, at('2026-11-21T09:00:00'), TZ, 1).latest).toHaveLength(1);
	});
	it('drops an urgent notice the moment its expiry day is over', () => {
		const later = homeNotices(list, (n) => n, at('2026-11-26T00:00:00'), TZ);
		expect(ids(later.urgent)).toEqual([]);
		expect(ids(later.latest)).not.toContain('urgent');
	});
});

describe('neighbours', () => {
	const list = ['c', 'b', 'a'];
	it.each([
		[0, { older: 'b' }],
		[1, { newer: 'c', older: 'a' }],
		[2, { newer: 'b' }],
		[5, {}],
		[-1, {}],
	])('at index %i are %o', (index, expected) => {
		expect(neighbours(list, index)).toEqual(expected);
	});
});

describe('sameUnit', () => {
	it('lists other notices of the same unit, newest first, up to the count', () => {
		const list = [
			notice('a', { unit: 'x' }),
			notice('b', { unit: 'y' }),
			notice('c', { unit: 'x' }),
			notice('d', { unit: 'x' }),
			notice('e', { unit: 'x' }),
		];
		expect(sameUnit(list, list[0]!, (n) => n, 2).map((n) => n.id)).toEqual(['c', 'd']);
	});
});
