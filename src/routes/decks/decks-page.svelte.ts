/**
 * "Your decks": import a deck (JSON or CSV, all or nothing), list the learner's decks, export
 * any deck as JSON, CSV or Anki text, and delete a deck with or without its progress.
 */
import { deckToAnki } from '$lib/bank/anki';
import { deckToCsv } from '$lib/bank/csv';
import { importDeckFiles, MAX_DECK_BYTES, type DeckFileImport } from '$lib/bank/deck-import';
import { deckToJson } from '$lib/bank/deck-json';
import type { Deck } from '$lib/bank/schema';
import { deleteDeck, ownDecks, saveDeck, type StoredDeck } from '$lib/session/decks';
import { downloadText } from '$lib/session/download';
import { saveFailure } from '$lib/session/save-error';

export type ExportFormat = 'json' | 'csv' | 'anki';

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export class DecksPage {
	readonly builtin: ReadonlyArray<{ deck: Deck; sourceText: string }>;
	own = $state.raw<StoredDeck[]>([]);
	loaded = $state(false);
	/** Why the chosen file cannot be imported (nothing was stored). */
	problems = $state.raw<string[]>([]);
	/** A valid deck waiting for the learner to add it. */
	pending = $state.raw<Extract<DeckFileImport, { ok: true }> | null>(null);
	message = $state('');
	/** A deletion storage refused, until a try succeeds. */
	error = $state<string | null>(null);
	busy = $state(false);

	constructor(builtin: ReadonlyArray<{ deck: Deck; sourceText: string }>) {
		this.builtin = builtin;
	}

	async load(): Promise<void> {
		this.own = await ownDecks();
		this.loaded = true;
	}

	/** Whether the pending deck would replace one of the learner's decks. */
	get replaces(): StoredDeck | undefined {
		return this.own.find((d) => d.deck.id === this.pending?.deck.id);
	}

	/** Read and check the chosen files; a valid deck waits in `pending`, problems are listed. */
	async choose(files: readonly File[]): Promise<void> {
		this.problems = [];
		this.pending = null;
		this.message = '';
		const big = files.filter((f) => f.size > MAX_DECK_BYTES);
		if (big.length) {
			this.problems = big.map(
				(f) => `${f.name}: ${MB(f.size)} is more than the ${MB(MAX_DECK_BYTES)} a deck may have`
			);
			return;
		}
		this.busy = true;
		try {
			const read = await Promise.all(
				files.map(async (f) => ({ name: f.name, text: await f.text() }))
			);
			const result = importDeckFiles(read);
			if (!result.ok) this.problems = result.problems;
			else if (this.builtin.some((b) => b.deck.id === result.deck.id))
				this.problems = [
					`${result.fileName}: id "${result.deck.id}" is a built-in deck's id: give your deck another id`
				];
			else this.pending = result;
		} finally {
			this.busy = false;
		}
	}

	cancel(): void {
		this.pending = null;
	}

	/** Store the pending deck (replacing one with the same id; progress is kept by fact id). */
	async add(): Promise<void> {
		const p = this.pending;
		if (!p) return;
		const stored: StoredDeck = {
			deck: p.deck,
			importedAt: new Date().toISOString(),
			fileName: p.fileName,
			format: p.format
		};
		try {
			await saveDeck(
				stored,
				this.builtin.map((b) => b.deck.id)
			);
		} catch (e) {
			this.problems = [(e as Error).message];
			return;
		}
		this.pending = null;
		this.message = `Added “${p.deck.title}”: ${p.deck.facts.length} facts, ${p.deck.questions.length} questions.`;
		await this.load();
	}

	async remove(id: string, dropProgress: boolean): Promise<void> {
		const deck = this.own.find((d) => d.deck.id === id);
		let states: number, log: number;
		try {
			({ states, log } = await deleteDeck(id, dropProgress));
		} catch (e) {
			this.message = '';
			this.error = saveFailure(`“${deck?.deck.title ?? id}” was not deleted`, e);
			return;
		}
		this.error = null;
		this.message = dropProgress
			? `Deleted “${deck?.deck.title ?? id}” and its progress (${states} facts, ${log} log entries).`
			: `Deleted “${deck?.deck.title ?? id}”. Its progress is kept and returns if you import it again.`;
		await this.load();
	}

	/** Save a deck as a file in one of the export formats. */
	export(deck: Deck, sourceText: string, format: ExportFormat): void {
		if (format === 'json')
			downloadText(`${deck.id}.json`, deckToJson(deck, sourceText), 'application/json');
		else if (format === 'csv')
			downloadText(`${deck.id}.csv`, deckToCsv(deck, sourceText), 'text/csv');
		else downloadText(`${deck.id}-anki.txt`, deckToAnki(deck), 'text/plain');
	}
}
