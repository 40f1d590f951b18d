/**
 * The state of `/write`: the learner's drafts (list, open, delete, start one, edit an own deck,
 * copy a built-in one), the draft being edited (session/write.svelte.ts `DraftEditor`), the step
 * on show, and publishing with its "same fact or new one?" questions. The page only renders it.
 */
import type { Deck } from '$lib/bank/schema';
import type { DeckDraft, DraftCheck, DraftIssue } from '$lib/bank/draft';
import { unedited } from '$lib/question-types/drafts';
import { DraftEditor } from '$lib/session/write.svelte';
import {
	copyDeck,
	createDraft,
	editOwnDeck,
	listDrafts,
	openDraft,
	publish,
	removeDraft,
	restatedFacts,
	storeDraft,
	type DraftList,
	type Restatement
} from '$lib/session/write-drafts';
import { ownDecks } from '$lib/session/decks';

export type Step = 'article' | 'facts' | 'questions' | 'publish';
export const STEPS: ReadonlyArray<{ id: Step; label: string }> = [
	{ id: 'article', label: '1 Article' },
	{ id: 'facts', label: '2 Facts' },
	{ id: 'questions', label: '3 Questions' },
	{ id: 'publish', label: '4 Publish' }
];

export interface BuiltinSource {
	deck: Deck;
	sourceText: string;
}

/**
 * Every issue of the draft: the validator's and the lint's (`check`), and each text a question's
 * draft left for the author to write (its `[edit]` placeholder), which stops a publish too.
 */
export function draftIssues(check: DraftCheck, draft: DeckDraft): DraftIssue[] {
	const placeholders = draft.questions.flatMap((q, i) =>
		unedited(q, ['questions', i]).map((x): DraftIssue => ({
			...x,
			severity: 'error',
			rule: 'invalid'
		}))
	);
	return [...check.issues, ...placeholders];
}

export class WritePage {
	readonly builtin: readonly BuiltinSource[];
	list = $state.raw<DraftList>({ drafts: [], damaged: [] });
	loaded = $state(false);
	editor = $state.raw<DraftEditor | null>(null);
	step = $state<Step>('article');
	/** A sentence to show (a refused action, a storage failure). */
	error = $state<string | null>(null);
	/** The draft id asked to delete, awaiting confirmation. */
	confirmDelete = $state<string | null>(null);
	/** Facts with reviews whose statement changed, asked "same or new" before publishing. */
	restated = $state.raw<Restatement[]>([]);
	published = $state.raw<Deck | null>(null);
	publishing = $state(false);
	#detach: (() => void) | null = null;

	constructor(builtin: readonly BuiltinSource[]) {
		this.builtin = builtin;
	}

	/** Open what the address names (`?draft=`, `?edit=`, `?copy=`), else list the drafts. */
	async load(params: URLSearchParams): Promise<void> {
		try {
			const draftId = params.get('draft');
			const edit = params.get('edit');
			const copy = params.get('copy');
			if (draftId) await this.open(draftId);
			else if (edit) {
				const draft = await editOwnDeck(edit);
				if (draft) this.#start(draft);
				else this.error = `No deck of yours on this device has the id “${edit.slice(0, 60)}”.`;
			} else if (copy) {
				const found = this.builtin.find((b) => b.deck.id === copy);
				if (!found) this.error = `No built-in deck has the id “${copy.slice(0, 60)}”.`;
				else {
					const own = await ownDecks();
					const taken = [...this.builtin.map((b) => b.deck.id), ...own.map((d) => d.deck.id)];
					this.#start(await copyDeck(found.deck, found.sourceText, taken));
				}
			}
			if (!this.editor) await this.refresh();
		} catch (e) {
			this.error = `Your drafts could not be read: ${e instanceof Error ? e.message : String(e)}`;
		}
		this.loaded = true;
	}

	async refresh(): Promise<void> {
		this.list = await listDrafts();
	}

	#start(draft: Parameters<typeof storeDraft>[0]): void {
		this.#detach?.();
		const editor = new DraftEditor(draft, {
			save: storeDraft,
			reserved: this.builtin.map((b) => b.deck.id)
		});
		this.#detach = typeof window === 'undefined' ? null : editor.attach();
		this.editor = editor;
		this.published = null;
		this.restated = [];
		this.error = null;
		this.step = draft.article.text ? 'facts' : 'article';
	}

	async create(): Promise<void> {
		this.#start(await createDraft());
	}

	async open(draftId: string): Promise<void> {
		const read = await openDraft(draftId);
		if (!read) this.error = 'That draft is no longer on this device.';
		else if (!read.ok) this.error = `That draft was damaged and set aside: ${read.error}`;
		else this.#start(read.draft);
	}

	async remove(draftId: string): Promise<void> {
		this.confirmDelete = null;
		try {
			await removeDraft(draftId);
		} catch (e) {
			this.error = `The draft was not deleted: ${e instanceof Error ? e.message : String(e)}`;
		}
		await this.refresh();
	}

	/** Back to the list of drafts (the draft is saved first). */
	async close(): Promise<void> {
		const editor = this.editor;
		if (editor) await editor.close();
		this.#detach?.();
		this.#detach = null;
		this.editor = null;
		await this.refresh();
	}

	/** Publish; asks "same or new" first for restated facts not yet answered. */
	async publish(): Promise<void> {
		const editor = this.editor;
		if (!editor) return;
		this.publishing = true;
		this.error = null;
		try {
			await editor.flush();
			const draft = editor.draft;
			const left = draftIssues(editor.checkNow(), draft).filter((i) => i.severity === 'error');
			if (left.length) {
				this.error = `The deck is not ready: ${left.length} problem(s) to fix, each shown beside its field and listed here.`;
				return;
			}
			const restated = await restatedFacts(draft);
			const open = restated.filter((r) => !draft.memory.some((m) => m.fact === r.fact));
			if (open.length) {
				this.restated = restated;
				return;
			}
			this.restated = [];
			const result = await publish(draft, { builtinIds: this.builtin.map((b) => b.deck.id) });
			if (result.ok) {
				await editor.close();
				this.#detach?.();
				this.#detach = null;
				this.published = result.deck;
				this.editor = null;
			} else if (result.reason === 'memory') this.restated = result.undecided;
			else this.error = result.message;
		} finally {
			this.publishing = false;
		}
	}
}
