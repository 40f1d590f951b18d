/**
 * The drafts a page works with (`/write`): start one, open or list them, edit one of the
 * learner's own decks or copy a built-in one, and publish (see docs/ARCHITECTURE.md, "The
 * editor's model"). The editor itself is write.svelte.ts; `storeDraft` is what it saves with.
 *
 * Publishing is an import by another road: the deck passes the same validator with the same
 * rules, is stored the same way (with its summary) and joins Your decks. A deck published again
 * keeps its facts' memory by id; a fact with reviews whose statement changed needs the author's
 * answer first ("same fact or new one?", `restatedFacts` and the editor's `chooseMemory`), which
 * goes to the log with the deck, in one transaction (srs/restate.ts).
 */
import {
	deckIdOf,
	deckToDraft,
	draftToDeck,
	emptyDraft,
	type DeckDraft,
	type DraftCheck
} from '$lib/bank/draft';
import type { Deck } from '$lib/bank/schema';
import { apply, memoryKey, newMemory, type MemoryState } from '$lib/srs/memory';
import {
	restatements,
	restateEvents,
	type Restatement,
	type RestateChoice
} from '$lib/srs/restate';
import type { DraftList } from '$lib/storage/drafts';
import { repository } from './storage.svelte';
import { saveFailure } from './save-error';

export type { DraftList, Restatement };

const drafts = () => import('$lib/storage/drafts');

export interface WriteOptions {
	now?: Date;
	newId?: () => string;
}

const uuid = () => crypto.randomUUID();

/** Store a draft (the editor's `save`). */
export async function storeDraft(draft: DeckDraft): Promise<void> {
	const [repo, d] = await Promise.all([repository(), drafts()]);
	await d.saveDraft(repo, draft);
}

/** A new, empty draft, stored at once (so the list and a reload find it). */
export async function createDraft({
	now = new Date(),
	newId = uuid
}: WriteOptions = {}): Promise<DeckDraft> {
	const draft = emptyDraft(newId(), now);
	await storeDraft(draft);
	return draft;
}

/** One draft: null when none has that id; `ok: false` when it was damaged (set aside). */
export async function openDraft(
	draftId: string
): Promise<{ ok: true; draft: DeckDraft } | { ok: false; error: string } | null> {
	const [repo, d] = await Promise.all([repository(), drafts()]);
	return d.loadDraft(repo, draftId);
}

/** Every draft, newest change first, and the damaged ones (set aside) by id with why. */
export async function listDrafts(): Promise<DraftList> {
	const [repo, d] = await Promise.all([repository(), drafts()]);
	return d.listDrafts(repo);
}

/** Throw a draft away. */
export async function removeDraft(draftId: string): Promise<void> {
	const [repo, d] = await Promise.all([repository(), drafts()]);
	await d.deleteDraft(repo, draftId);
}

/**
 * Reopen one of the learner's own decks to edit: the draft already editing it, if there is one
 * (so two drafts never race to publish one deck), else a new draft of it, stored. Null when the
 * learner has no deck by that id.
 */
export async function editOwnDeck(
	deckId: string,
	{ now = new Date(), newId = uuid }: WriteOptions = {}
): Promise<DeckDraft | null> {
	const [repo, d, decks] = await Promise.all([
		repository(),
		drafts(),
		import('$lib/storage/decks')
	]);
	const { drafts: list } = await d.listDrafts(repo);
	const open = list.find((l) => l.origin.kind === 'own' && l.origin.deck === deckId);
	if (open) {
		const read = await d.loadDraft(repo, open.draftId);
		if (read?.ok) return read.draft;
	}
	const stored = await decks.loadDeck(repo, deckId);
	if (!stored) return null;
	const draft = deckToDraft(stored.deck, { draftId: newId(), now, as: 'own' });
	await d.saveDraft(repo, draft, now);
	return draft;
}

/**
 * "Copy to edit" a built-in deck: a new draft of it under a new id, with its source text (a
 * built-in deck carries its text beside it: `BuiltinDeck.sourceText` at build time). `taken`:
 * every deck id in use (built-in and the learner's), which the copy's id avoids.
 */
export async function copyDeck(
	deck: Deck,
	sourceText: string,
	taken: readonly string[],
	{ now = new Date(), newId = uuid }: WriteOptions = {}
): Promise<DeckDraft> {
	const draft = deckToDraft(deck, { draftId: newId(), now, as: 'copy', sourceText, taken });
	await storeDraft(draft);
	return draft;
}

/** The stored states of a deck's facts, by memory key (those that have one). */
async function statesOf(
	deckId: string,
	factIds: readonly string[]
): Promise<Map<string, MemoryState>> {
	const repo = await repository();
	const out = new Map<string, MemoryState>();
	const read = await Promise.all(factIds.map((f) => repo.loadState(memoryKey(deckId, f))));
	read.forEach((s, i) => s && out.set(memoryKey(deckId, factIds[i]), s));
	return out;
}

/**
 * The facts with reviews whose statement the draft changed: each asks "same fact or new one?"
 * before the deck is published (the draft's `memory` holds the answers given). Empty for a new
 * deck or a copy (their ids are new, so no memory).
 */
export async function restatedFacts(draft: DeckDraft): Promise<Restatement[]> {
	if (draft.origin.kind !== 'own' || draft.origin.deck !== deckIdOf(draft)) return [];
	const facts = draft.facts.map((f) => ({ id: f.id, statement: f.statement.trim() }));
	return restatements(
		deckIdOf(draft),
		facts,
		await statesOf(
			deckIdOf(draft),
			facts.map((f) => f.id)
		)
	);
}

export type PublishResult =
	| { ok: true; deck: Deck; restated: number }
	/** The deck does not pass the validator or has lint errors: `check` says where. */
	| { ok: false; reason: 'invalid'; check: DraftCheck; message: string }
	/** Facts with reviews whose statement changed, not yet answered "same or new". */
	| { ok: false; reason: 'memory'; undecided: Restatement[]; message: string }
	/** The id is a built-in deck's, or another of the learner's decks'. */
	| { ok: false; reason: 'taken'; message: string }
	/** Storage refused (save-error.ts wording); the draft is kept. */
	| { ok: false; reason: 'storage'; message: string };

export interface PublishOptions extends WriteOptions {
	/** The built-in decks' ids, which a deck of one's own may not take. */
	builtinIds: readonly string[];
	/** Publish despite lint errors (an import takes them as advice); validator errors always stop it. */
	lintAsAdvice?: boolean;
}

/**
 * Publish a draft: its deck joins Your decks (a new version of the learner's deck when it is
 * one), with the memory decisions in the log, and the draft is removed, all in one transaction.
 */
export async function publish(draft: DeckDraft, options: PublishOptions): Promise<PublishResult> {
	const { builtinIds, lintAsAdvice = false, now = new Date(), newId = uuid } = options;
	const check = draftToDeck(draft, { reserved: builtinIds });
	const lintErrors = check.issues.filter(
		(i) => i.severity === 'error' && i.rule !== 'invalid'
	).length;
	if (!check.deck || (lintErrors && !lintAsAdvice))
		return {
			ok: false,
			reason: 'invalid',
			check,
			message: `The deck is not ready: ${check.errors} problem(s) to fix, each shown beside its field.`
		};
	const deck = check.deck;
	const [repo, d, decks] = await Promise.all([
		repository(),
		drafts(),
		import('$lib/storage/decks')
	]);
	const mine = draft.origin.kind === 'own' && draft.origin.deck === deck.id;
	if (!mine) {
		const other = await decks.loadDeck(repo, deck.id);
		if (other)
			return {
				ok: false,
				reason: 'taken',
				message: `Your deck “${other.deck.title}” has the id "${deck.id}" already: give this deck another title or id.`
			};
	}
	const states = mine
		? await statesOf(
				deck.id,
				deck.facts.map((f) => f.id)
			)
		: new Map();
	const needs = restatements(deck.id, deck.facts, states);
	const choices = new Map<string, RestateChoice>(draft.memory.map((m) => [m.fact, m.choice]));
	const { events, undecided } = restateEvents(deck.id, needs, choices, now, newId);
	if (undecided.length)
		return {
			ok: false,
			reason: 'memory',
			undecided: needs.filter((n) => undecided.includes(n.fact)),
			message: `${undecided.length} fact(s) with reviews have a new statement: say for each whether it is the same fact (its memory stays) or a new one (its memory starts again).`
		};
	const changes = events.map((e) => {
		const before = states.get(memoryKey(e.deck, e.fact)) ?? newMemory(e.deck, e.fact);
		return { expected: before.lastEvent, next: apply(before, e) };
	});
	try {
		await d.publishDeck(repo, {
			stored: {
				deck,
				importedAt: now.toISOString(),
				fileName: 'Written in the app',
				format: 'written'
			},
			draftId: draft.draftId,
			reserved: builtinIds,
			changes,
			events
		});
	} catch (e) {
		return {
			ok: false,
			reason: 'storage',
			message: saveFailure(`“${deck.title}” was not published`, e)
		};
	}
	return { ok: true, deck, restated: events.length };
}
