/**
 * Recomputes, on the reader's day, what the build wrote for its own day:
 * 未开始 / 公示中 / 已结束 (competitions: 进行中) badges, countdowns, items
 * that leave a list once closed or expired. Reads instants from data-gk-*
 * attributes and the UI strings from the page's #gk-live JSON, so it holds
 * no text of its own. Without it, the build-time status stays, dated.
 */
import { liveDaysLeft, liveDaysUntil, liveStatus, type LiveStatus } from '../../lib/live-status.ts';

interface Strings {
	tz: string;
	publicity: Record<LiveStatus, string>;
	competition: Record<LiveStatus, string>;
	left: string;
	lastDay: string;
	until: string;
	tomorrow: string;
}

const source = document.getElementById('gk-live');
if (source) update(JSON.parse(source.textContent ?? '{}') as Strings, Date.now());

function update(s: Strings, now: number): void {
	const all = (selector: string) => document.querySelectorAll<HTMLElement>(selector);
	for (const el of all('[data-gk-start]')) {
		const start = Number(el.dataset.gkStart);
		const end = el.dataset.gkEnd ? Number(el.dataset.gkEnd) : undefined;
		const status = liveStatus(start, end, now);
		el.dataset.status = status;
		const badge = el.dataset.gkBadge as 'publicity' | 'competition' | undefined;
		if (badge) el.textContent = s[badge][status];
		if ('gkCountdown' in el.dataset) {
			let text = '';
			if (status === 'upcoming') {
				const n = liveDaysUntil(start, now, s.tz);
				text = n === 1 ? s.tomorrow : s.until.replace('{n}', String(n));
			} else if (status === 'open' && end !== undefined) {
				const n = liveDaysLeft(end, now, s.tz);
				text = n === 1 ? s.lastDay : s.left.replace('{n}', String(n));
			}
			el.textContent = text;
			el.hidden = text === '';
		}
		if (el.dataset.gkHide === status) el.hidden = true;
	}
	for (const el of all('[data-gk-expires]'))
		if (now >= Number(el.dataset.gkExpires)) el.hidden = true;
	for (const el of all('[data-gk-asof]')) el.hidden = true;
	// A list whose items all left shows its "nothing here" line instead, or leaves with its section.
	for (const list of all('[data-gk-list]')) {
		if ([...list.children].every((item) => (item as HTMLElement).hidden)) {
			list.hidden = true;
			const empty = list.parentElement?.querySelector<HTMLElement>('[data-gk-empty]');
			const section = list.closest('section');
			if (empty) empty.hidden = false;
			else if (section) section.hidden = true;
		}
	}
}
