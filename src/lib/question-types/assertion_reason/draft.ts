/**
 * An assertion–reason (or Statement-I/II) draft from two facts: the first the assertion, the
 * second the reason, each the fact's statement (or a marked variant to edit when false), and
 * whether the reason explains the assertion. The four options are the exam's (`arOptions`);
 * the answer follows from the parts (`arAnswer`).
 */
import { draftBase, factAt, falseVariant, type DraftInput } from '../shared/draft';
import type { ArStyle } from '../shared/upsc';
import type { AssertionReason } from '.';

export interface ArDraft {
	style?: ArStyle;
	/** Whether the assertion and the reason are true; both by default. */
	truth?: readonly [boolean, boolean];
	/** The assertion's and the reason's text; the facts' (or false variants) by default. */
	texts?: readonly [string, string];
	/** Whether the reason explains the assertion (only when both are true); false by default. */
	explains?: boolean;
}

export function arDraft(input: DraftInput & ArDraft): AssertionReason {
	const style = input.style ?? 'assertion_reason';
	const facts = [factAt(input.facts, 0), factAt(input.facts, 1)];
	const [a, r] = facts.map((f, i) => {
		const correct = input.truth?.[i] ?? true;
		const text = input.texts?.[i] ?? (correct ? f.statement : falseVariant(f.statement));
		return { text, fact: f.id, correct };
	});
	const prompt =
		style === 'assertion_reason'
			? 'Read the Assertion (A) and Reason (R) below:'
			: 'Consider the following statements:';
	return {
		...draftBase('assertion_reason', { ...input, facts }, prompt),
		style,
		assertion: a,
		reason: r,
		explains: (input.explains ?? false) && a.correct && r.correct
	};
}
