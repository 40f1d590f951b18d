/**
 * `npm run bench`: the app's speed for a returning learner and for a year of current affairs,
 * each budget a ratio to floors measured in the same run, on the same data (docs/ARCHITECTURE.md,
 * the bench). Every figure is the median of BENCH_RUNS runs (default 5) with its spread; every
 * budget prints one line `budget <name> <measured> <limit> <ratio> pass|FAIL`. Exits 0 whatever
 * the budgets say: it reports, it does not gate.
 *
 * The runs go in rounds, each round measuring every floor and every page once, so that load
 * from elsewhere on the machine falls on floors and pages alike. A measure whose first run is
 * over three times its limit and over 5 s is not repeated, and restores stop once 90 s went on
 * them (the lines say so): they would only cost minutes. `--only`, `--runs`, `--build` and
 * `--against` choose what runs and against what (bench/options.ts, bench/pages.ts).
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serveStatic } from '../tests/static-server';
import {
	benchCertificate,
	emptyWithMarkup,
	buildApp,
	buildEmptyKit,
	rawReadPage,
	startBytes,
	startJs
} from './build';
import { closeTabs, newProfile, removeProfiles, trustCertificate } from './browser';
import { runLighthouse } from './lighthouse';
import { benchOptions, PAGES, SCENARIOS, type Scenario } from './options';
import { measurePages, type Target } from './pages';
import { budget, budgets, figure, median, percentile } from './report';
import { reportExamSim } from './exam-sim';
import {
	answers,
	exportFile,
	importDecks,
	rawCommit,
	rawKeyCommit,
	restore,
	warmUp,
	type FileResult
} from './scenarios';
import { workload } from './workload';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const options = benchOptions(process.argv.slice(2), process.env);
const RUNS = options.runs;
const want = (...names: Scenario[]) => names.some((n) => options.only.has(n));
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5));
/** The bench's servers (ports 4300–4309): fixed, as stored data belongs to an origin. */
const APP_PORT = Number(process.env.BENCH_PORT ?? 4300);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const section = (title: string) => console.log(`\n## ${title}  [${elapsed()}]`);
const KB = 1024;
const MB = 1024 * 1024;

console.log(
	`npm run bench: ${RUNS} runs per figure (median, lowest–highest, n); served over ${process.env.BENCH_HTTP1 === '1' ? 'HTTP/1.1' : 'HTTPS, HTTP/2'}`
);
if (options.only.size < SCENARIOS.length) console.log(`only: ${[...options.only].join(', ')}`);
if (options.build) console.log(`A: ${options.build}`);
if (options.against) console.log(`B: ${options.against} (lines named B:…)`);

if (want('exam-sim')) {
	section('Exam mode in simulation (a synthetic learner drawn from FSRS: bench/exam-sim.ts)');
	reportExamSim();
}

section('Build and data');
let t = performance.now();
const work = workload(root);
figure('workload-ready', performance.now() - t, 'ms', 'generated once a day into bench-results/');
t = performance.now();
const appBuild = options.build ?? buildApp(root);
if (!options.build) figure('app-build', performance.now() - t);
const emptyBuild = buildEmptyKit(root);
/** HTTP/2 over TLS, as static hosts serve; BENCH_HTTP1=1 serves plain HTTP/1.1 instead. */
const tls = process.env.BENCH_HTTP1 === '1' ? undefined : benchCertificate(root);
if (tls) trustCertificate(tls.cert);
const app = await serveStatic(appBuild, {
	gzip: true,
	port: APP_PORT,
	tls,
	immutable: true,
	mounts: { '/__bench/': rawReadPage(root) }
});
const empty = await serveStatic(emptyBuild, {
	gzip: true,
	port: APP_PORT + 1,
	tls,
	immutable: true
});
/** The empty page with /study's markup and CSS (bench/build.ts), for the returning budgets. */
const markup = await serveStatic(emptyWithMarkup(root, emptyBuild, appBuild, 'study.html'), {
	gzip: true,
	port: APP_PORT + 3,
	tls,
	immutable: true
});
const other = options.against
	? await serveStatic(options.against, { gzip: true, port: APP_PORT + 2, tls, immutable: true })
	: undefined;
const builds = [
	{ prefix: '', dir: appBuild },
	...(options.against ? [{ prefix: 'B:', dir: options.against }] : [])
];

try {
	if (want('first-load-js')) {
		section('First-load JS (from the build: the scripts each page loads at start, gzipped)');
		const emptyJs = startJs(emptyBuild, 'index.html');
		const emptyBytes = startBytes(emptyBuild);
		for (const { prefix, dir } of builds) {
			const home = startJs(dir, 'index.html');
			const study = startJs(dir, 'study.html');
			budget(`${prefix}first-load-js-home-KB`, home.gzip / KB, 55, {
				unit: 'KB',
				detail: `${home.files} files; the empty SvelteKit page ${(emptyJs.gzip / KB).toFixed(1)} KB`
			});
			figure(`${prefix}first-load-js-study`, study.gzip / KB, 'KB', `${study.files} files`);
			/** All a page asks for at start (HTML, CSS, JS, preloaded fetches), gzipped. */
			const bytes = startBytes(dir, 'study.html');
			figure(
				`${prefix}start-bytes-study`,
				bytes / KB,
				'KB',
				"HTML, CSS, JS and the HTML's preloaded fetches (a returning learner's)"
			);
			// On the throttled link every KB /study needs beyond the empty page's costs 5 ms at
			// least, whatever the code does with it: the floor those bytes set (README, Speed).
			figure(
				`${prefix}transfer-of-extra-bytes-throttled`,
				((bytes - emptyBytes) / (1_600_000 / 8)) * 1000,
				'ms',
				`${((bytes - emptyBytes) / KB).toFixed(1)} KB more than the empty page at 1.6 Mbit/s`
			);
		}
		figure('start-bytes-empty', emptyBytes / KB, 'KB');
	}

	section('Seeding: each backup restored through Settings → Backup → Replace, in a new profile');
	const needsReturning = want('study-returning', 'study-returning-throttled');
	const needsYear = want(
		'study-year',
		'study-year-throttled',
		'home-year',
		'rating',
		'import',
		'export',
		'stored-size'
	);
	const targets: Target[] = [];
	let usage: number | null = null;
	const restores: FileResult[] = [];
	for (const { prefix, origin } of [
		{ prefix: '', origin: app.origin },
		...(other ? [{ prefix: 'B:', origin: other.origin }] : [])
	]) {
		const target: Target = { prefix, origin };
		if (needsReturning) {
			target.returning = newProfile();
			const seeded = await restore(origin, target.returning, work.returning);
			figure(`${prefix}restore-returning`, seeded.ms, 'ms', seeded.status);
			await warmUp(origin, target.returning);
		}
		if (needsYear) {
			target.year = newProfile();
			const r = await restore(origin, target.year, work.year);
			figure(`${prefix}restore-year-first`, r.ms, 'ms', r.status);
			if (!prefix) restores.push(r);
			const u = await warmUp(origin, target.year);
			if (!prefix) usage = u;
		}
		targets.push(target);
	}

	const RESTORE_LIMIT = 10_000;
	/** Restores are repeated until this much time is spent on them (a loaded machine's guard). */
	const RESTORE_TIME_CAP = 90_000;
	let restoreNote: string | undefined;
	let restoreCap: string | undefined;
	if (want('restore'))
		for (let i = restores.length; i < RUNS; i++) {
			if (restores.length && restores[0].ms > 3 * RESTORE_LIMIT) {
				restoreNote = 'first run over 3× its limit, not repeated';
				break;
			}
			if (restores.reduce((sum, r) => sum + r.ms, 0) > RESTORE_TIME_CAP) {
				restoreCap = `stopped after ${i} runs: ${RESTORE_TIME_CAP / 1000} s of restoring spent`;
				break;
			}
			const profile = newProfile();
			restores.push(await restore(app.origin, profile, work.year));
			rmSync(profile, { recursive: true, force: true });
		}

	if (want(...PAGES)) {
		section("Floors and pages, in rounds: a returning visit (the app's files kept)");
		const log = (line: string) => console.log(line);
		await measurePages([...options.only], targets, empty.origin, RUNS, log, false, markup.origin);
		section('Floors and pages, in rounds: cold (cache off, as after an update)');
		await measurePages([...options.only], targets, empty.origin, RUNS, log, true, markup.origin);
	}
	// Answers and imports copy the year's profile: its browser is closed first.
	await closeTabs();
	const year = targets[0].year as string;

	if (want('rating')) {
		section('Answering at scale: rating → next question rendered');
		const { times, steps } = await answers(app.origin, year, 40);
		// The least any stored answer costs here: one put committed, then a frame (a bare page).
		const commits = await rawCommit(app.origin, newProfile(), 40);
		figure(
			'commit-and-frame-floor-ms',
			{ values: commits },
			'ms',
			'one put committed, then the next frame, bare page'
		);
		// The same started by a key, as a rating is (see build.ts, keyCommit).
		const keyed = await rawKeyCommit(app.origin, newProfile(), 40);
		figure(
			'key-commit-and-frame-floor-ms',
			{ values: keyed },
			'ms',
			'the same, started by the key 3, bare page'
		);
		budget('rating-to-next-median-ms', median(times), 16, {
			detail: `n=${times.length}, lowest ${Math.min(...times).toFixed(1)}; ${(median(times) / median(commits)).toFixed(2)}× the commit-and-frame floor's median, ${(median(times) / median(keyed)).toFixed(2)}× the keyed floor's`
		});
		budget('rating-to-next-p95-ms', percentile(times, 0.95), 33, {
			detail: `highest ${Math.max(...times).toFixed(1)}; the floor's p95 ${percentile(commits, 0.95).toFixed(1)}, the keyed floor's ${percentile(keyed, 0.95).toFixed(1)}`
		});
		// Where the time goes: from the key to the answer's writes sent, stored (committed), the
		// next question set, and in the page (then the frame: the budget's figure).
		const named = Object.entries(steps).sort(([, a], [, b]) => median(a) - median(b));
		if (named.length)
			console.log(
				`marks rating: ${named.map(([step, ms]) => `${step} ${median(ms).toFixed(1)} (p95 ${percentile(ms, 0.95).toFixed(1)})`).join(', ')}, frame ${median(times).toFixed(1)}`
			);
	}

	if (want('import')) {
		section('Importing one 300-fact deck at scale (/decks, choose file → Add deck)');
		const imports = await importDecks(app.origin, year, work.imports.slice(0, RUNS));
		budget('import-300-facts-ms', median(imports.map((r) => r.ms)), 1000, {
			detail: `runs ${imports.map((r) => r.ms.toFixed(0)).join(' ')}; longest task ${Math.max(...imports.map((r) => r.longestTask)).toFixed(0)} ms`
		});
	}

	if (want('restore')) {
		section('Restoring the year backup (Settings → Replace; choose file → done, less the click)');
		const restoreMs = restores.map((r) => r.ms);
		budget('restore-year-ms', median(restoreMs), RESTORE_LIMIT, {
			detail: `runs ${restoreMs.map((v) => v.toFixed(0)).join(' ')}${restoreNote ? `; ${restoreNote}` : ''}${restoreCap ? `; ${restoreCap}` : ''}`
		});
		budget('restore-year-longest-task-ms', Math.max(...restores.map((r) => r.longestTask)), 200, {
			detail: 'the longest over all runs (Long Tasks API)'
		});
		budget(
			'restore-year-progress-positions',
			Math.min(...restores.map((r) => r.progressValues)),
			3,
			{
				atLeast: true,
				unit: '',
				detail: 'distinct <progress> positions painted (fewest of the runs)'
			}
		);
	}

	if (want('export')) {
		section('Exporting the year (Settings → Export backup; click → the download)');
		const exports = [];
		for (let i = 0; i < RUNS; i++) exports.push(await exportFile(app.origin, year));
		const ms = exports.map((r) => r.ms);
		figure(
			'export-year-ms',
			{ values: ms },
			'ms',
			`${exports[0].status} ${(exports[0].bytes / MB).toFixed(1)} MB`
		);
		budget('export-year-longest-task-ms', Math.max(...exports.map((r) => r.longestTask)), 200, {
			detail: `the longest over all runs (Long Tasks API); runs ${exports.map((r) => r.longestTask.toFixed(0)).join(' ')}`
		});
		figure(
			'export-year-progress-positions',
			Math.min(...exports.map((r) => r.progressValues)),
			'',
			'distinct <progress> positions painted (fewest of the runs)'
		);
	}

	if (want('stored-size')) {
		section("Stored size at scale (the browser's estimate after the year's visits)");
		budget('stored-size-year-MB', (usage ?? NaN) / MB, (1.5 * work.yearJsonBytes) / MB, {
			unit: 'MB',
			detail: `content as JSON (the backup file) ${(work.yearJsonBytes / MB).toFixed(1)} MB; navigator.storage.estimate().usage`
		});
	}

	if (want('lighthouse')) {
		section(`Lighthouse mobile (median of ${LIGHTHOUSE_RUNS}; accessibility from the first run)`);
		const lh = await runLighthouse(
			[
				{ page: 'empty', url: `${empty.origin}/` },
				{ page: 'home', url: `${app.origin}/` },
				{ page: 'study', url: `${app.origin}/study` }
			],
			LIGHTHOUSE_RUNS,
			APP_PORT + 9
		);
		const emptyPerf = median(lh[0].performance);
		figure('lighthouse-empty-performance', { values: lh[0].performance }, '');
		for (const p of lh.slice(1)) {
			budget(`lighthouse-${p.page}-performance`, median(p.performance), emptyPerf - 2, {
				atLeast: true,
				unit: '',
				detail: `runs ${p.performance.join(' ')}; the empty page ${lh[0].performance.join(' ')}`
			});
			budget(`lighthouse-${p.page}-accessibility`, p.accessibility, 100, {
				atLeast: true,
				unit: '',
				detail: p.failing.join(' ')
			});
		}
	}
} finally {
	await closeTabs();
	app.close();
	empty.close();
	markup.close();
	other?.close();
	removeProfiles();
}

const failed = budgets().filter((b) => !b.pass);
console.log(
	`\n${budgets().length - failed.length} budgets passed, ${failed.length} failed${failed.length ? `: ${failed.map((b) => b.name).join(', ')}` : ''}`
);
console.log(`bench time ${elapsed()}`);
