/**
 * Choices the home page makes beyond notices (those are notice-view.ts):
 * which featured model worker is in the spotlight today, and which
 * competitions show their latest results.
 */
import { daysBetween, type CivilDate } from './dates.ts';

/**
 * The featured person for `day`: the spotlight moves to the next featured
 * person every day (with the daily rebuild), in a stable order, so every
 * featured model worker gets their days. Falls back to the first person
 * when nobody is featured; `undefined` for an empty list.
 */
export function spotlightOfDay<T>(
	people: readonly T[],
	featured: (person: T) => boolean,
	day: CivilDate,
): T | undefined {
	const pool = people.filter(featured);
	const from = pool.length ? pool : people.slice(0, 1);
	if (from.length === 0) return undefined;
	const n = daysBetween('2000-01-01', day.slice(0, 10));
	return from[((n % from.length) + from.length) % from.length];
}

/** What ordering competitions by their results needs. */
export interface CompetitionFacts {
	hasResults: boolean;
	/** Date the results were published, if given. */
	published?: CivilDate;
	period: { start: CivilDate; end?: CivilDate };
}

/** The date results count as published: `published`, else the period's end, else its start. */
export function resultsDate(c: CompetitionFacts): CivilDate {
	return c.published ?? c.period.end ?? c.period.start;
}

/** Competitions with results, most recently published first, at most `count`. */
export function latestResults<T>(
	competitions: readonly T[],
	facts: (c: T) => CompetitionFacts,
	count = 2,
): T[] {
	return competitions
		.filter((c) => facts(c).hasResults)
		.map((c, i) => ({ c, i, date: resultsDate(facts(c)) }))
		.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.i - b.i))
		.slice(0, count)
		.map(({ c }) => c);
}
