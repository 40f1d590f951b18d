/**
 * How a question is answered on paper: the instruction printed under it, and the space it gets
 * (a box for a letter, True/False to circle, a line, a blank per letter, a box per item).
 */
import type { Question } from '$lib/bank/schema';

export type AnswerSpace = 'box' | 'circle' | 'line' | 'letters' | 'items';

export function howToAnswer(q: Question): { text: string; space: AnswerSpace } {
	switch (q.type) {
		case 'mcq':
		case 'statements':
		case 'pairs':
		case 'assertion_reason':
			return { text: 'Write the letter of your answer in the box.', space: 'box' };
		case 'multi':
			return { text: 'Write the letters of all the right answers in the box.', space: 'box' };
		case 'true_false':
			return { text: 'Circle True or False.', space: 'circle' };
		case 'cloze':
			return { text: 'Write the missing words on the line.', space: 'line' };
		case 'numeric':
			// The unit is printed with the question ("Answer in: …").
			return { text: 'Write the number on the line.', space: 'line' };
		case 'match':
			return { text: 'Beside each letter, write the number of its match.', space: 'letters' };
		case 'order':
			return {
				text: `Number the items from 1 to ${q.items.length} in the order asked.`,
				space: 'items'
			};
		case 'flashcard':
			return { text: 'Write your answer on the line.', space: 'line' };
	}
}
