import { describe, expect, it } from 'vitest';
import * as fsrs from 'ts-fsrs';
import { Rating, State } from './fsrs-enums';

/** The names of a numeric TypeScript enum (without its reverse mapping). */
const names = (e: object) => Object.keys(e).filter((k) => Number.isNaN(Number(k)));

describe('fsrs-enums', () => {
	it("State equals ts-fsrs's State, name for name", () => {
		expect(Object.keys(State).sort()).toEqual(names(fsrs.State).sort());
		for (const [name, value] of Object.entries(State))
			expect(value).toBe(fsrs.State[name as keyof typeof fsrs.State]);
	});

	it("Rating equals ts-fsrs's Rating except Manual (not a grade)", () => {
		expect(Object.keys(Rating).sort()).toEqual(
			names(fsrs.Rating)
				.filter((n) => n !== 'Manual')
				.sort()
		);
		for (const [name, value] of Object.entries(Rating))
			expect(value).toBe(fsrs.Rating[name as keyof typeof fsrs.Rating]);
	});
});
