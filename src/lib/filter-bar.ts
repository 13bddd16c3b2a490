/**
 * The filter bar of list pages as HTML (src/components/FilterBar.astro shows
 * it): one group per facet — category, year, unit, status … — each option a
 * link to a pre-rendered list with its count, aria-current on the active one;
 * the unit group offers the units around the current one (drillDown in
 * unit-tree.ts) and folds into a disclosure that opens when one of its options is active.
 *
 * Made here as a string rather than in the component's template because it
 * is the same on every page of a list, and a 10,000-notice site has
 * thousands of list pages. The component makes it once per list (see
 * filterBarHtml's callers), of option markup made once per option.
 */

import { escapeHtml } from './html.ts';

export interface FilterOption {
	label: string;
	/** Path under the site base. */
	path: string;
	count?: number;
	current?: boolean;
	/** Indentation level (unit tree). */
	depth?: number;
}

export interface FilterGroup {
	label: string;
	options: FilterOption[];
	/** Fold into a disclosure (long lists such as units). */
	fold?: boolean;
}

export interface FilterBarText {
	/** Site base path, with a trailing slash. */
	base: string;
	/** Accessible name of the `<nav>`. */
	label: string;
	/** What a folded group's summary adds for its active option (`：集团工会`). */
	current: (value: string) => string;
	/** A count as the locale writes it. */
	count: (value: number) => string;
}

/** Each option's markup, by option and text: the lists of a collection share their option objects (src/data/lists.ts). */
const optionMarkup = new WeakMap<FilterOption, WeakMap<FilterBarText, string>>();

function optionHtml(o: FilterOption, text: FilterBarText): string {
	let byText = optionMarkup.get(o);
	let html = byText?.get(text);
	if (html !== undefined) return html;
	const depth = o.depth ? ` class="gk-depth-${Math.min(o.depth, 4)}"` : '';
	const current = o.current ? ' aria-current="page"' : '';
	const count =
		o.count === undefined ? '' : `<span class="gk-filter-count">${text.count(o.count)}</span>`;
	html = `<li${depth}><a class="gk-filter-option" href="${escapeHtml(text.base + o.path)}"${current}>${escapeHtml(o.label)}${count}</a></li>`;
	if (!byText) optionMarkup.set(o, (byText = new WeakMap()));
	byText.set(text, html);
	return html;
}

function optionsHtml(group: FilterGroup, text: FilterBarText): string {
	const items = group.options.map((o) => optionHtml(o, text));
	const tree = group.fold ? ' gk-filter-options--tree' : '';
	return `<ul class="gk-filter-options${tree}">${items.join('')}</ul>`;
}

/** The filter bar; empty when no group offers a choice (a group of one option offers none). */
export function filterBarHtml(groups: readonly FilterGroup[], text: FilterBarText): string {
	const visible = groups.filter((g) => g.options.length > 1);
	if (visible.length === 0) return '';
	const parts = visible.map((group) => {
		const links = optionsHtml(group, text);
		if (!group.fold)
			return `<div class="gk-filter-group"><p class="gk-filter-label">${escapeHtml(group.label)}</p>${links}</div>`;
		const active = group.options.find((o) => o.current && o.depth !== undefined);
		const summary = active
			? `<span class="gk-filter-active">${escapeHtml(text.current(active.label))}</span>`
			: '';
		return `<details class="gk-filter-group"${active ? ' open' : ''}><summary class="gk-filter-summary">${escapeHtml(group.label)}${summary}</summary>${links}</details>`;
	});
	return `<nav class="gk-filters gk-no-print" aria-label="${escapeHtml(text.label)}">${parts.join('')}</nav>`;
}

const shared = new WeakMap<readonly FilterGroup[], string>();

/**
 * {@link filterBarHtml} made once per `groups` array: the pages of one list
 * are given the same array (src/data/lists.ts), so each list's bar is made
 * once. `text` is asked for only when the bar is made.
 */
export function sharedFilterBarHtml(
	groups: readonly FilterGroup[],
	text: () => FilterBarText,
): string {
	let html = shared.get(groups);
	if (html === undefined) shared.set(groups, (html = filterBarHtml(groups, text())));
	return html;
}
