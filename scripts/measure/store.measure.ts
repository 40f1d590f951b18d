/**
 * What a visit to `/` and to `/study` costs at a year's scale (300 decks of the learner's own,
 * 10 200 facts, 30 600 questions, 102 000 log entries, 10 200 fact states) in fake-indexeddb:
 * the old path (every deck read, hashed and parsed) against the summaries' path, each beside
 * the floor (one raw getAll of the states). Prints medians of 5 runs; asserts nothing on time.
 */
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { Deck } from '../../src/lib/bank/schema';
import { bigDeck } from '../../src/lib/bank/test-helpers';
import { defaultSettings } from '../../src/lib/srs/settings';
import { dueCounts } from '../../src/lib/srs/queue';
import { deckListing, loadDashboard, summaryListing } from '../../src/lib/session/dashboard';
import { ReviewSession } from '../../src/lib/session/review.svelte';
import type { StudyDeck } from '../../src/lib/session/study-source';
import { rightResponse } from '../../src/lib/session/test-helpers';
import { loadDeck, loadDecks, loadSummaries, saveDeck } from '../../src/lib/storage/decks';
import { Repository } from '../../src/lib/storage/repository';
import { history, seed } from './history';

const DECKS = 300;
const FACTS = 34;
const NOW = new Date('2026-01-20T06:00:00Z');

/** A deck of FACTS facts, three questions each (an mcq and two variants), its quotes in its text. */
function yearDeck(i: number): Deck {
	const { deck, sourceText } = bigDeck(40);
	const facts = deck.facts.slice(0, FACTS);
	const questions = deck.questions
		.slice(0, FACTS)
		.flatMap((q) => [q, { ...q, id: `${q.id}-b` }, { ...q, id: `${q.id}-c` }]);
	const day = String((i % 28) + 1).padStart(2, '0');
	return {
		...deck,
		id: `year-${i}`,
		title: `Article ${i}`,
		asOf: `2025-${String((i % 12) + 1).padStart(2, '0')}-${day}`,
		source: { ...deck.source, text: sourceText },
		facts,
		questions
	};
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
async function time(runs: number, f: () => Promise<unknown>): Promise<number> {
	const out: number[] = [];
	for (let r = 0; r < runs; r++) {
		const t = performance.now();
		await f();
		out.push(performance.now() - t);
	}
	return median(out);
}
const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

test('storage at a year’s scale', async () => {
	const repo = await Repository.open(`measure-${Math.random()}`);
	const settings = { ...defaultSettings('Asia/Kolkata'), newPerDay: 20, reviewsPerDay: 200 };
	await repo.saveSettings(settings);
	const decks = Array.from({ length: DECKS }, (_, i) => yearDeck(i));
	for (const deck of decks)
		await saveDeck(
			repo,
			{
				deck,
				importedAt: `2026-01-01T00:00:${String(deck.id.length).padStart(2, '0')}.000Z`,
				fileName: `${deck.id}.json`,
				format: 'json'
			},
			[]
		);
	// A year of answers over every fact: ten each, ending the evening before.
	const end = new Date(NOW.getTime() - 12 * 3_600_000);
	for (const deck of decks) {
		const { states, events } = history(FACTS, 10, end, {
			deck: deck.id,
			factId: (f) => deck.facts[f].id,
			statement: (f) => deck.facts[f].statement
		});
		for (const e of events) e.id = `${deck.id}-${e.id}`;
		await seed(repo, states, events);
	}
	const counts = await repo.counts();
	// A returning learner: the states' snapshot is written (see storage/snapshot.ts).
	await repo.loadStates();
	await repo.saveSnapshot();
	const fresh = () => new Repository(repo.kv);

	const floor = await time(5, () =>
		repo.kv.run(['states'], 'readonly', (tx) => tx.values('states'))
	);

	// The parts of `/`'s path.
	const summariesMs = await time(5, () => loadSummaries(fresh()));
	const statesMs = await time(5, () => fresh().loadStates());
	const logTimesMs = await time(5, () => fresh().logTimes());
	const listed = (await loadSummaries(repo)).map(summaryListing);
	const states = await repo.loadStates();
	const countsMs = await time(5, async () => {
		const done = { newToday: 0, reviewsToday: 0 };
		for (const d of listed) dueCounts({ facts: d.facts, states, now: NOW, settings, done });
		dueCounts({ facts: listed.flatMap((d) => d.facts), states, now: NOW, settings, done });
	});

	// `/`: the deck list and the day's counts (the two paths in turn, so load on the machine
	// falls on both alike).
	const home = { before: [] as number[], after: [] as number[] };
	for (let run = 0; run < 5; run++) {
		let t = performance.now();
		const r1 = fresh();
		await loadDashboard(
			r1,
			(await loadDecks(r1)).map((s) => deckListing(s.deck, true)),
			NOW
		);
		home.before.push(performance.now() - t);
		t = performance.now();
		const r2 = fresh();
		await loadDashboard(r2, (await loadSummaries(r2)).map(summaryListing), NOW);
		home.after.push(performance.now() - t);
	}
	const homeBefore = median(home.before);
	const homeAfter = median(home.after);

	// `/study`: the first question on screen.
	const lazy = async (r: Repository): Promise<StudyDeck[]> =>
		(await loadSummaries(r))
			.map(summaryListing)
			.map((d) => ({ ...d, load: async () => (await loadDeck(r, d.id))?.deck ?? null }));
	const start = async (r: Repository, list: readonly StudyDeck[]) => {
		const s = new ReviewSession(r, list, { now: () => NOW, newId: () => crypto.randomUUID() });
		await s.start();
		expect(s.current).not.toBeNull();
		return s;
	};
	const studyBefore = await time(5, async () => {
		const r = fresh();
		await start(
			r,
			(await loadDecks(r)).map((s) => s.deck)
		);
	});
	const studyAfter = await time(5, async () => {
		const r = fresh();
		await start(r, await lazy(r));
	});

	// Rating → next question, 40 answers each way.
	const answering = async (s: ReviewSession) => {
		const out: number[] = [];
		for (let i = 0; i < 40 && s.current; i++) {
			s.answer(rightResponse(s.current.question));
			const t = performance.now();
			await s.rate();
			out.push(performance.now() - t);
		}
		return out;
	};
	const r1 = fresh();
	const rateBefore = await answering(
		await start(
			r1,
			(await loadDecks(r1)).map((s) => s.deck)
		)
	);
	const r2 = fresh();
	const rateAfter = await answering(await start(r2, await lazy(r2)));

	// Stored size against the content as JSON, and a restore of the year's backup.
	const stored = await repo.kv.run(['decks', 'deck-summaries'], 'readonly', async (tx) => ({
		decks: bytes(await tx.values('decks')),
		summaries: bytes(await tx.values('deck-summaries'))
	}));
	const content = bytes(decks);

	const ms = (n: number) => `${n.toFixed(1)} ms`;
	const ratio = (n: number) => `${(n / floor).toFixed(2)} × floor`;
	console.log(
		[
			`scale: ${DECKS} decks, ${counts.states} states, ${counts.log} log entries, ${decks.length * FACTS * 3} questions`,
			`floor (one getAll of the states): ${ms(floor)}`,
			`/ day's counts: before ${ms(homeBefore)} (${ratio(homeBefore)}), after ${ms(homeAfter)} (${ratio(homeAfter)})`,
			`/study first question: before ${ms(studyBefore)} (${ratio(studyBefore)}), after ${ms(studyAfter)} (${ratio(studyAfter)})`,
			`rating → next: before median ${ms(median(rateBefore))} p95 ${ms(p95(rateBefore))}, after median ${ms(median(rateAfter))} p95 ${ms(p95(rateAfter))}`,
			`stored decks ${(stored.decks / 1e6).toFixed(2)} MB + summaries ${(stored.summaries / 1e6).toFixed(2)} MB = ${((stored.decks + stored.summaries) / content).toFixed(2)} × the content as JSON (${(content / 1e6).toFixed(2)} MB)`,
			`parts: summaries ${ms(summariesMs)}, states (snapshot) ${ms(statesMs)}, log times (streak) ${ms(logTimesMs)}, the counts computed ${ms(countsMs)}`
		].join('\n')
	);
});
