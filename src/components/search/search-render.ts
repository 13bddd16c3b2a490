/**
 * DOM for the search page: result cards and facet groups. Text only goes in
 * through textContent (excerpts are rebuilt from segments, never parsed as
 * HTML), so nothing from the index can inject markup.
 */
import { SEARCH_TYPES, type SearchFilter } from '../../lib/search.ts';
import { excerptSegments, plainText, type FacetOption } from '../../lib/search-query.ts';

/** A result as Pagefind's `data()` returns it. */
export interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

function span(className: string, text: string): HTMLSpanElement {
	const el = document.createElement('span');
	if (className) el.className = className;
	el.textContent = text;
	return el;
}

/** A civil date (`2026-03-02`, with or without time) as the locale writes the day. */
function civilDay(value: string, locale: string): string {
	const [y, m, d] = value.slice(0, 10).split('-').map(Number);
	if (!y || !m || !d) return value;
	const format = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;
	return new Intl.DateTimeFormat(locale, format).format(Date.UTC(y, m - 1, d));
}

/** One result: linked title, then type badge, date, unit, 文号, category and status, then the excerpt. */
export function resultCard(data: ResultData, t: Translate, locale: string): HTMLLIElement {
	const { meta } = data;
	const li = document.createElement('li');
	li.className = 'gk-result';
	const heading = document.createElement('h3');
	const link = document.createElement('a');
	link.href = data.url;
	link.textContent = plainText(meta.title ?? data.url);
	heading.append(link);

	const info = document.createElement('p');
	info.className = 'gk-result__meta';
	if (meta.type && (SEARCH_TYPES as readonly string[]).includes(meta.type)) {
		info.append(span('gk-result__type', t(`search.type.${meta.type}`)));
	}
	if (meta.date) {
		const time = document.createElement('time');
		time.dateTime = meta.date;
		time.textContent = civilDay(meta.date, locale);
		info.append(time);
	}
	for (const value of [meta.unit, meta.docNumber, meta.category, meta.status]) {
		if (value) info.append(span('', plainText(value)));
	}

	const excerpt = document.createElement('p');
	excerpt.className = 'gk-result__excerpt';
	for (const segment of excerptSegments(data.excerpt)) {
		if (!segment.mark) {
			excerpt.append(segment.text);
			continue;
		}
		const mark = document.createElement('mark');
		mark.textContent = segment.text;
		excerpt.append(mark);
	}
	li.append(heading, info, excerpt);
	return li;
}

/** A collapsible group of checkboxes for one filter; `onToggle` gets each change. */
export function facetGroup(
	name: SearchFilter,
	options: FacetOption[],
	open: boolean,
	t: Translate,
	onToggle: (value: string, checked: boolean) => void,
): HTMLDetailsElement {
	const details = document.createElement('details');
	details.dataset.facet = name;
	details.open = open;
	const summary = document.createElement('summary');
	summary.textContent = t(`search.filter.${name}`);
	const fieldset = document.createElement('fieldset');
	const legend = document.createElement('legend');
	legend.className = 'gk-visually-hidden';
	legend.textContent = summary.textContent;
	fieldset.append(legend);
	for (const option of options) {
		// Ids from values that may be Chinese (categories, statuses): keep them valid and unique.
		const id = `gk-facet-${name}-${option.value}`.replace(/[^\w-]/g, (c) => `_${c.codePointAt(0)}`);
		const label = document.createElement('label');
		label.htmlFor = id;
		label.style.setProperty('--gk-facet-depth', String(option.depth));
		const box = document.createElement('input');
		box.type = 'checkbox';
		box.id = id;
		box.value = option.value;
		box.checked = option.checked;
		box.addEventListener('change', () => onToggle(option.value, box.checked));
		label.append(
			box,
			span('gk-facet__label', option.label),
			span('gk-facet__count', t('search.facetCount', { count: option.count })),
		);
		fieldset.append(label);
	}
	details.append(summary, fieldset);
	return details;
}
