/**
 * The props of a type's body: what the printed or shown question holds after its prompt (the
 * statements, the pairs, the options…). The bodies are Svelte components, mapped per type in
 * src/lib/components/answer-inputs.ts (the registry loads no Svelte); see docs/ARCHITECTURE.md.
 */
export interface BodyProps<Q> {
	question: Q;
	/**
	 * Only the stem: the study screen and the test show the options, the pairs to match and the
	 * items to order in the answer widget, so the body leaves them out.
	 */
	stemOnly: boolean;
	/** A paper's option order (the bank index at each position), for options a paper shuffles. */
	optionOrder: readonly number[] | null;
}
