/**
 * Statements and pairs items: parts judged true or false, and options about them — "which are
 * correct" (each option claims a subset) or "how many are correct" (each claims a count).
 */
import * as z from 'zod/mini';
import { CHOICES_ANSWER } from './answer';
import { partsIn, type ChoicePart, type QuestionTypeDef } from './def';
import { CountOption, Index, QuestionBase, WhichOption, judgedParts } from './fields';
import { byPartsMarkedAsWhole, single, whole, type GradeResult, type Response } from './grading';
import { checkJudged } from './judged-check';
import { lazySchema } from './lazy-schema';
import {
	cellsCsv,
	list,
	optionRow,
	optionRows,
	parseWhole,
	partRows,
	type Cells,
	type SubRows
} from './csv';
import { letteredLines } from './text';
import { closingQuestion, lettered } from './upsc';

export type Judged = { type: 'statements' | 'pairs'; facts: string[]; answer: number } & (
	| { mode: 'which'; options: Array<{ text: string; claims: number[] }> }
	| { mode: 'how_many'; options: Array<{ text: string; count: number }> }
);

/** A part of a statements or pairs item. */
export interface JudgedPartOf {
	fact: string;
	correct: boolean;
}

/**
 * The schema of a statements or pairs type, built on first use: its own `fields` (the parts)
 * between the mode and the options, in "which" and "how many" modes.
 */
export function judgedSchema<T extends string, F extends z.core.$ZodLooseShape>(
	type: T,
	fields: () => F
) {
	return lazySchema(() => {
		const own = fields();
		const mode = <M extends z.core.SomeType, O extends z.core.SomeType>(mode: M, option: O) =>
			z.strictObject({
				...QuestionBase(),
				type: z.literal(type),
				mode,
				...own,
				options: judgedParts(option),
				answer: Index()
			});
		return z.discriminatedUnion('mode', [
			mode(z.literal('which'), WhichOption()),
			mode(z.literal('how_many'), CountOption())
		]);
	});
}

/** Grade the option chosen, and each part by what that option claims of it. */
export function gradeJudged(q: Judged, parts: readonly JudgedPartOf[], r: Response): GradeResult {
	const choice = single(r);
	if (choice === null || choice >= q.options.length) return whole(q, false);
	// "Only two" says nothing about which two: the answer is right or wrong as a whole.
	if (q.mode === 'how_many') return whole(q, choice === q.answer);
	const claims = q.options[choice].claims;
	return byPartsMarkedAsWhole(
		q,
		parts.map((part, i) => ({ fact: part.fact, right: claims.includes(i + 1) === part.correct })),
		// The exam marks the option, not the parts: the outcome follows the option chosen.
		choice === q.answer
	);
}

/** What a statements or pairs type says of its parts; the rest is the same for both. */
export interface JudgedType<Q extends Judged, P extends JudgedPartOf> {
	/** The field that holds the parts ("statements", "pairs") and the parts in it. */
	field: keyof Q & string;
	partsOf(q: Q): readonly P[];
	/** What makes two parts the same part (a deck may not repeat one). */
	partKey(p: P): string;
	/** The parts as the card's front lists them. */
	ankiParts(q: Q): string;
	/** The CSV column of each field of a part. */
	columns: SubRows['columns'];
	/** Its own cells of the question row, besides mode and answer (see `cellsCsv`). */
	cells?: Parameters<typeof cellsCsv<Q>>[0];
}

const MODES = ['which', 'how_many'] as const;

/** An option of a statements or pairs question: the statement numbers it claims, or a count. */
function readClaims(o: Cells, mode: (typeof MODES)[number] | undefined) {
	if (mode === 'which')
		return {
			text: o.text('text'),
			claims: o.convertList('claims', parseWhole, 'is not a whole number')
		};
	if (mode === 'how_many') return { text: o.text('text'), count: o.whole('claims') };
	o.useAll(); // the mode is already reported; the claims cannot be read without it
	return { text: o.text('text') };
}

/**
 * The parts of a statements or pairs type that follow from its parts (its names and schema
 * aside): graded, worded, answered, checked and written in CSV as the exam does both.
 */
export function judgedType<Q extends Judged, P extends JudgedPartOf>(
	t: JudgedType<Q, P>
): Omit<QuestionTypeDef<Q>, 'schema' | 'id' | 'code' | 'label'> & { choice: ChoicePart<Q> } {
	const options = (q: Q) => q.options.map((o) => o.text);
	const own = cellsCsv<Q>(t.cells ?? {}, { field: t.field, rows: partRows(t.columns) });
	return {
		inTests: true,
		grade: (q, r) => gradeJudged(q, t.partsOf(q), r),
		answerText: (q) => lettered(q.answer, q.options[q.answer].text),
		parts: (q) => partsIn(t.field, t.partsOf(q)),
		ankiFront: (q) => [t.ankiParts(q), closingQuestion(q), letteredLines(options(q))],
		answer: CHOICES_ANSWER,
		// The options are the exam's fixed list ("1 only", "Both 1 and 2"…): never shuffled.
		choice: { options, right: (q) => [q.answer], shuffle: false },
		csv: {
			fields: {
				mode: 'mode',
				...own.fields,
				options: optionRows({ text: 'text', claims: 'claims', count: 'claims' }),
				answer: 'answer'
			},
			read(c, os, ps) {
				const mode = c.choice('mode', MODES);
				return {
					mode,
					...own.read(c, os, ps),
					options: os.map((o) => readClaims(o, mode)),
					answer: c.optionNumber('answer', os.length)
				};
			},
			write(q) {
				const { cells, rows } = own.write(q);
				const claims = (o: Q['options'][number]) =>
					'claims' in o ? list(o.claims) : String(o.count);
				return {
					cells: { mode: q.mode, ...cells, answer: String(q.answer + 1) },
					rows: [...rows, ...q.options.map((o) => optionRow(o.text, claims(o)))]
				};
			}
		},
		check: (q) => checkJudged(q, t.field, t.partsOf(q), t.partKey)
	};
}
