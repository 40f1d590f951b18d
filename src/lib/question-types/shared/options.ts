/**
 * Multiple choice and select-all (mcq, multi): the learner chooses among two to six options
 * that a paper may shuffle; one option row each in the CSV. They differ only in how many
 * options are right and the field that names them.
 */
import type { IssuePath } from '../../bank/issues';
import { CHOICES_ANSWER } from './answer';
import { checkDistinct, checkIndex, indexed } from './check';
import { optionRows, type Cells, type CsvPart } from './csv';
import type { ChoicePart, QuestionTypeDef } from './def';
import { letteredLines } from './text';
import { lettered } from './upsc';

type OptionsQuestion = { type: 'mcq' | 'multi'; facts: string[]; options: string[] };

/** What mcq or multi says of its right options. */
interface RightOptions<Q> {
	/** The field that names them ("answer", "answers"), in the CSV's answer column. */
	field: string;
	right(q: Q): number[];
	/** The path of the i-th right option's index. */
	path(i: number): IssuePath;
	read(c: Cells, optionCount: number): unknown;
	/** The answer cell as written (1-based). */
	write(q: Q): string;
}

/** The parts of mcq or multi that follow from its right options. */
export function optionsType<Q extends OptionsQuestion>(
	r: RightOptions<Q>
): Pick<QuestionTypeDef<Q>, 'answerText' | 'ankiFront' | 'answer' | 'csv' | 'check'> & {
	choice: ChoicePart<Q>;
} {
	return {
		answerText: (q) =>
			r
				.right(q)
				.map((i) => lettered(i, q.options[i]))
				.join('; '),
		ankiFront: (q) => [letteredLines(q.options)],
		answer: CHOICES_ANSWER,
		choice: { options: (q) => q.options, right: r.right, shuffle: true },
		csv: {
			fields: { options: optionRows(), [r.field]: 'answer' },
			read: (c, os) => ({
				options: os.map((o) => o.text('text')),
				[r.field]: r.read(c, os.length)
			}),
			write: (q) => ({
				cells: { answer: r.write(q) },
				rows: q.options.map((text) => ({ kind: 'option', text }))
			})
		} satisfies CsvPart<Q>,
		check: (q) => {
			const right = r.right(q);
			return [
				...checkDistinct(q.options, indexed('options')),
				...checkDistinct(right.map(String), r.path),
				...right.flatMap((a, i) => checkIndex(r.path(i), a, q.options.length, 'options'))
			];
		}
	};
}
