/**
 * The bench's command line: `npm run bench -- [--only <name,...>] [--runs N] [--build <dir>]
 * [--against <dir>]`.
 * - `--only`: run just these scenarios (SCENARIOS), with the floors they are ratios of, measured
 *   in the same rounds; the seeding (restores) only for the data they visit.
 * - `--runs N`: rounds per figure (default BENCH_RUNS, else 5).
 * - `--build <dir>`: bench this already-built app (e.g. another commit's build/) instead of
 *   building the worktree.
 * - `--against <dir>`: a second, already-built app, B, served on a port of its own and seeded
 *   through its own UI; each first-screen page is measured for both, A and B in turn (the order
 *   swapped every round), against the same floors, and B's lines are named `B:<name>`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Every scenario `--only` can name. */
export const SCENARIOS = [
	'exam-sim',
	'first-load-js',
	'study-returning',
	'study-returning-throttled',
	'study-year',
	'study-year-throttled',
	'home-year',
	'rating',
	'import',
	'restore',
	'export',
	'stored-size',
	'lighthouse'
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The first-screen pages: the scenarios measured in rounds against floors, and A/B'd. */
export const PAGES = [
	'study-returning',
	'study-returning-throttled',
	'study-year',
	'study-year-throttled',
	'home-year'
] as const satisfies readonly Scenario[];

export interface BenchOptions {
	/** The scenarios to run (all by default). */
	only: ReadonlySet<Scenario>;
	runs: number;
	/** An app already built, benched instead of building this worktree. */
	build?: string;
	/** A second app already built, measured beside the first. */
	against?: string;
}

const isScenario = (x: string): x is Scenario => (SCENARIOS as readonly string[]).includes(x);

/** Reads the arguments; throws with a message naming the bad one. */
export function benchOptions(
	argv: readonly string[],
	env: Record<string, string | undefined>
): BenchOptions {
	let only: Set<Scenario> = new Set(SCENARIOS);
	let runs = Number(env.BENCH_RUNS ?? 5);
	let build: string | undefined;
	let against: string | undefined;
	const dir = (flag: string, value: string | undefined) => {
		if (!value || !existsSync(resolve(value, 'index.html')))
			throw new Error(
				`${flag} needs a built app's folder (with index.html); got ${value ?? 'nothing'}`
			);
		return resolve(value);
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = argv[i + 1];
		if (arg === '--only') {
			const names = (value ?? '').split(',').filter(Boolean);
			const bad = names.filter((n) => !isScenario(n));
			if (!names.length || bad.length)
				throw new Error(
					`--only: unknown scenario ${bad.join(', ') || '(none given)'}; one of ${SCENARIOS.join(', ')}`
				);
			only = new Set(names.filter(isScenario));
		} else if (arg === '--runs') runs = Number(value);
		else if (arg === '--build') build = dir(arg, value);
		else if (arg === '--against') against = dir(arg, value);
		else throw new Error(`unknown argument ${arg}; see bench/options.ts`);
		i++;
	}
	if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);
	return { only, runs, build, against };
}
