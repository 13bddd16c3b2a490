/**
 * `<gk-display>`: runs a lobby screen in the browser. Every slide is already
 * in the page; this element only decides which one is up (from the clock in
 * the site's time zone), keeps the clock and countdowns current, shifts the
 * picture a little each minute, pauses on the space bar, and reloads once
 * at a slide boundary when a new build is out. It never creates slides, so
 * a screen that runs for weeks holds the same DOM it started with.
 */
import {
	nextChange,
	parseDisplayParams,
	pixelShift,
	planSlides,
	type DisplayItem,
	type DisplaySectionName,
	type DisplaySettings,
} from '../../lib/display.ts';
import {
	currentSlide,
	progress,
	replan,
	setPaused,
	startRotation,
	step,
	tick,
	type RotationState,
} from '../../lib/display-rotation.ts';
import { liveDaysLeft, liveStatus } from '../../lib/live-status.ts';
import { fitSlide } from './fit.ts';
import { Updater } from './updater.ts';

interface DisplayData {
	locale: string;
	timeZone: string;
	slideSeconds: number;
	sections: DisplaySectionName[];
	items: DisplayItem[];
	versionUrl: string;
	strings: Record<string, string>;
}

/** Fills `{name}` placeholders. */
function fill(template: string, params: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		params[name] === undefined ? whole : String(params[name]),
	);
}

/** Sets an element's text through its one text node, so updates create no nodes. */
function setText(element: Element | null | undefined, text: string): void {
	if (!element) return;
	const node = element.firstChild;
	if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) {
		if ((node as Text).data !== text) (node as Text).data = text;
	} else {
		element.textContent = text;
	}
}

class GkDisplay extends HTMLElement {
	#data!: DisplayData;
	#settings!: DisplaySettings;
	#items = new Map<string, DisplayItem>();
	#slides = new Map<string, HTMLElement>();
	#state!: RotationState;
	#updater!: Updater;
	#shown: string | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#planDueAt = Number.NEGATIVE_INFINITY;
	/** Ticks fall whole seconds after this instant, so a slide of n seconds lasts exactly n seconds. */
	#phase = 0;
	#lastNow = 0;
	#minute = Number.NaN;
	#formats!: { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat };
	#portraitQuery = matchMedia('(orientation: portrait)');
	#resize = new ResizeObserver(() => this.#refitSoon());
	#size = '';
	#refitTimer: ReturnType<typeof setTimeout> | undefined;

	connectedCallback(): void {
		const source = this.querySelector('script[type="application/json"]');
		if (!source?.textContent) return;
		this.#data = JSON.parse(source.textContent) as DisplayData;
		this.#settings = parseDisplayParams(location.search, {
			slideSeconds: this.#data.slideSeconds,
			sections: this.#data.sections,
		});
		for (const item of this.#data.items) this.#items.set(item.slide, item);
		for (const slide of this.querySelectorAll<HTMLElement>('[data-slide]'))
			this.#slides.set(slide.dataset.slide!, slide);
		const { locale, timeZone } = this.#data;
		this.#formats = {
			time: new Intl.DateTimeFormat(locale, {
				timeZone,
				hour: '2-digit',
				minute: '2-digit',
				hourCycle: 'h23',
			}),
			date: new Intl.DateTimeFormat(locale, {
				timeZone,
				year: 'numeric',
				month: 'long',
				day: 'numeric',
			}),
			weekday: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }),
		};
		this.#applyLook();
		this.#portraitQuery.addEventListener('change', this.#applyLook);
		document.addEventListener('keydown', this.#onKey);

		const now = Date.now();
		// The clock and the states first (they take room: a 公示 that is open shows its countdown), then fit every slide.
		this.#clock(now);
		for (const slide of this.#slides.values()) this.#refresh(slide, now);
		this.#fitAll();
		const area = this.querySelector('.slides');
		if (area) this.#resize.observe(area);
		// Text can change size once fonts and images are in: fit again then.
		void document.fonts.ready.then(() => this.#fitAll());
		addEventListener('load', () => this.#fitAll(), { once: true });
		this.#state = startRotation(this.#plan(now), now);
		this.#phase = now;
		this.#lastNow = now;
		const embedded = document.querySelector<HTMLMetaElement>(
			'meta[name="gongkai:version"]',
		)?.content;
		this.#updater = new Updater(this.#data.versionUrl, embedded, now);
		this.#render(now);
		this.dataset.running = '';
		// Two frames: the first slide is painted before fades are switched on.
		requestAnimationFrame(() => requestAnimationFrame(() => (this.dataset.settled = '')));
		this.#schedule();
	}

	disconnectedCallback(): void {
		clearTimeout(this.#timer);
		clearTimeout(this.#refitTimer);
		this.#resize.disconnect();
		this.#portraitQuery.removeEventListener('change', this.#applyLook);
		document.removeEventListener('keydown', this.#onKey);
	}

	#areaSize(): string {
		const area = this.querySelector('.slides');
		return area ? `${area.clientWidth}x${area.clientHeight}` : '';
	}

	#fitAll(): void {
		this.#size = this.#areaSize();
		for (const slide of this.#slides.values()) fitSlide(slide);
	}

	// Out of the observer's callback: changing layout inside it would report a loop error.
	#refitSoon(): void {
		clearTimeout(this.#refitTimer);
		this.#refitTimer = setTimeout(() => {
			if (this.#areaSize() !== this.#size) this.#fitAll();
		}, 0);
	}

	get #slideMs(): number {
		return this.#settings.seconds * 1000;
	}

	#plan(now: number) {
		const next = nextChange(this.#data.items, now);
		this.#planDueAt = next ?? Number.POSITIVE_INFINITY;
		return planSlides(this.#data.items, this.#settings.sections, now);
	}

	// One tick a second from the start: slide times are whole seconds, so boundaries fall on ticks.
	#schedule(): void {
		const late = (((Date.now() - this.#phase) % 1000) + 1000) % 1000;
		this.#timer = setTimeout(this.#loop, 1000 - late);
	}

	#loop = (): void => {
		try {
			this.#tick(Date.now());
		} catch (error) {
			// A screen nobody watches must keep going: report, and tick again.
			console.error(error);
		}
		this.#schedule();
	};

	#tick(now: number): void {
		// Items go on and off air only at known instants; a clock that jumped back re-plans too.
		if (now >= this.#planDueAt || now < this.#lastNow) {
			this.#state = replan(this.#state, this.#plan(now), now).state;
		}
		this.#lastNow = now;
		if (!this.#updater.holding) {
			const next = tick(this.#state, now, this.#slideMs);
			// A newer build waiting: the slide stays up while the screen reloads.
			if (next.boundary && !this.#updater.atBoundary(now, this.#state.shownAt, this.#slideMs)) {
				this.#state = next.state;
			}
		}
		this.#updater.tick(now);
		this.#render(now);
	}

	#render(now: number): void {
		const root = document.documentElement;
		const id = currentSlide(this.#state);
		if (id !== this.#shown) {
			const previous = this.#shown === undefined ? undefined : this.#slides.get(this.#shown);
			previous?.removeAttribute('data-active');
			previous?.setAttribute('inert', '');
			const slide = this.#slides.get(id);
			if (slide) {
				for (const other of this.#slides.values())
					if (other !== slide && other.hasAttribute('data-active'))
						other.removeAttribute('data-active');
				slide.setAttribute('data-active', '');
				slide.removeAttribute('inert');
				this.#refresh(slide, now);
			}
			this.#shown = id;
			const { plan } = this.#state;
			const section = plan.sections[id] ?? 'idle';
			setText(
				this.querySelector('[data-section-label]'),
				this.#data.strings[`display.section.${section}`] ?? '',
			);
			setText(
				this.querySelector('[data-counter]'),
				plan.slides.length > 1
					? fill(this.#data.strings['display.counter'] ?? '', {
							n: this.#state.index + 1,
							total: plan.slides.length,
						})
					: '',
			);
			root.toggleAttribute('data-urgent', plan.urgent);
			this.dataset.slide = id;
		}
		const bar = this.querySelector<HTMLElement>('[data-progress]');
		if (bar)
			bar.style.transform = `scaleX(${progress(this.#state, now, this.#slideMs).toFixed(3)})`;
		const minute = Math.floor(now / 60_000);
		if (minute !== this.#minute) {
			this.#minute = minute;
			this.#clock(now);
			const { x, y } = pixelShift(minute);
			root.style.setProperty('--gk-shift-x', `${x}px`);
			root.style.setProperty('--gk-shift-y', `${y}px`);
			const slide = this.#slides.get(id);
			if (slide) this.#refresh(slide, now);
		}
	}

	#clock(now: number): void {
		setText(this.querySelector('[data-clock-time]'), this.#formats.time.format(now));
		setText(this.querySelector('[data-clock-date]'), this.#formats.date.format(now));
		setText(this.querySelector('[data-clock-weekday]'), this.#formats.weekday.format(now));
	}

	/** The parts of a slide that depend on today: a 公示's status and countdown, a competition's status. */
	#refresh(slide: HTMLElement, now: number): void {
		const item = this.#items.get(slide.dataset.slide!);
		const s = this.#data.strings;
		const before = `${slide.dataset.state}|${slide.hasAttribute('data-last-day')}`;
		if (item?.publicity) {
			const status = liveStatus(item.publicity.startsAt, item.publicity.endsAt, now);
			slide.dataset.state = status;
			setText(slide.querySelector('[data-status]'), s[`display.status.${status}`] ?? '');
			if (status === 'open') {
				const days = liveDaysLeft(item.publicity.endsAt, now, this.#data.timeZone);
				const last = days <= 1;
				setText(
					slide.querySelector('[data-countdown-label]'),
					s[last ? 'display.countdown.todayLabel' : 'display.countdown.label'] ?? '',
				);
				setText(
					slide.querySelector('[data-countdown-value]'),
					last ? (s['display.countdown.today'] ?? '') : String(days),
				);
				setText(
					slide.querySelector('[data-countdown-unit]'),
					last ? '' : (s[days === 1 ? 'display.countdown.day' : 'display.countdown.days'] ?? ''),
				);
				slide.toggleAttribute('data-last-day', last);
			}
		}
		if (item?.period) {
			const status = liveStatus(item.period.startsAt, item.period.endsAt, now);
			slide.dataset.state = status;
			setText(slide.querySelector('[data-status]'), s[`display.competition.${status}`] ?? '');
		}
		// A countdown that appears or changes shape changes what fits.
		if (
			this.#size !== '' &&
			`${slide.dataset.state}|${slide.hasAttribute('data-last-day')}` !== before
		)
			fitSlide(slide);
	}

	/** Orientation and theme from the URL; a forced orientation the screen does not have turns the picture. */
	#applyLook = (): void => {
		const root = document.documentElement;
		const { orientation, rotate, theme } = this.#settings;
		root.dataset.theme = theme;
		const turned =
			orientation !== undefined && (orientation === 'portrait') !== this.#portraitQuery.matches;
		if (turned) root.dataset.rotated = String(rotate);
		else delete root.dataset.rotated;
	};

	#onKey = (event: KeyboardEvent): void => {
		if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
		const now = Date.now();
		if (event.code === 'Space' || event.key === ' ') {
			event.preventDefault();
			this.#state = setPaused(this.#state, !this.#state.paused, now);
			document.documentElement.toggleAttribute('data-paused', this.#state.paused);
		} else if (event.key === 'ArrowRight' || event.key === 'PageDown') {
			event.preventDefault();
			this.#state = step(this.#state, 1, now).state;
		} else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
			event.preventDefault();
			this.#state = step(this.#state, -1, now).state;
		} else {
			return;
		}
		this.#render(now);
	};
}

if (!customElements.get('gk-display')) customElements.define('gk-display', GkDisplay);
