/**
 * <gk-search>: the search page in the browser. Loads Pagefind lazily (at
 * once when the URL carries a query, otherwise on focus or when the browser
 * is idle), runs the searches planned by src/lib/search-query.ts, and renders
 * facets with counts, sorting and an ordered result list. The URL keeps the
 * state, so results can be shared and the header form simply links here.
 */
import { SEARCH_FILTERS, type SearchFilter } from '../../lib/search.ts';
import {
	facetOptions,
	parseState,
	stateToParams,
	type SearchState,
	type Sort,
} from '../../lib/search-query.ts';
import { loadPagefind, runSearch, type Pagefind, type PagefindResult } from './search-engine.ts';
import { facetGroup, resultCard } from './search-render.ts';

interface Config {
	base: string;
	locale: string;
	strings: Record<string, string>;
	units: Array<{ id: string; name: string; depth: number }>;
}

const PAGE_SIZE = 10;
const TYPING_DELAY = 250;

class GkSearch extends HTMLElement {
	#config!: Config;
	#pagefind: Promise<Pagefind> | undefined;
	#state: SearchState = { q: '', filters: {}, sort: 'relevance' };
	#run = 0;
	#ids: string[] = [];
	#results = new Map<string, PagefindResult>();
	#shown = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;

	connectedCallback(): void {
		this.#config = JSON.parse(this.dataset.config ?? '{}') as Config;
		this.#state = parseState(new URLSearchParams(location.search));
		const input = this.#input;
		input.value = this.#state.q;
		this.#sort.value = this.#state.sort;
		this.#el('[data-sort-wrap]').hidden = false;

		this.#el('form').addEventListener('submit', (event) => {
			event.preventDefault();
			clearTimeout(this.#timer);
			this.#update({ q: input.value.trim() }, true);
		});
		input.addEventListener('input', () => {
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => this.#update({ q: input.value.trim() }), TYPING_DELAY);
		});
		input.addEventListener('focus', () => void this.#load().catch(() => undefined), {
			once: true,
		});
		this.#sort.addEventListener('change', () =>
			this.#update({ sort: this.#sort.value as Sort }, true),
		);
		this.#el('[data-more]').addEventListener('click', () => void this.#showMore(true));
		this.#el('[data-clear]').addEventListener('click', () => {
			this.#update({ filters: {} }, true);
			input.focus();
		});
		window.addEventListener('popstate', () => {
			this.#state = parseState(new URLSearchParams(location.search));
			input.value = this.#state.q;
			this.#sort.value = this.#state.sort;
			void this.#search();
		});

		if (this.#state.q || Object.keys(this.#state.filters).length > 0) void this.#search();
		else {
			this.#status(this.#t('search.prompt'));
			const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1500));
			idle(() => void this.#load().catch(() => undefined));
		}
	}

	get #input(): HTMLInputElement {
		return this.#el('input[type="search"]');
	}
	get #sort(): HTMLSelectElement {
		return this.#el('[data-sort]');
	}
	#el<E extends Element = HTMLElement>(selector: string): E {
		const found = this.querySelector<E>(selector);
		if (!found) throw new Error(`gk-search: missing ${selector}`);
		return found;
	}
	#t(key: string, params: Record<string, string | number> = {}): string {
		const template = this.#config.strings[key] ?? key;
		return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
			params[name] === undefined ? whole : String(params[name]),
		);
	}

	/** Pagefind, imported once; a failed load (offline, index missing) is tried again by the next search. */
	#load(): Promise<Pagefind> {
		this.#pagefind ??= loadPagefind(this.#config.base);
		this.#pagefind.catch(() => (this.#pagefind = undefined));
		return this.#pagefind;
	}

	#update(change: Partial<SearchState>, push = false): void {
		this.#state = { ...this.#state, ...change };
		const params = stateToParams(this.#state).toString();
		const url = `${location.pathname}${params ? `?${params}` : ''}`;
		if (url !== `${location.pathname}${location.search}`) {
			if (push) history.pushState(null, '', url);
			else history.replaceState(null, '', url);
		}
		void this.#search();
	}

	#status(text: string): void {
		const status = this.#el('[data-status]');
		if (status.textContent !== text) status.textContent = text;
	}

	async #search(): Promise<void> {
		const run = ++this.#run;
		const { q, filters } = this.#state;
		const hasFilters = Object.keys(filters).length > 0;
		const list = this.#el<HTMLOListElement>('[data-results]');
		// For tests and scripts: `busy` until this run's results are on the page.
		this.dataset.state = 'busy';
		if (!q && !hasFilters) {
			list.replaceChildren();
			this.#el('[data-more]').hidden = true;
			this.#el('[data-note]').hidden = true;
			this.#el('.gk-search__facets').hidden = true;
			this.#status(this.#t('search.prompt'));
			this.dataset.state = 'idle';
			return;
		}
		list.setAttribute('aria-busy', 'true');
		try {
			await this.#runSearch(run, await this.#load());
		} catch (error) {
			console.error(error);
			if (run !== this.#run) return;
			this.#status(this.#t('search.unavailable'));
			list.removeAttribute('aria-busy');
			this.dataset.state = 'error';
		}
	}

	async #runSearch(run: number, pagefind: Pagefind): Promise<void> {
		const { q } = this.#state;
		const list = this.#el<HTMLOListElement>('[data-results]');
		const { ids, results, counts, relaxed } = await runSearch(pagefind, this.#state);
		if (run !== this.#run) return;

		this.#ids = ids;
		this.#results = results;
		this.#shown = 0;
		list.replaceChildren();
		const note = this.#el('[data-note]');
		note.hidden = !relaxed || ids.length === 0;
		note.textContent = note.hidden ? '' : this.#t('search.loose', { query: q });
		this.#renderFacets(counts);
		if (ids.length === 0) {
			this.#status(`${this.#t('search.none', { query: q })} ${this.#t('search.noneHint')}`);
		} else {
			const one = new Intl.PluralRules(this.#config.locale).select(ids.length) === 'one';
			this.#status(this.#t(one ? 'search.count.one' : 'search.count', { count: ids.length }));
		}
		await this.#showMore(false);
		if (run !== this.#run) return;
		list.removeAttribute('aria-busy');
		this.dataset.state = 'done';
	}

	/** Renders the next page of results; with `focus`, moves focus to the first new one. */
	async #showMore(focus: boolean): Promise<void> {
		const run = this.#run;
		const start = this.#shown;
		const slice = this.#ids.slice(start, start + PAGE_SIZE);
		const data = await Promise.all(slice.map((id) => this.#results.get(id)!.data()));
		if (run !== this.#run) return;
		const list = this.#el<HTMLOListElement>('[data-results]');
		const items = data.map((d) => resultCard(d, this.#t.bind(this), this.#config.locale));
		list.append(...items);
		this.#shown = start + slice.length;
		this.#el('[data-more]').hidden = this.#shown >= this.#ids.length;
		if (focus) items[0]?.querySelector('a')?.focus();
	}

	#renderFacets(counts: Record<string, Record<string, number>>): void {
		const root = this.#el('[data-facets]');
		const shown = [...root.querySelectorAll<HTMLDetailsElement>('details')];
		const openBefore = new Set(shown.filter((d) => d.open).map((d) => d.dataset.facet));
		const seenBefore = new Set(shown.map((d) => d.dataset.facet));
		// On a phone the filters sit above the results: start them closed there.
		const wide = window.matchMedia('(min-width: 56rem)').matches;
		const active = document.activeElement;
		const focused = active instanceof HTMLInputElement && root.contains(active) ? active.id : '';
		const context = {
			units: this.#config.units,
			typeLabel: (type: string) => this.#t(`search.type.${type}`),
			locale: this.#config.locale,
		};
		root.replaceChildren();
		for (const name of SEARCH_FILTERS) {
			const selected = this.#state.filters[name] ?? [];
			const options = facetOptions(name, counts[name] ?? {}, selected, context);
			if (options.length === 0) continue;
			const open = seenBefore.has(name)
				? openBefore.has(name)
				: selected.length > 0 || (wide && (name !== 'unit' || options.length <= 8));
			root.append(
				facetGroup(name, options, open, this.#t.bind(this), (value, on) =>
					this.#toggle(name, value, on),
				),
			);
		}
		this.#el('.gk-search__facets').hidden = root.childElementCount === 0;
		this.#el('[data-clear]').hidden = Object.keys(this.#state.filters).length === 0;
		// Re-rendering replaced the checkbox the reader just used: give focus back to its successor.
		if (focused) document.getElementById(focused)?.focus();
	}

	#toggle(name: SearchFilter, value: string, on: boolean): void {
		const current = new Set(this.#state.filters[name] ?? []);
		if (on) current.add(value);
		else current.delete(value);
		const filters = { ...this.#state.filters, [name]: [...current] };
		if (current.size === 0) delete filters[name];
		this.#update({ filters }, true);
	}
}

if (!customElements.get('gk-search')) customElements.define('gk-search', GkSearch);
