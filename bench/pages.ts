/**
 * The first-screen pages and their floors, measured in rounds: each round measures every floor
 * and every page once, so that load from elsewhere on the machine falls on floors and pages
 * alike. With a second app (B, `--against`), each page is measured for A and B in turn, the
 * order swapped every round, against the same floors. A measure whose first run is over three
 * times its limit and over 5 s is not repeated.
 *
 * Warm (the budgets): the browser holds the app's files and V8's code for them, as a returning
 * learner's does; two rounds first, not counted, fill the caches. Cold (figures named `…-cold`,
 * not budgets): the cache off, as on the first visit after an update, where every KB of
 * JavaScript is fetched and compiled again (README, Speed).
 */
import { PAGES, type Scenario } from './options';
import { budget, figure, median, type Sample } from './report';
import { dayCounts, emptyOnMount, firstQuestion, rawRead } from './scenarios';

/** An app under test: its origin and its seeded profiles (undefined when not needed). */
export interface Target {
	/** '' for the app benched, 'B:' for the one it is compared with. */
	prefix: string;
	origin: string;
	returning?: string;
	year?: string;
}

interface Measure {
	name: string;
	run: () => Promise<number>;
	values: number[];
	limit?: () => number;
	note?: string;
}

const SLOW = 5000;
const MB = 1024 * 1024;

const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

const m = (name: string, run: () => Promise<number>, limit?: () => number): Measure => ({
	name,
	run,
	values: [],
	limit
});

/** Measure `wanted` pages of each target, and their floors, `runs` rounds; print the lines. */
export async function measurePages(
	wanted: readonly Scenario[],
	targets: readonly Target[],
	emptyOrigin: string,
	runs: number,
	log: (line: string) => void,
	cold = false,
	/** The empty page with /study's markup and CSS (bench/build.ts `emptyWithMarkup`). */
	markupOrigin?: string
): Promise<void> {
	const c = cold ? '-cold' : '';
	const want = new Set(PAGES.filter((p) => wanted.includes(p)));
	if (!want.size) return;
	const [a] = targets;
	const records = new Map<string, number>();
	const rawM = (name: string, profile: string | undefined, throttled: boolean) =>
		m(name, async () => {
			const r = await rawRead(a.origin, profile as string, throttled, cold);
			records.set(name, r.records);
			return r.ms;
		});
	const has = (...p: Scenario[]) => p.some((x) => want.has(x as (typeof PAGES)[number]));
	const floors = {
		mount: m(`empty-onMount${c}`, () => emptyOnMount(emptyOrigin, false, cold)),
		mount4: m(`empty-onMount-throttled${c}`, () => emptyOnMount(emptyOrigin, true, cold)),
		markup: m(`empty-with-study-markup-onMount${c}`, () =>
			emptyOnMount(markupOrigin as string, false, cold)
		),
		rawReturning: rawM(`raw-read-returning${c}`, a.returning, false),
		rawReturning4: rawM(`raw-read-returning-throttled${c}`, a.returning, true),
		rawYear: rawM(`raw-read-year${c}`, a.year, false),
		rawYear4: rawM(`raw-read-year-throttled${c}`, a.year, true)
	};
	const floorsWanted = new Set<Measure>([
		...(has('study-returning', 'study-year', 'home-year') ? [floors.mount] : []),
		...(has('study-returning-throttled', 'study-year-throttled') ? [floors.mount4] : []),
		...(has('study-returning') ? [floors.rawReturning] : []),
		...(has('study-returning') && markupOrigin ? [floors.markup] : []),
		...(has('study-returning-throttled') ? [floors.rawReturning4] : []),
		...(has('study-year', 'home-year') ? [floors.rawYear] : []),
		...(has('study-year-throttled') ? [floors.rawYear4] : [])
	]);
	const first = (v: readonly number[]) => v[0];
	const floor = (raw: Measure, mount: Measure, pick = median) =>
		pick(mount.values) + pick(raw.values);
	/** Each page: its data, how it is measured, its limit's factor and floor. */
	const specs = {
		'study-returning': { k: 1.3, raw: floors.rawReturning, mount: floors.mount, f: 'F' },
		'study-returning-throttled': {
			k: 1.3,
			raw: floors.rawReturning4,
			mount: floors.mount4,
			f: 'F4'
		},
		'study-year': { k: 1.5, raw: floors.rawYear, mount: floors.mount, f: 'F' },
		'study-year-throttled': { k: 1.5, raw: floors.rawYear4, mount: floors.mount4, f: 'F4' },
		'home-year': { k: 1.5, raw: floors.rawYear, mount: floors.mount, f: 'F' }
	} as const;
	const heaps = new Map<string, number[]>();
	/** Per page measure, each mark's times (ms from navigation). */
	const marks = new Map<string, Map<string, number[]>>();
	const pageMeasure = (t: Target, name: (typeof PAGES)[number]): Measure => {
		const s = specs[name];
		const throttled = name.endsWith('-throttled');
		const profile = (name.includes('returning') ? t.returning : t.year) as string;
		return m(
			`${t.prefix}${name}${c}`,
			async () => {
				const r =
					name === 'home-year'
						? await dayCounts(t.origin, profile, false, cold)
						: await firstQuestion(t.origin, profile, throttled, cold);
				const byMark = marks.get(`${t.prefix}${name}${c}`) ?? new Map<string, number[]>();
				marks.set(`${t.prefix}${name}${c}`, byMark);
				for (const [k, at] of Object.entries(r.marks ?? {}))
					byMark.set(k, [...(byMark.get(k) ?? []), at]);
				if (r.heap !== undefined && !name.includes('returning') && !cold) {
					const key = `${t.prefix}js-heap-${name === 'home-year' ? 'home' : 'study'}-year`;
					heaps.set(key, [...(heaps.get(key) ?? []), r.heap / MB]);
				}
				return r.ms;
			},
			() => s.k * floor(s.raw, s.mount, first)
		);
	};
	/** Pages in order, each with one measure per target. */
	const pages = PAGES.filter((p) => want.has(p)).map((name) => ({
		name,
		byTarget: targets.map((t) => pageMeasure(t, name))
	}));
	const started = performance.now();
	const all = [...floorsWanted, ...pages.flatMap((p) => p.byTarget)];
	if (!cold) {
		for (let round = 0; round < 2; round++) for (const measure of all) await measure.run();
		// What those visits left in the marks and heaps is not counted either.
		marks.clear();
		heaps.clear();
		log(`2 rounds to fill the caches, not counted  [${elapsed(started)}]`);
	}
	for (let round = 0; round < runs; round++) {
		const order = [
			...floorsWanted,
			...pages.flatMap((p) => (round % 2 ? [...p.byTarget].reverse() : p.byTarget))
		];
		for (const measure of order) {
			if (measure.note) continue;
			measure.values.push(await measure.run());
			// Only a slow page is spared: a quick one costs nothing to repeat.
			const v = measure.values[0];
			if (round === 0 && measure.limit && v > 3 * measure.limit() && v > SLOW)
				measure.note = `first run over 3× its limit and ${SLOW / 1000} s, not repeated`;
		}
		log(`round ${round + 1} of ${runs} done  [${elapsed(started)}]`);
	}
	const sample = (x: Measure): Sample => ({ values: x.values, note: x.note });
	for (const f of floorsWanted)
		figure(f.name, sample(f), 'ms', records.has(f.name) ? `${records.get(f.name)} records` : '');
	const F = (raw: Measure, mount: Measure) => floor(raw, mount);
	if (floorsWanted.has(floors.rawReturning))
		figure(
			`F-returning${c}`,
			F(floors.rawReturning, floors.mount),
			'ms',
			'empty onMount + raw read, medians'
		);
	if (floorsWanted.has(floors.rawReturning4))
		figure(
			`F4-returning${c}`,
			F(floors.rawReturning4, floors.mount4),
			'ms',
			'CPU 4× slower, 150 ms RTT, 1.6 Mbit/s'
		);
	if (floorsWanted.has(floors.markup))
		figure(
			`study-markup${c}`,
			median(floors.markup.values) - median(floors.mount.values),
			'ms',
			"/study's markup and CSS painted, unhydrated, on the empty page: its onMount less the empty page's"
		);
	if (floorsWanted.has(floors.rawYear)) figure(`F-year${c}`, F(floors.rawYear, floors.mount));
	if (floorsWanted.has(floors.rawYear4)) figure(`F4-year${c}`, F(floors.rawYear4, floors.mount4));
	log(
		cold
			? '\n## Cold, against cold floors: figures, not budgets (median of the runs; k × F shown)'
			: '\n## Budgets against the floors (measured: median of the runs; limit: k × F)'
	);
	for (const p of pages) {
		const s = specs[p.name];
		const f = F(s.raw, s.mount);
		for (const x of p.byTarget) {
			const detail = `${s.k}×${s.f}=${(s.k * f).toFixed(0)}; runs ${x.values.map((v) => v.toFixed(0)).join(' ')}${x.note ? `; ${x.note}` : ''}; ${(median(x.values) / f).toFixed(2)}×${s.f}`;
			if (cold) figure(`${x.name}-ms`, sample(x), 'ms', detail);
			else budget(`${x.name}-ms`, median(x.values), s.k * f, { detail });
		}
	}
	for (const [key, values] of heaps) figure(key, { values }, 'MB');
	log('\n## Where the time goes: marks on the way to the first screen (ms from navigation)');
	for (const [page, byMark] of marks)
		log(
			`marks ${page}: ${[...byMark]
				.sort(([, a], [, b]) => median(a) - median(b))
				.map(([k, v]) => `${k} ${median(v).toFixed(0)}`)
				.join(' · ')}`
		);
}
