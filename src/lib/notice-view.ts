/**
 * What readers see of notices on a given instant: which leave the home page
 * (withdrawn, expired), the urgent banner, pinned notices, 公示 in progress,
 * the latest list, and the neighbours of a notice page. Pure functions of the
 * notice facts, the instant and the site time zone, so the build and the
 * tests agree (the browser re-applies expiry with `data-gk-expires`).
 */
import { civilToInstant, type CivilDate } from './dates.ts';
import { periodInstants, periodStatus, type PeriodStatus } from './publicity.ts';

/** The facts of a notice these rules read. */
export interface NoticeFacts {
	id: string;
	/** Publication date. */
	date: CivilDate;
	unit: string;
	pinned: boolean;
	urgent: boolean;
	expires?: CivilDate;
	withdrawn: boolean;
	publicity?: { start: CivilDate; end: CivilDate };
}

/** The instant a notice leaves the home page: the end of its `expires` day (or that exact time). */
export function expiresAt(expires: CivilDate, timeZone: string): number {
	return civilToInstant(expires, timeZone, 'end');
}

/** True once the `expires` date has fully passed. */
export function isExpired(
	notice: Pick<NoticeFacts, 'expires'>,
	now: number,
	timeZone: string,
): boolean {
	return notice.expires !== undefined && now >= expiresAt(notice.expires, timeZone);
}

/** Whether a notice may appear on the home page and the display at `now`: not withdrawn, not expired. */
export function isCurrent(notice: NoticeFacts, now: number, timeZone: string): boolean {
	return !notice.withdrawn && !isExpired(notice, now, timeZone);
}

/** The 公示 status at `now`, or `undefined` for a notice without a 公示期. */
export function publicityStatus(
	notice: Pick<NoticeFacts, 'publicity'>,
	now: number,
	timeZone: string,
): PeriodStatus | undefined {
	return notice.publicity ? periodStatus(notice.publicity, now, timeZone) : undefined;
}

export interface HomeNotices<T> {
	/** 紧急通知: urgent, current; newest first. */
	urgent: T[];
	/** Pinned, current, not urgent; newest first. */
	pinned: T[];
	/** 公示 open (ending soonest first), then upcoming (starting soonest first); current, not already urgent or pinned. */
	publicity: T[];
	/** The latest current notices not already shown above. */
	latest: T[];
}

/** The home page's notice sections at `now`; `notices` are newest first. */
export function homeNotices<T>(
	notices: readonly T[],
	facts: (notice: T) => NoticeFacts,
	now: number,
	timeZone: string,
	latestCount = 8,
): HomeNotices<T> {
	const current = notices.filter((n) => isCurrent(facts(n), now, timeZone));
	const urgent = current.filter((n) => facts(n).urgent);
	const pinned = current.filter((n) => facts(n).pinned && !facts(n).urgent);
	const withStatus = current.flatMap((n) => {
		const f = facts(n);
		if (f.urgent || f.pinned) return [];
		const status = publicityStatus(f, now, timeZone);
		return status === 'open' || status === 'upcoming'
			? [{ n, status, ...periodInstants(f.publicity!, timeZone) }]
			: [];
	});
	const publicity = [
		...withStatus.filter((p) => p.status === 'open').sort((a, b) => a.endsAt! - b.endsAt!),
		...withStatus.filter((p) => p.status === 'upcoming').sort((a, b) => a.startsAt - b.startsAt),
	].map((p) => p.n);
	const shown = new Set<T>([...urgent, ...pinned, ...publicity]);
	const latest = current.filter((n) => !shown.has(n)).slice(0, latestCount);
	return { urgent, pinned, publicity, latest };
}

/** The notices published just after (`newer`) and just before (`older`) the one at `index` of a newest-first list. */
export function neighbours<T>(list: readonly T[], index: number): { newer?: T; older?: T } {
	const out: { newer?: T; older?: T } = {};
	if (index < 0 || index >= list.length) return out;
	if (index > 0) out.newer = list[index - 1]!;
	if (index < list.length - 1) out.older = list[index + 1]!;
	return out;
}

/** Up to `count` other notices of the same publishing unit (from `list`, newest first), the notice itself left out. */
export function sameUnit<T>(
	list: readonly T[],
	notice: NoticeFacts,
	facts: (item: T) => NoticeFacts,
	count = 5,
): T[] {
	const out: T[] = [];
	for (const item of list) {
		if (out.length === count) break;
		const f = facts(item);
		if (f.unit === notice.unit && f.id !== notice.id) out.push(item);
	}
	return out;
}
