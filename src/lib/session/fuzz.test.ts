// Fuzz: a few hundred mutated backups and decks (storage/fuzz-test-helpers.ts, fixed seeds, so
// a failure reproduces from its case number). Each is refused whole with a message, storage
// unchanged, or accepted whole; after acceptance the stored fact states equal a replay of the
// stored log, and what every page calls to load runs without throwing (and an answer saves).
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { importDeckFiles } from '$lib/bank/deck-import';
import { csvTemplate, TEMPLATE_DECK, TEMPLATE_SOURCE } from '$lib/bank/csv-template';
import { deckToJson, withSourceText } from '$lib/bank/deck-json';
import type { Deck } from '$lib/bank/schema';
import { nextDayStart } from '$lib/srs/day';
import { defaultConfig } from '$lib/srs/exam';
import { retrievability } from '$lib/srs/memory';
import { scheduleParams } from '$lib/srs/settings';
import { makeSettings } from '$lib/srs/test-helpers';
import {
	exportBackup,
	importBackup,
	parseBackup,
	type Backup,
	type ImportMode,
	type ParsedBackup
} from '$lib/storage/backup';
import { loadDecks, saveDeck, type StoredDeck } from '$lib/storage/decks';
import { StorageError } from '$lib/storage/errors';
import { mutateCsv, mutateJson } from '$lib/storage/fuzz-test-helpers';
import { Repository } from '$lib/storage/repository';
import { loadDashboard, deckListing } from './dashboard';
import { ExamSession, scoreAttempt } from './exam.svelte';
import { ReviewSession } from './review.svelte';
import { loadStats } from './stats';
import { rightResponse, wrongResponse } from './test-helpers';
import { rawEntries, rawKey } from '../storage/log-days';

const SEED = 20261205;
const BACKUP_CASES = 220;
const DECK_CASES = 120;
const NOW = new Date('2026-03-12T08:00:00Z');
const DECK: Deck = withSourceText(TEMPLATE_DECK, TEMPLATE_SOURCE);
const BUILTIN_IDS = ['india-us-2026-01'];

let n = 0;
const open = () => Repository.open(`fuzz-${++n}-${Math.random()}`);
const newId = () => `fuzz-id-${++n}`;
/** A clock that moves on a minute each time it is read, from `start`. */
const clock = (start: string) => {
	let t = new Date(start).getTime();
	return () => new Date((t += 60_000));
};

const stored = (deck: Deck): StoredDeck => ({
	deck,
	importedAt: '2026-03-01T10:00:00.000Z',
	fileName: 'lakeside.csv',
	format: 'csv'
});

/** A learner's store: the example deck, settings, answers over days, a submitted test. */
async function learner(timeZone: string, start: string, answers: number): Promise<Repository> {
	const repo = await open();
	await repo.saveSettings(makeSettings({ timeZone, fuzz: true }));
	await saveDeck(repo, stored(DECK), BUILTIN_IDS);
	const now = clock(start);
	const session = new ReviewSession(repo, [DECK], { now, resume: null, newId });
	await session.start();
	for (let i = 0; i < answers && session.current; i++) {
		const q = session.current.question;
		session.answer(i % 3 === 2 ? wrongResponse(q) : rightResponse(q));
		await session.rate(q.type === 'flashcard' ? Rating.Good : undefined);
	}
	const exam = await ExamSession.start(repo, [DECK], { ...defaultConfig('fuzz'), n: 4 }, { now });
	for (let i = 0; i < exam.questions.length; i += 2)
		await exam.answer(i, rightResponse(exam.questions[i].question));
	await exam.submit(true);
	return repo;
}

/** Every record of the stores an import writes, as stored. */
async function dump(repo: Repository) {
	return repo.kv.run(
		['states', 'log', 'settings', 'decks', 'attempts'],
		'readonly',
		async (tx) => ({
			states: await tx.entries('states'),
			// The log's entries (stored a day per record: log-days.ts), each with its key.
			log: (await rawEntries(tx)).map((e): [string, unknown] => [rawKey(e) ?? '', e]),
			settings: await tx.entries('settings'),
			decks: await tx.entries('decks'),
			attempts: await tx.entries('attempts')
		})
	);
}

/** What the pages call to load, in the order a learner might visit them, and one answer. */
async function loadEveryPage(repo: Repository): Promise<void> {
	const decks = (await loadDecks(repo)).map((s) => s.deck);
	// The deck list and the statistics.
	await loadDashboard(
		repo,
		decks.map((d) => deckListing(d, true)),
		NOW
	);
	await loadStats(repo, decks, NOW);
	// Browse: every fact's recall and the day's end.
	const settings = await repo.loadSettings();
	for (const s of (await repo.loadStates()).values())
		retrievability(s, NOW, scheduleParams(settings));
	nextDayStart(NOW, settings.timeZone, settings.dayStartHour);
	// The mock test: the attempt in progress, and the history's scores.
	await ExamSession.resume(repo, decks, () => NOW);
	for (const a of await repo.attempts()) scoreAttempt(decks, a);
	// Settings: every record read and counted.
	await repo.loadStates({ fromRecords: true });
	await repo.readLog();
	await repo.counts();
	await repo.unknownTimeZone();
	// Study, and an answer that must be saved.
	const session = new ReviewSession(repo, decks, { now: () => NOW, resume: null, newId });
	await session.start();
	if (session.current) {
		const q = session.current.question;
		session.answer(rightResponse(q));
		await session.rate(q.type === 'flashcard' ? Rating.Good : undefined);
		expect(session.error).toBeNull();
	}
}

/** After an import or an answer: the states are the replay of the log, record by record. */
async function expectStatesReplayLog(repo: Repository, what: string) {
	expect(await repo.loadStates({ fromRecords: true }), what).toEqual(await repo.rebuildFromLog());
}

const sortedIds = (records: ReadonlyArray<{ id: string }>) => records.map((r) => r.id).sort();
const valuesOf = <T>(rows: Array<[string, unknown]>) => rows.map(([, v]) => v as T);

let file: Backup;
let local: ParsedBackup;

beforeAll(async () => {
	// The file comes from one device; the store it is imported into is another learner's.
	file = await exportBackup(await learner('Asia/Kolkata', '2026-03-02T04:00:00Z', 14), NOW);
	local = parseBackup(
		JSON.stringify(await exportBackup(await learner('Europe/Paris', '2026-03-05T09:00:00Z', 6)))
	);
}, 60_000);

describe('mutated backups are refused whole or accepted whole', () => {
	test.each(Array.from({ length: BACKUP_CASES }, (_, i) => i))('backup case %i', async (i) => {
		const repo = await open();
		await importBackup(repo, local, 'replace');
		const before = await dump(repo);
		const { text, what } = mutateJson(file, SEED + i);
		const mode: ImportMode = i % 2 ? 'merge' : 'replace';
		let parsed: ParsedBackup;
		try {
			parsed = parseBackup(text);
			await importBackup(repo, parsed, mode);
		} catch (e) {
			expect(e, what).toBeInstanceOf(StorageError);
			expect((e as Error).message.length, what).toBeGreaterThan(20);
			expect(await dump(repo), what).toEqual(before);
			return;
		}
		const after = await dump(repo);
		const log = valuesOf<{ id: string }>(after.log);
		if (mode === 'replace') {
			expect(sortedIds(log), what).toEqual(sortedIds(parsed.log));
			expect(sortedIds(valuesOf(after.decks)), what).toEqual(sortedIds(parsed.decks));
			expect(sortedIds(valuesOf(after.attempts)), what).toEqual(sortedIds(parsed.attempts));
		} else {
			const union = new Set([...sortedIds(valuesOf(before.log)), ...sortedIds(parsed.log)]);
			expect(sortedIds(log), what).toEqual([...union].sort());
		}
		await expectStatesReplayLog(repo, what);
		await loadEveryPage(repo);
		await expectStatesReplayLog(repo, what);
	});
});

describe('mutated decks are refused whole or accepted whole', () => {
	test.each(Array.from({ length: DECK_CASES }, (_, i) => i))('deck case %i', async (i) => {
		const repo = await open();
		await importBackup(repo, parseBackup(JSON.stringify(file)), 'replace');
		const before = await dump(repo);
		const json = i % 2 === 0;
		const { text, what } = json
			? mutateJson(JSON.parse(deckToJson(DECK, TEMPLATE_SOURCE)), SEED + i)
			: mutateCsv(csvTemplate(), SEED + i);
		const read = importDeckFiles([{ name: json ? 'deck.json' : 'deck.csv', text }]);
		if (!read.ok) {
			expect(read.problems.length, what).toBeGreaterThan(0);
			for (const p of read.problems) expect(p.length, what).toBeGreaterThan(10);
			return;
		}
		try {
			await saveDeck(repo, stored(read.deck), BUILTIN_IDS);
		} catch (e) {
			expect(e, what).toBeInstanceOf(StorageError);
			expect(await dump(repo), what).toEqual(before);
			return;
		}
		const own = await loadDecks(repo);
		expect(own.find((d) => d.deck.id === read.deck.id)?.deck, what).toEqual(read.deck);
		await loadEveryPage(repo);
		await expectStatesReplayLog(repo, what);
	});
});
