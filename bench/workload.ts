/**
 * The bench's data, written as files the app reads through its own UI: two backups (the format
 * Settings → Backup exports and restores) and deck files (the format /decks imports).
 *
 * - returning: the built-in deck, a few hundred reviews of its facts;
 * - year: the built-in deck plus 300 decks of the learner's own (10 000 facts, 30 000
 *   questions, synthetic text that passes the app's deck validation), 100 000 log entries,
 *   10 000 fact states;
 * - five more decks of 300 facts each, to time one import apiece.
 *
 * Generated once a day (the reviews end two days before it) into bench-results/workload-<day>/.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rating, type Grade } from 'ts-fsrs';
import type { Deck } from '../src/lib/bank/schema';
import { deckToJson, importDeckJson } from '../src/lib/bank/deck-json';
import { apply, newMemory, type MemoryEvent, type MemoryState } from '../src/lib/srs/memory';
import { paramsId, statementHash } from '../src/lib/srs/keys';
import { defaultSettings, scheduleParams } from '../src/lib/srs/settings';
import { prng } from '../src/lib/srs/shuffle';
import { eventToRecord, stateToRecord } from '../src/lib/storage/convert';
import { deckRecordForBackup, deckToRecord } from '../src/lib/storage/decks';
import { SCHEMA_VERSION } from '../src/lib/storage/records';
import { BACKUP_FORMAT } from '../src/lib/storage/backup';

export interface Workload {
	dir: string;
	returning: string;
	year: string;
	/** Deck files of 300 facts each, not in the year's backup. */
	imports: string[];
	/** Bytes of the year's content as compact JSON (the backup file). */
	yearJsonBytes: number;
	yearFacts: number;
	yearLog: number;
}

const DECKS = 300;
const FACTS = 10_000;
const PER_FACT = 10;
const QUESTIONS_PER_FACT = 3;
const TOPICS = ['economy', 'polity', 'environment', 'science', 'international', 'schemes'];

/** A synthetic deck: one sentence of source text per fact, three mcqs per fact. */
function syntheticDeck(n: number, facts: number, idPrefix = 'bench'): { deck: Deck; text: string } {
	const month = String((n % 12) + 1).padStart(2, '0');
	const day = String((n % 28) + 1).padStart(2, '0');
	const date = `2025-${month}-${day}`;
	const topic = TOPICS[n % TOPICS.length];
	const sentence = (i: number) =>
		`Item ${i}: the committee of article ${n} recorded figure ${i} for district ${i} in its survey.`;
	const text = [
		`Article ${n} on ${topic}`,
		'',
		...Array.from({ length: facts }, (_, i) => sentence(i))
	].join('\n');
	const deck: Deck = {
		id: `${idPrefix}-${String(n).padStart(3, '0')}`,
		title: `Article ${n}: a survey of districts (${topic})`,
		language: 'en',
		version: 1,
		asOf: date,
		source: { title: `Article ${n} on ${topic}`, publisher: 'Bench Gazette', published: date },
		topics: [{ id: topic, label: topic[0].toUpperCase() + topic.slice(1) }],
		facts: Array.from({ length: facts }, (_, i) => ({
			id: `a${n}-f${i}`,
			statement: `The committee of article ${n} recorded figure ${i} for district ${i}.`,
			quote: `the committee of article ${n} recorded figure ${i} for district ${i}`,
			topics: [topic],
			asOf: date,
			volatile: false
		})),
		questions: Array.from({ length: facts * QUESTIONS_PER_FACT }, (_, k) => {
			const i = Math.floor(k / QUESTIONS_PER_FACT);
			const v = k % QUESTIONS_PER_FACT;
			const asks = ['recorded for', 'gave for', 'noted for'][v];
			return {
				id: `a${n}-q${i}-${v}`,
				type: 'mcq' as const,
				prompt: `Which figure ${asks} district ${i} the committee of article ${n}, in its survey?`,
				options: [0, 1, 2, 3].map((o) => `Figure ${i + o * 1000 + v * 100}`),
				answer: 0,
				explanation: `The survey of article ${n} gives figure ${i} for district ${i}; the other figures are distractors.`,
				facts: [`a${n}-f${i}`],
				difficulty: 2 as const
			};
		})
	};
	return { deck, text };
}

/** A deck as the app validates it at import (the canonical form its backup carries). */
function validated(deck: Deck, text: string, fileName: string): { deck: Deck; json: string } {
	const json = deckToJson(deck, text);
	const read = importDeckJson(json, fileName);
	if (!read.ok)
		throw new Error(`bench deck ${deck.id} does not validate:\n${read.problems.join('\n')}`);
	return { deck: read.deck, json };
}

/** Each fact answered `perFact` times at its due dates, mostly Good, ending at `end`. */
export function history(
	facts: { deck: string; fact: string; statement: string }[],
	perFact: number,
	end: Date,
	seed: number
) {
	const params = scheduleParams(defaultSettings('UTC'));
	const rand = prng(seed);
	const states: MemoryState[] = [];
	const events: MemoryEvent[] = [];
	const start = end.getTime() - 365 * 86_400_000;
	let n = 0;
	for (const { deck, fact, statement } of facts) {
		const hash = statementHash(statement);
		let s = newMemory(deck, fact);
		let at = new Date(start + rand() * 200 * 86_400_000);
		for (let i = 0; i < perFact; i++) {
			const r = rand();
			const rating = (
				r < 0.08 ? Rating.Again : r < 0.18 ? Rating.Hard : r < 0.92 ? Rating.Good : Rating.Easy
			) as Grade;
			const e: MemoryEvent = {
				id: `bench-${seed}-${++n}`,
				deck,
				fact,
				at,
				kind: 'review',
				rating,
				correct: rating > 1,
				question: `${fact}-q`,
				questionType: 'mcq',
				durationMs: 4000 + Math.round(rand() * 8000),
				source: 'review',
				params,
				statementHash: hash,
				stateBefore: s.card.state
			};
			s = apply(s, e);
			events.push(e);
			// At the due date, or sooner where that would run past `end`: every fact gets
			// exactly `perFact` answers.
			const latest = end.getTime() - (perFact - i - 1) * 3 * 3_600_000;
			at = new Date(Math.max(at.getTime() + 60_000, Math.min(s.card.due.getTime(), latest)));
		}
		states.push(s);
	}
	return { states, events, params };
}

/** A backup file's text, as Settings → Export backup writes it (compact). */
function backupText(h: ReturnType<typeof history>, decks: Deck[]): string {
	const importedAt = new Date().toISOString();
	return JSON.stringify({
		format: BACKUP_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		exportedAt: importedAt,
		settings: null,
		params: { [paramsId(h.params)]: h.params },
		states: h.states.map((s) => stateToRecord(s)),
		log: h.events.map((e) => eventToRecord(e)),
		attempts: [],
		decks: decks.map((deck) =>
			deckRecordForBackup(
				deckToRecord({ deck, importedAt, fileName: `${deck.id}.json`, format: 'json' })
			)
		)
	});
}

export function workload(root: string): Workload {
	const day = new Date().toISOString().slice(0, 10);
	const dir = join(root, 'bench-results', `workload-${day}`);
	const done = join(dir, 'done.json');
	const files = {
		dir,
		returning: join(dir, 'returning.json'),
		year: join(dir, 'year.json'),
		imports: [0, 1, 2, 3, 4].map((i) => join(dir, `import-${i}.json`))
	};
	if (existsSync(done)) return { ...files, ...JSON.parse(readFileSync(done, 'utf8')) };
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	// Answered until two days ago: in any time zone the reviews due since wait today.
	const end = new Date(Date.now() - 48 * 3_600_000);

	const builtin = JSON.parse(
		readFileSync(join(root, 'questions/india-us-2026-01/deck.json'), 'utf8')
	) as Deck;
	const few = history(
		builtin.facts.map((f) => ({ deck: builtin.id, fact: f.id, statement: f.statement })),
		6,
		end,
		1
	);
	writeFileSync(files.returning, backupText(few, []));

	const decks: Deck[] = [];
	for (let n = 0; n < DECKS; n++) {
		const facts = Math.floor(FACTS / DECKS) + (n < FACTS % DECKS ? 1 : 0);
		const { deck, text } = syntheticDeck(n, facts);
		decks.push(validated(deck, text, `${deck.id}.json`).deck);
	}
	const year = history(
		decks.flatMap((d) => d.facts.map((f) => ({ deck: d.id, fact: f.id, statement: f.statement }))),
		PER_FACT,
		end,
		2
	);
	const yearText = backupText(year, decks);
	writeFileSync(files.year, yearText);

	files.imports.forEach((file, i) => {
		const { deck, text } = syntheticDeck(i, 300, 'import');
		writeFileSync(file, validated(deck, text, `import-${i}.json`).json);
	});
	const summary = {
		yearJsonBytes: Buffer.byteLength(yearText),
		yearFacts: year.states.length,
		yearLog: year.events.length
	};
	writeFileSync(done, JSON.stringify(summary));
	return { ...files, ...summary };
}
