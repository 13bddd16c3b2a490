/**
 * The rotation of a lobby screen as a pure state machine: which slide is up,
 * since when, and when the next slide boundary falls. The browser feeds it
 * the clock (one tick a second) and fresh plans; it answers with the new
 * state and whether a boundary was crossed — the only moment a screen may
 * reload itself without cutting a slide short.
 */
import { samePlan, type SlidePlan } from './display.ts';

export interface RotationState {
	plan: SlidePlan;
	/** Position of the current slide in `plan.slides`. */
	index: number;
	/** Instant (epoch ms) the current slide went up. */
	shownAt: number;
	/** Paused for maintenance: the slide stays until resumed. */
	paused: boolean;
}

/** A new state, and whether the slide on screen changed (a slide boundary). */
export interface Step {
	state: RotationState;
	boundary: boolean;
}

/** The first slide of `plan`, up from `now`. */
export function startRotation(plan: SlidePlan, now: number): RotationState {
	return { plan, index: 0, shownAt: now, paused: false };
}

/** The slide on screen. */
export function currentSlide(state: RotationState): string {
	return state.plan.slides[state.index]!;
}

/** Share of the current slide's time that has gone, 0–1 (0 while paused). */
export function progress(state: RotationState, now: number, slideMs: number): number {
	if (state.paused) return 0;
	return Math.min(1, Math.max(0, (now - state.shownAt) / slideMs));
}

/**
 * Advances when the current slide has had its time. A clock that jumped
 * backwards (NTP, a wrong RTC corrected) restarts the slide rather than
 * freezing it until the clock catches up.
 */
export function tick(state: RotationState, now: number, slideMs: number): Step {
	if (state.paused) return { state, boundary: false };
	if (now < state.shownAt) return { state: { ...state, shownAt: now }, boundary: false };
	if (now - state.shownAt < slideMs) return { state, boundary: false };
	return {
		state: { ...state, index: (state.index + 1) % state.plan.slides.length, shownAt: now },
		boundary: true,
	};
}

/**
 * Applies a new plan. An urgent notice arriving or leaving cuts in at once;
 * otherwise the slide on screen keeps its time if it is still on air, and a
 * slide that went off air gives way to the one that followed it.
 */
export function replan(state: RotationState, plan: SlidePlan, now: number): Step {
	if (samePlan(state.plan, plan)) return { state: { ...state, plan }, boundary: false };
	if (plan.urgent !== state.plan.urgent) {
		return { state: { ...state, plan, index: 0, shownAt: now }, boundary: true };
	}
	const current = currentSlide(state);
	const kept = plan.slides.indexOf(current);
	if (kept !== -1) return { state: { ...state, plan, index: kept }, boundary: false };
	// The next slide of the old plan that survives, else wrap to the start.
	const old = state.plan.slides;
	for (let i = 1; i <= old.length; i++) {
		const candidate = plan.slides.indexOf(old[(state.index + i) % old.length]!);
		if (candidate !== -1)
			return { state: { ...state, plan, index: candidate, shownAt: now }, boundary: true };
	}
	return { state: { ...state, plan, index: 0, shownAt: now }, boundary: true };
}

/** Pauses or resumes; a resumed slide gets its full time again. */
export function setPaused(state: RotationState, paused: boolean, now: number): RotationState {
	if (paused === state.paused) return state;
	return { ...state, paused, shownAt: now };
}

/** Moves by `delta` slides by hand (maintenance keys), paused or not. */
export function step(state: RotationState, delta: number, now: number): Step {
	const n = state.plan.slides.length;
	const index = (((state.index + delta) % n) + n) % n;
	return { state: { ...state, index, shownAt: now }, boundary: index !== state.index || n === 1 };
}
