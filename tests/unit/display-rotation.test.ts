import { describe, expect, it } from 'vitest';
import type { SlidePlan } from '../../src/lib/display.ts';
import {
	currentSlide,
	progress,
	replan,
	setPaused,
	startRotation,
	step,
	tick,
} from '../../src/lib/display-rotation.ts';

const plan = (slides: string[], urgent = false): SlidePlan => ({
	urgent,
	slides,
	sections: Object.fromEntries(slides.map((s) => [s, urgent ? 'urgent' : 'notices'])),
});
const SLIDE = 15_000;
const T = 1_000_000;

describe('tick', () => {
	it.each([
		['keeps a slide before its time is up', T + SLIDE - 1, 'a', false],
		['moves on exactly when its time is up', T + SLIDE, 'b', true],
		['moves on once even when a tick came late', T + 3 * SLIDE, 'b', true],
	])('%s', (_name, now, slide, boundary) => {
		const result = tick(startRotation(plan(['a', 'b', 'c']), T), now, SLIDE);
		expect(currentSlide(result.state)).toBe(slide);
		expect(result.boundary).toBe(boundary);
	});

	it('wraps around to the first slide', () => {
		let state = startRotation(plan(['a', 'b']), T);
		state = tick(state, T + SLIDE, SLIDE).state;
		state = tick(state, T + 2 * SLIDE, SLIDE).state;
		expect(currentSlide(state)).toBe('a');
	});

	it('crosses a boundary with a single slide, so a reload can still happen', () => {
		const result = tick(startRotation(plan(['only']), T), T + SLIDE, SLIDE);
		expect(currentSlide(result.state)).toBe('only');
		expect(result.boundary).toBe(true);
	});

	it('restarts the slide when the clock jumps back, instead of freezing', () => {
		const result = tick(startRotation(plan(['a', 'b']), T), T - 3_600_000, SLIDE);
		expect(result.boundary).toBe(false);
		expect(result.state.shownAt).toBe(T - 3_600_000);
		expect(currentSlide(tick(result.state, T - 3_600_000 + SLIDE, SLIDE).state)).toBe('b');
	});

	it('holds while paused and gives the slide its full time after resuming', () => {
		let state = setPaused(startRotation(plan(['a', 'b']), T), true, T + 5000);
		expect(tick(state, T + 10 * SLIDE, SLIDE).boundary).toBe(false);
		state = setPaused(state, false, T + 10 * SLIDE);
		expect(tick(state, T + 11 * SLIDE - 1, SLIDE).boundary).toBe(false);
		expect(currentSlide(tick(state, T + 11 * SLIDE, SLIDE).state)).toBe('b');
	});
});

describe('replan', () => {
	it('changes nothing for the same slides', () => {
		const state = startRotation(plan(['a', 'b']), T);
		const result = replan(state, plan(['a', 'b']), T + 1000);
		expect(result.boundary).toBe(false);
		expect(result.state.shownAt).toBe(T);
	});

	it('cuts in at once when an urgent notice arrives', () => {
		const state = tick(startRotation(plan(['a', 'b']), T), T + SLIDE, SLIDE).state;
		const result = replan(state, plan(['u'], true), T + SLIDE + 3000);
		expect(currentSlide(result.state)).toBe('u');
		expect(result.state.shownAt).toBe(T + SLIDE + 3000);
		expect(result.boundary).toBe(true);
	});

	it('returns to the rotation from the start when the urgent notice leaves', () => {
		const state = startRotation(plan(['u'], true), T);
		const result = replan(state, plan(['a', 'b']), T + 2000);
		expect(currentSlide(result.state)).toBe('a');
		expect(result.boundary).toBe(true);
	});

	it('keeps the slide on screen, and its time, when others come or go', () => {
		const state = tick(startRotation(plan(['a', 'b', 'c']), T), T + SLIDE, SLIDE).state;
		const result = replan(state, plan(['x', 'b', 'c']), T + SLIDE + 4000);
		expect(currentSlide(result.state)).toBe('b');
		expect(result.state.index).toBe(1);
		expect(result.state.shownAt).toBe(T + SLIDE);
		expect(result.boundary).toBe(false);
	});

	it('moves to the slide that followed one that went off air', () => {
		const state = tick(startRotation(plan(['a', 'b', 'c', 'd']), T), T + SLIDE, SLIDE).state;
		const result = replan(state, plan(['a', 'd']), T + SLIDE + 4000);
		expect(currentSlide(result.state)).toBe('d');
		expect(result.boundary).toBe(true);
	});

	it('starts over when no slide of the old plan is left', () => {
		const state = startRotation(plan(['a', 'b']), T);
		expect(currentSlide(replan(state, plan(['x', 'y']), T + 1).state)).toBe('x');
	});
});

describe('step', () => {
	it.each([
		['forward', 1, 'b'],
		['back, wrapping', -1, 'c'],
		['several at once', 4, 'b'],
	])('moves %s', (_name, delta, expected) => {
		const result = step(startRotation(plan(['a', 'b', 'c']), T), delta, T + 500);
		expect(currentSlide(result.state)).toBe(expected);
		expect(result.state.shownAt).toBe(T + 500);
	});
});

describe('progress', () => {
	it.each([
		['is 0 at the start', T, 0],
		['is half way at half time', T + SLIDE / 2, 0.5],
		['stops at 1', T + 2 * SLIDE, 1],
	])('%s', (_name, now, expected) => {
		expect(progress(startRotation(plan(['a']), T), now, SLIDE)).toBe(expected);
	});

	it('is 0 while paused', () => {
		expect(progress(setPaused(startRotation(plan(['a']), T), true, T), T + 5000, SLIDE)).toBe(0);
	});
});
