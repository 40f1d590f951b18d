/**
 * Decks being written in the app: the `drafts` store, one record per draft under its draft id,
 * the draft whole (bank/draft), written on every change the editor saves (one put). Validated as
 * read: a damaged draft is set aside to the quarantine (never dropped) and reported, and the
 * others are listed. Publishing writes the deck (as an import does, with its summary), the
 * memory decisions' log events with the states they give, and removes the draft, in one
 * transaction.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import { readDraft, type DeckDraft, type DraftOrigin } from '../bank/draft/model';
import { memoryKey } from '../srs/keys';
import type { MemoryEvent } from '../srs/memory';
import { eventToRecord, stateToRecord, stateToRow } from './convert';
import { putDeck, refuseReserved, type StoredDeck } from './decks';
import { unchanged } from './kv';
import { appendEntries } from './log-days';
import { Iso, readRecordWith, SCHEMA_VERSION, Version, type Read } from './migrate';
import type { Repository, StateChange } from './repository';
import { setAside, sortRows } from './set-aside';
import { docIds, markChanged, markLog } from './sync-outbox';

export const DraftRecordSchema = lazySchema(() =>
	z.strictObject({
		schemaVersion: Version(),
		savedAt: Iso(),
		/** The draft, checked by the bank's schema (bank/draft/model.ts `readDraft`). */
		draft: z.unknown()
	})
);

export type DraftRecord = z.infer<ReturnType<typeof DraftRecordSchema>>;

/** Migrate and validate a stored draft. */
export function readDraftRecord(raw: unknown): Read<{ draft: DeckDraft; savedAt: string }> {
	const read = readRecordWith('draft', DraftRecordSchema(), raw);
	if (!read.ok) return read;
	const draft = readDraft(read.value.draft);
	if (!draft.ok) return { ok: false, error: `draft.${draft.error}` };
	return {
		ok: true,
		value: { draft: draft.draft, savedAt: read.value.savedAt },
		migrated: read.migrated
	};
}

export const draftToRecord = (draft: DeckDraft, savedAt: Date): DraftRecord => ({
	schemaVersion: SCHEMA_VERSION,
	savedAt: savedAt.toISOString(),
	draft
});

/** What the list of drafts shows of each, without the article's text. */
export interface DraftListing {
	draftId: string;
	origin: DraftOrigin;
	title: string;
	articleTitle: string;
	facts: number;
	questions: number;
	updatedAt: string;
}

export interface DraftList {
	/** Most recently changed first. */
	drafts: DraftListing[];
	/** Drafts that could not be read: set aside to the quarantine, with why. */
	damaged: Array<{ draftId: string; error: string }>;
}

const listing = (d: DeckDraft): DraftListing => ({
	draftId: d.draftId,
	origin: d.origin,
	title: d.title,
	articleTitle: d.article.title,
	facts: d.facts.length,
	questions: d.questions.length,
	updatedAt: d.updatedAt
});

/** Store a draft (every change the editor saves): one put, under its draft id. */
export async function saveDraft(
	repo: Repository,
	draft: DeckDraft,
	now = new Date()
): Promise<void> {
	const record = draftToRecord(draft, now);
	await repo.kv.run(['drafts'], 'readwrite', async (tx) => {
		tx.put('drafts', draft.draftId, record);
		markChanged(tx, docIds.draft(draft.draftId));
	});
}

/**
 * One draft: null when there is none by that id; a damaged one is set aside and its error given.
 */
export async function loadDraft(
	repo: Repository,
	draftId: string
): Promise<{ ok: true; draft: DeckDraft } | { ok: false; error: string } | null> {
	const raw = await repo.kv.run(['drafts'], 'readonly', (tx) => tx.get('drafts', draftId));
	if (raw === undefined) return null;
	const { good, bad } = sortRows([[draftId, raw]], readDraftRecord);
	if (bad.length) {
		await repo.kv.run(['drafts', 'quarantine'], 'readwrite', (tx) => setAside(tx, 'drafts', bad));
		return { ok: false, error: bad[0][2] };
	}
	return { ok: true, draft: good[0][1].draft };
}

/** Every draft, newest change first; damaged ones are set aside and named in `damaged`. */
export async function listDrafts(repo: Repository): Promise<DraftList> {
	const rows = await repo.kv.run(['drafts'], 'readonly', (tx) => tx.entries('drafts'));
	const { good, bad } = sortRows(rows, readDraftRecord);
	if (bad.length)
		await repo.kv.run(['drafts', 'quarantine'], 'readwrite', (tx) => setAside(tx, 'drafts', bad));
	const drafts = good
		.map(([, r]) => listing(r.draft))
		.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
	return { drafts, damaged: bad.map(([draftId, , error]) => ({ draftId, error })) };
}

export async function deleteDraft(repo: Repository, draftId: string): Promise<void> {
	await repo.kv.run(['drafts'], 'readwrite', async (tx) => {
		tx.delete('drafts', draftId);
		markChanged(tx, docIds.draft(draftId));
	});
}

/** A deck to publish from a draft, and what its memory decisions change. */
export interface Publication {
	stored: StoredDeck;
	/** The draft to remove once the deck is stored. */
	draftId: string;
	/** The deck ids it may not take (the built-in decks'). */
	reserved: readonly string[];
	/** The restated facts' new states (from their current ones) and their log events. */
	changes: readonly StateChange[];
	events: readonly MemoryEvent[];
}

/**
 * Publish: store the deck and its summary (as an import does), append the memory decisions'
 * events with the states they give, and remove the draft, all or nothing. A state changed since
 * it was read (another tab answered) refuses the whole (StaleRecordError): read and try again.
 */
export async function publishDeck(repo: Repository, p: Publication): Promise<void> {
	refuseReserved(p.stored.deck.id, p.reserved);
	const states = p.changes.map((c) => [memoryKey(c.next.deck, c.next.fact), c.next] as const);
	const stores = ['decks', 'deck-summaries', 'drafts', 'states', 'log', 'quarantine'] as const;
	const rev = await repo.kv.run(
		p.changes.length ? stores : stores.slice(0, 3),
		'readwrite',
		async (tx) => {
			putDeck(tx, p.stored);
			tx.delete('drafts', p.draftId);
			markChanged(tx, docIds.deck(p.stored.deck.id));
			markChanged(tx, docIds.draft(p.draftId));
			if (!p.changes.length) return null;
			const rev = await unchanged(
				tx,
				p.changes.map((c) => [memoryKey(c.next.deck, c.next.fact), c.expected])
			);
			for (const [key, state] of states) tx.put('states', key, stateToRecord(state));
			const logged = p.events.map(eventToRecord);
			await appendEntries(tx, logged);
			markLog(tx, logged);
			return rev;
		}
	);
	if (rev !== null)
		repo.snapshot.advance(rev, (m) => {
			for (const [key, state] of states) m.set(key, stateToRow(state));
		});
}
