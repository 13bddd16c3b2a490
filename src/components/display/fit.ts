/**
 * Fitting a slide to the screen in the browser, which alone knows the real
 * font metrics: the build already cut texts to a budget (src/lib/display-fit.ts);
 * this takes away what still does not fit, in a fixed order, so that nothing
 * is ever cut mid-line or scrolls.
 */

/** The line clamp an element has now (from the stylesheet or an earlier fit); 0 when none. */
function clampOf(element: HTMLElement): number {
	const value = getComputedStyle(element).getPropertyValue('-webkit-line-clamp');
	return Number.parseInt(value, 10) || 0;
}

/**
 * Fits a slide to the screen, which never scrolls: first drops leaderboard
 * rows from the bottom (a line says how many there are in all) and optional
 * parts (`data-fit-drop`, lowest first), then takes lines off the summary,
 * the 公示 facts and the title, and as a last resort leaves the summary
 * out — the QR code leads to the full page.
 */
export function fitSlide(slide: HTMLElement): void {
	const clamped = slide.querySelectorAll<HTMLElement>('[data-fit-clamp]');
	for (const element of clamped) {
		element.style.removeProperty('-webkit-line-clamp');
		element.style.removeProperty('line-clamp');
		element.removeAttribute('data-fit-clamp');
	}
	for (const row of slide.querySelectorAll('[data-fit-hidden]'))
		row.removeAttribute('data-fit-hidden');
	const droppable = [...slide.querySelectorAll<HTMLElement>('[data-fit-drop]')].sort(
		(a, b) => Number(a.dataset.fitDrop) - Number(b.dataset.fitDrop),
	);
	for (const element of droppable) element.hidden = false;
	const summary = slide.querySelector<HTMLElement>('.summary');
	if (summary) summary.hidden = false;

	// The slide and its text column both clip: either one holding more than it shows is an overflow.
	const boxes = [slide, ...slide.querySelectorAll<HTMLElement>('.slide__main')];
	const overflows = () => boxes.some((box) => box.scrollHeight > box.clientHeight + 1);
	const board = slide.querySelector<HTMLElement>('.board');
	const more = slide.querySelector<HTMLElement>('[data-board-more]');
	if (board) {
		const total = Number(board.dataset.total);
		const shown = () =>
			[...board.querySelectorAll<HTMLElement>('tbody tr')].filter(
				(row) => row.getClientRects().length > 0,
			);
		let rows = shown();
		if (more) more.hidden = rows.length >= total;
		const foot = more?.parentElement;
		const showFoot = () => {
			if (foot) foot.hidden = [...foot.children].every((child) => (child as HTMLElement).hidden);
		};
		showFoot();
		while (overflows() && rows.length > 3) {
			rows.at(-1)!.setAttribute('data-fit-hidden', '');
			rows = shown();
			if (more) more.hidden = false;
			showFoot();
		}
	}
	const shrink = (element: HTMLElement | null, min: number) => {
		if (!element) return;
		let lines = clampOf(element);
		while (overflows() && lines > min) {
			lines--;
			element.style.setProperty('-webkit-line-clamp', String(lines));
			element.style.setProperty('line-clamp', String(lines));
			element.setAttribute('data-fit-clamp', '');
		}
	};
	for (const element of droppable) {
		if (!overflows()) break;
		element.hidden = true;
	}
	shrink(summary, 1);
	for (const fact of slide.querySelectorAll<HTMLElement>('.facts dd')) shrink(fact, 1);
	shrink(slide.querySelector<HTMLElement>('.title'), 2);
	if (overflows() && summary) summary.hidden = true;
	slide.toggleAttribute(
		'data-fit-clipped',
		summary !== null && (summary.hidden || summary.hasAttribute('data-fit-clamp')),
	);
}
