/**
 * `npm run bench`: the memory layer at scale (10 000 facts, 100 000 log entries), in Node with
 * fake-indexeddb and in headless Chromium with real IndexedDB. Prints figures; asserts nothing.
 */
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { Repository } from '../src/lib/storage/repository';
import { runBench, type BenchResult } from './workload';
import { runDeckBench, type DeckBenchResult } from './decks';
import { runAppBench } from './app';
import { chromiumLaunchOptions } from '../tests/chromium';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'bench-results');

function row(label: string, node: string, browser: string) {
	console.log(`| ${label.padEnd(52)} | ${node.padStart(14)} | ${browser.padStart(16)} |`);
}
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);
const mb = (x: number | undefined | null) =>
	x == null ? 'n/a' : `${(x / 1024 / 1024).toFixed(1)} MB`;

type Result = BenchResult & { decks: DeckBenchResult };

async function inNode(): Promise<Result> {
	const repo = await Repository.open(`bench-node-${Date.now()}`);
	return { ...(await runBench(repo)), decks: await runDeckBench(repo) };
}

async function inChromium(): Promise<
	(Result & { storageUsageBytes: number | null }) | { error: string }
> {
	mkdirSync(out, { recursive: true });
	await build({
		configFile: false,
		logLevel: 'warn',
		build: {
			outDir: join(out, 'browser'),
			emptyOutDir: true,
			minify: true,
			// One file: the page serves nothing else (the app's lazy imports are inlined).
			rolldownOptions: { output: { codeSplitting: false } },
			lib: { entry: join(root, 'bench/browser.ts'), formats: ['es'], fileName: () => 'bench.js' }
		}
	});
	const script = readFileSync(join(out, 'browser', 'bench.js'));
	const server = createServer((req, res) => {
		if (req.url === '/bench.js') {
			res.writeHead(200, { 'content-type': 'text/javascript' });
			res.end(script);
		} else {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<!doctype html><title>bench</title><script type="module" src="/bench.js"></script>');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	const browser = await chromium.launch(chromiumLaunchOptions);
	try {
		const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.waitForFunction(() => typeof window.runBench === 'function');
		return await page.evaluate(() => window.runBench() as never);
	} catch (e) {
		return { error: String(e) };
	} finally {
		await browser.close();
		server.close();
	}
}

const node = await inNode();
const chrome = await inChromium();
const c = 'error' in chrome ? undefined : chrome;

console.log(
	`\nMemory layer at scale: ${node.facts} facts, ${node.logEntries} log entries (median of 5 queue builds; ${node.answers} answers)\n`
);
row('measure', 'Node (fake IDB)', 'Chromium (IDB)');
row('-'.repeat(52), '-'.repeat(14), '-'.repeat(16));
row("today's queue: read + validate all states", ms(node.readStatesMs), ms(c?.readStatesMs));
row(
	'  the same from their snapshot (later visits)',
	ms(node.readSnapshotMs),
	ms(c?.readSnapshotMs)
);
row(
	'  writing the snapshot (after answers, page hidden)',
	ms(node.snapshotWriteMs),
	ms(c?.snapshotWriteMs)
);
row("today's queue: build from the states", ms(node.buildQueueMs), ms(c?.buildQueueMs));
row(
	`  again after an answer, from ${node.candidates} candidates`,
	ms(node.rebuildQueueMs),
	ms(c?.rebuildQueueMs)
);
row("today's queue: total", ms(node.queueTotalMs), ms(c?.queueTotalMs));
row(
	'queue length (learning + ≤ 200 reviews + ≤ 20 new)',
	String(node.queueLength),
	String(c?.queueLength ?? 'n/a')
);
row(
	'answer: grade + schedule + durable write (median)',
	ms(node.answerMedianMs),
	ms(c?.answerMedianMs)
);
row('answer: same, 95th percentile', ms(node.answerP95Ms), ms(c?.answerP95Ms));
row('stored records, JSON bytes', mb(node.recordBytes), mb(c?.recordBytes));
row("storage used (browser's own estimate)", 'n/a', mb(c?.storageUsageBytes));
row('seeding the data (not a target)', ms(node.seedMs), ms(c?.seedMs));

const d = node.decks;
const cd = c?.decks;
console.log(
	`\nDeck files at size: ${d.facts} facts and ${d.facts} questions; CSV ${mb(d.csvBytes)}, JSON ${mb(d.jsonBytes)}\n`
);
row('measure', 'Node', 'Chromium');
row('-'.repeat(52), '-'.repeat(14), '-'.repeat(16));
row('import CSV: parse + validate (quotes too)', ms(d.csvImportMs), ms(cd?.csvImportMs));
row('import JSON: parse + validate', ms(d.jsonImportMs), ms(cd?.jsonImportMs));
row('export CSV', ms(d.csvExportMs), ms(cd?.csvExportMs));
row('export JSON', ms(d.jsonExportMs), ms(cd?.jsonExportMs));
row('export Anki text', ms(d.ankiExportMs), ms(cd?.ankiExportMs));
row('store the deck (one IndexedDB write)', ms(d.storeMs), ms(cd?.storeMs));
row('read it back, validated (each page that lists decks)', ms(d.loadMs), ms(cd?.loadMs));
if ('error' in chrome) console.log(`\nChromium run failed: ${chrome.error}`);

const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
const a = await runAppBench(root);
/** The width of the app table's first column. */
const W = 64;
console.log(
	'\nThe app on a phone (Pixel 7 viewport, cold load, no service worker, gzip as hosts serve it)\n'
);
console.log(`| ${'measure'.padEnd(W)} | ${'figure'.padStart(14)} | ${'budget'.padStart(16)} |`);
console.log(`| ${'-'.repeat(W)} | ${'-'.repeat(14)} | ${'-'.repeat(16)} |`);
/** A row, with ✓ or ✗ after the budget where there is one. */
const line = (label: string, figure: string, budget = '', met?: boolean) =>
	console.log(
		`| ${label.padEnd(W)} | ${figure.padStart(14)} | ${(budget && `${budget} ${met ? '✓' : '✗'}`).padStart(16)} |`
	);
const s = a.scale;
const scaleBudget = Math.min(300, 1.5 * s.rawReadMs);
/** Painted, or where Element Timing gave nothing, the frame's start. */
const seen = (x: { frame: number; painted: number | null }) => x.painted ?? x.frame;
const returning = seen(a.firstQuestionReturning);
/** What the stored data adds to the first question: at scale, less than with little stored. */
const scaleAdded = s.firstQuestion - returning;
line('empty SvelteKit page: JS, gzipped', kb(a.empty.jsGzip));
line('static HTML page, no script: heading painted, median of 5', ms(seen(a.bare)));
line('  its frame began (requestAnimationFrame)', ms(a.bare.frame));
line('empty SvelteKit page: started (onMount), median of 5', ms(a.emptyReady));
line(
	'`/`: JS, gzipped',
	kb(a.home.jsGzip),
	`≤ ${kb(a.empty.jsGzip * 1.6)}`,
	a.home.jsGzip <= a.empty.jsGzip * 1.6
);
line('`/`: CSS, gzipped (inlined in the HTML)', kb(a.home.cssGzip));
line('`/study`: JS, gzipped', kb(a.study.jsGzip));
line('`/study`: CSS, gzipped (inlined in the HTML)', kb(a.study.cssGzip));
line(
	'first question painted, new learner (median of 5)',
	ms(seen(a.firstQuestion)),
	'≤ 100.0 ms',
	seen(a.firstQuestion) <= 100
);
line('  its frame began (requestAnimationFrame)', ms(a.firstQuestion.frame));
line('  the session started: the question answerable', ms(seen(a.firstQuestionLive)));
line(
	'the same, CPU 4× slower, 150 ms latency, 1.6 Mbit/s',
	ms(seen(a.firstQuestionThrottled)),
	'≤ 1000.0 ms',
	seen(a.firstQuestionThrottled) <= 1000
);
line('first question painted, preview ruled out (as after an answer)', ms(returning));
line(`at scale: ${s.facts} facts, ${s.logEntries} log entries stored`, '');
line('  raw read of the fact-state store (median of 5)', ms(s.rawReadMs));
line('  first question painted, first visit (no snapshot yet)', ms(s.firstQuestionFirstVisit));
line(
	'  first question painted, later visits (median of 5)',
	ms(s.firstQuestion),
	`≤ ${ms(scaleBudget)}`,
	s.firstQuestion <= scaleBudget
);
line(
	'  the same, less the first question with little stored',
	ms(scaleAdded),
	`≤ ${ms(scaleBudget)}`,
	scaleAdded <= scaleBudget
);
line(
	'  answer to next question (median of 20)',
	ms(s.answerToNextMedian),
	'≤ 16.0 ms',
	s.answerToNextMedian <= 16
);
line('  same, slowest of 20', ms(s.answerToNextMax));
line("  storage used (browser's estimate)", mb(s.storageBytes));

if (!a.lighthouse)
	console.log(
		'\nLighthouse is not installed: `npm install --no-save lighthouse@12`, then `npm run bench`.'
	);
else {
	console.log(
		'\nLighthouse, mobile profile (its simulated slow 4G and 4× CPU), median of 3 runs\n'
	);
	console.log(
		`| ${'page'.padEnd(8)} | ${'performance'.padStart(11)} | ${'accessibility'.padStart(13)} | ${'FCP'.padStart(9)} | ${'LCP'.padStart(9)} | ${'TBT'.padStart(9)} | ${'CLS'.padStart(5)} |`
	);
	console.log(
		`| ${'-'.repeat(8)} | ${'-'.repeat(11)} | ${'-'.repeat(13)} | ${'-'.repeat(9)} | ${'-'.repeat(9)} | ${'-'.repeat(9)} | ${'-'.repeat(5)} |`
	);
	/** The empty page is the floor, with no budget of its own. */
	const mark = (l: { page: string }, met: boolean) => (l.page === 'empty' ? '' : met ? ' ✓' : ' ✗');
	for (const l of a.lighthouse)
		console.log(
			`| ${l.page.padEnd(8)} | ${`${l.performance}${mark(l, l.performance >= 98)}`.padStart(11)} | ${`${l.accessibility}${mark(l, l.accessibility === 100)}`.padStart(13)} | ${ms(l.fcp).padStart(9)} | ${ms(l.lcp).padStart(9)} | ${ms(l.tbt).padStart(9)} | ${l.cls.toFixed(2).padStart(5)} |`
		);
	console.log(
		'Budgets: performance ≥ 98, accessibility 100. "empty" is the empty SvelteKit page (a floor).'
	);
}
