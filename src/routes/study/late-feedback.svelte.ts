/**
 * What an answer shows on /study (the verdict, the answer, the explanation, the sources): not
 * needed for the first question, so its component and the built-in decks' explanations are
 * loaded once that question is on screen rather than with the page (docs/ARCHITECTURE.md,
 * First-load JS); an answer given before then waits for them.
 */
import type { Deck } from '$lib/bank/schema';
import { explainDecks } from '$lib/session/builtin-decks';

type FeedbackComponent = typeof import('$lib/components/Feedback.svelte').default;

export class LateFeedback {
	/** The component, once it and the explanations are loaded. */
	component = $state<FeedbackComponent>();
	/** The built-in decks the session asks from: their explanations are filled in (once). */
	decks: Deck[] = [];
	#loading: Promise<unknown> | null = null;
	#explaining: Promise<void> | null = null;

	load(): Promise<unknown> {
		return (this.#loading ??= Promise.all([
			import('$lib/components/Feedback.svelte'),
			(this.#explaining ??= explainDecks(this.decks))
		]).then(
			([m]) => (this.component = m.default),
			// Offline without it cached, say: the next answer asks again.
			() => (this.#loading = null)
		));
	}
}
