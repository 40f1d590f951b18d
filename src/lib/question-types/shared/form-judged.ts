/**
 * Edits of a statements or pairs item in the editor: its parts, its mode and its options, the
 * answer kept as the option that fits the parts. While the options are the exam's standard set
 * for the parts, they follow the parts (a statement marked false, one added); options the author
 * wrote are kept, renumbered when a part moves or goes. Pure; see form.ts.
 */
import type { Judged, JudgedPartOf } from './judged';
import { factsOfParts, moved, movedIndex, removedIndex, replaced, without } from './form';
import { fittingOption, judgedOptions, type JudgedMode } from './upsc-options';

/** The field that holds the parts. */
export type PartsField = 'statements' | 'pairs';
type Option = Judged['options'][number];

const partsOf = <P extends JudgedPartOf>(q: Judged, field: PartsField): P[] =>
	(q as unknown as Record<PartsField, P[]>)[field];

const truthOf = (parts: readonly JudgedPartOf[]) => parts.map((p) => p.correct);

/** Whether the options are the standard set for these parts. */
export function isStandard(q: Judged, parts: readonly JudgedPartOf[]): boolean {
	const standard = judgedOptions(q.mode, truthOf(parts)).options;
	return JSON.stringify(standard) === JSON.stringify(q.options);
}

/** The question with these options, and the answer the option that fits (if one does). */
function withOptions<Q extends Judged>(q: Q, options: Option[], parts: readonly JudgedPartOf[]): Q {
	const fits = fittingOption(options as Judged['options'], truthOf(parts));
	return { ...q, options, answer: fits >= 0 ? fits : q.answer } as Q;
}

/**
 * New parts: the facts follow them, the options too while they are the standard set (else each
 * claim is renumbered by `renumber`, and dropped where it gives -1), and the answer fits them.
 */
export function withParts<Q extends Judged, P extends JudgedPartOf>(
	q: Q,
	field: PartsField,
	parts: P[],
	renumber: (claim: number) => number = (c) => c
): Q {
	const next = { ...q, [field]: parts, facts: factsOfParts(parts) } as Q;
	if (isStandard(q, partsOf(q, field)))
		return { ...next, ...judgedOptions(q.mode, truthOf(parts)) };
	const options = q.options.map((o) =>
		'claims' in o ? { ...o, claims: o.claims.map(renumber).filter((c) => c > 0) } : o
	);
	return withOptions(next, options, parts);
}

/** Part `i` replaced (its text, fact or truth edited). */
export const setPart = <Q extends Judged, P extends JudgedPartOf>(
	q: Q,
	field: PartsField,
	i: number,
	part: P
): Q => withParts(q, field, replaced(partsOf<P>(q, field), i, part));

/** Part `from` moved to `to`: options naming parts by number follow it. */
export const movePart = <Q extends Judged>(q: Q, field: PartsField, from: number, to: number): Q =>
	withParts(q, field, moved(partsOf(q, field), from, to), (c) => movedIndex(c - 1, from, to) + 1);

/** Part `i` removed: options naming it no longer do, later parts are renumbered. */
export const removePart = <Q extends Judged>(q: Q, field: PartsField, i: number): Q =>
	withParts(q, field, without(partsOf(q, field), i), (c) => removedIndex(c - 1, i) + 1);

/** A part added at the end. */
export const addPart = <Q extends Judged, P extends JudgedPartOf>(
	q: Q,
	field: PartsField,
	part: P
): Q => withParts(q, field, [...partsOf<P>(q, field), part]);

/** The exam's standard options for the parts as they are, and the answer. */
export const standardOptions = <Q extends Judged>(q: Q, field: PartsField): Q =>
	({ ...q, ...judgedOptions(q.mode, truthOf(partsOf(q, field))) }) as Q;

/** Another mode: its standard options (a "which" option says nothing of "how many"). */
export const setMode = <Q extends Judged>(q: Q, field: PartsField, mode: JudgedMode): Q =>
	standardOptions({ ...q, mode } as Q, field);

/** Option `i` replaced (its words, claims or count edited); the answer fits again. */
export const setJudgedOption = <Q extends Judged>(
	q: Q,
	field: PartsField,
	i: number,
	option: Option
): Q => withOptions(q, replaced<Option>(q.options, i, option), partsOf(q, field));

/** Option `from` moved to `to`; the answer follows it. */
export const moveJudgedOption = <Q extends Judged>(q: Q, from: number, to: number): Q =>
	({
		...q,
		options: moved<Option>(q.options, from, to),
		answer: movedIndex(q.answer, from, to)
	}) as Q;

/** Option `i` removed; the answer fits again (or stays on its option). */
export const removeJudgedOption = <Q extends Judged>(q: Q, field: PartsField, i: number): Q =>
	withOptions(
		{ ...q, answer: removedIndex(q.answer, i) },
		without<Option>(q.options, i),
		partsOf(q, field)
	);

/** An empty option at the end. */
export const addJudgedOption = <Q extends Judged>(q: Q): Q =>
	({
		...q,
		options: [...q.options, q.mode === 'which' ? { text: '', claims: [] } : { text: '', count: 0 }]
	}) as Q;
