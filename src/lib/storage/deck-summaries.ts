/**
 * What the deck list and the study queue need of each of the learner's decks, derived from the
 * deck when it is stored: its title, dates and source (without the source's text), counts, and
 * per fact its id, statement hash and topics (in three lists of strings, one entry per fact: a
 * year's 10 000 facts are checked as read several times faster than as 10 000 objects). One
 * small record per deck in `deck-summaries`,
 * so `/` and `/study` read these instead of parsing every deck (see docs/ARCHITECTURE.md,
 * Storage).
 *
 * A summary is written in the same transaction as its deck, wherever a deck is written
 * (`writeDerived`), and never travels in a backup (an import derives it again). It carries what
 * it was derived with (the rules' version, the deck's checked hash): a summary that is missing,
 * damaged or derived under other rules is derived again from its deck when read (decks.ts).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import { summarise } from '../bank/summary';
import { RULES_VERSION } from '../bank/rules-version';
import { QUESTION_TYPES } from '../bank/question-types';
import type { Deck } from '../bank/schema';
import { statementHash } from '../srs/keys';
import type { Kv, KvTx } from './kv';
import { Count, Iso, readRecordWith, SCHEMA_VERSION, Version, type Read } from './migrate';
import type { DeckRecord } from './records';

/**
 * The layout of a summary: a summary of another layout is derived again. 2: the facts in
 * columns (layout 1 had an object per fact).
 */
export const SUMMARY_LAYOUT = 2;

const IsoDate = lazySchema(() => z.iso.date());

export const DeckSummaryRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		/** What it was derived with: this layout, these deck rules (bank/rules-version.ts). */
		layout: z.number(),
		rules: z.number(),
		/** The deck record's `checked` hash when derived: the deck it describes. */
		checked: z.string(),
		id: z.string().check(z.minLength(1)),
		title: z.string(),
		description: z.optional(z.string()),
		asOf: IsoDate(),
		source: z.strictObject({
			title: z.string(),
			publisher: z.optional(z.string()),
			published: IsoDate(),
			url: z.optional(z.string())
		}),
		topics: z.array(z.strictObject({ id: z.string(), label: z.string() })),
		summary: z.strictObject({
			facts: Count(),
			questions: Count(),
			perType: z.record(z.enum(QUESTION_TYPES), Count()),
			factsTestedTwice: Count(),
			volatileFacts: Count()
		}),
		/** Fact i: its id `ids[i]`, statement hash `hashes[i]`, topic ids `topics[i]` (space-separated). */
		facts: z
			.strictObject({
				ids: z.array(z.string()),
				hashes: z.array(z.string()),
				topics: z.array(z.string())
			})
			.check(
				z.refine(
					(f) => f.hashes.length === f.ids.length && f.topics.length === f.ids.length,
					'facts: ids, hashes and topics must be lists of the same length'
				)
			),
		importedAt: Iso()
	})
);
export type DeckSummaryRecord = z.infer<ReturnType<typeof DeckSummaryRecordSchema>>;

/** The summary of a deck (one the validator passed) stored as `record`. */
export function summaryOf(record: DeckRecord, deck: Deck): DeckSummaryRecord {
	const { title, description, asOf, source, topics } = deck;
	return {
		schemaVersion: SCHEMA_VERSION,
		layout: SUMMARY_LAYOUT,
		rules: RULES_VERSION,
		checked: record.checked ?? '',
		id: deck.id,
		title,
		...(description === undefined ? {} : { description }),
		asOf,
		source: {
			title: source.title,
			...(source.publisher === undefined ? {} : { publisher: source.publisher }),
			published: source.published,
			...(source.url === undefined ? {} : { url: source.url })
		},
		topics: topics.map(({ id, label }) => ({ id, label })),
		summary: summarise(deck),
		facts: {
			ids: deck.facts.map((f) => f.id),
			hashes: deck.facts.map((f) => statementHash(f.statement)),
			topics: deck.facts.map((f) => f.topics.join(' '))
		},
		importedAt: record.importedAt
	};
}

/**
 * In a read-write transaction over `decks` and `deck-summaries`: store what is derived from the
 * deck `record` (just written). `deck`: the record's deck, when the caller has it parsed.
 */
export function writeDerived(tx: KvTx, record: DeckRecord, deck?: Deck): void {
	const parsed = deck ?? ((record.deck ?? JSON.parse(record.deckText ?? 'null')) as Deck);
	tx.put('deck-summaries', record.id, summaryOf(record, parsed));
}

/** In the same kind of transaction: the deck `id` is gone (deleted, or set aside). */
export function deleteDerived(tx: KvTx, id: string): void {
	tx.delete('deck-summaries', id);
}

/** In the same kind of transaction: every deck is gone (a backup replaces them). */
export function clearDerived(tx: KvTx): void {
	tx.clear('deck-summaries');
}

/** A stored summary, checked, and current only if derived with this layout and these rules. */
export function readSummary(raw: unknown): Read<DeckSummaryRecord> {
	const read = readRecordWith('deck-summary', DeckSummaryRecordSchema(), raw);
	if (!read.ok) return read;
	if (read.value.layout !== SUMMARY_LAYOUT || read.value.rules !== RULES_VERSION)
		return { ok: false, error: 'derived under other rules' };
	return read;
}

/** Summaries as stored (see readSummaries). */
export interface StoredSummaries {
	/** The current ones, by deck id. */
	current: Map<string, DeckSummaryRecord>;
	/** Decks whose summary must be derived again: missing, damaged, or derived under other rules. */
	stale: string[];
	/** Summaries whose deck is gone, to delete. */
	orphans: string[];
}

/**
 * The stored summaries, each checked as it is read. Two key reads and one read of small
 * records: no deck is read.
 */
export async function readSummaries(kv: Kv): Promise<StoredSummaries> {
	const [deckIds, rows] = await kv.run(['decks', 'deck-summaries'], 'readonly', (tx) =>
		Promise.all([tx.keys('decks'), tx.entries('deck-summaries')])
	);
	const decks = new Set(deckIds);
	const current = new Map<string, DeckSummaryRecord>();
	const orphans: string[] = [];
	for (const [key, raw] of rows) {
		if (!decks.has(key)) {
			orphans.push(key);
			continue;
		}
		const read = readSummary(raw);
		if (read.ok && read.value.id === key) current.set(key, read.value);
	}
	return { current, stale: deckIds.filter((id) => !current.has(id)), orphans };
}

/** Summaries in the order the decks were imported (ISO times sort as text). */
export const byImport = (summaries: ReadonlyMap<string, DeckSummaryRecord>) =>
	[...summaries.values()].sort((a, b) =>
		a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0
	);
