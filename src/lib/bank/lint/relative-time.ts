/**
 * Relative time goes stale: "next month" in a card read a year later points at the wrong month.
 * Every prompt, option, part, answer, explanation and fact statement that uses a relative time
 * word must name an absolute date in the same text. Quotations are verbatim and left alone.
 */
import type { Deck } from '../schema';
import { hasAbsoluteDate, questionTexts, relativeTimeWords, withoutQuotations } from './text';
import { error, type LintFinding } from './types';

function check(path: (string | number)[], text: string): LintFinding[] {
	const words = relativeTimeWords(text);
	if (!words.length || hasAbsoluteDate(withoutQuotations(text))) return [];
	const listed = [...new Set(words.map((w) => `"${w}"`))].join(', ');
	return [
		error(
			'relative-time',
			path,
			`says ${listed} without an absolute date in the same text (write "12 January 2026", "February 2026", or "as of 13 January 2026")`
		)
	];
}

export function relativeTime(deck: Deck): LintFinding[] {
	return [
		...deck.facts.flatMap((f, i) => check(['facts', i, 'statement'], f.statement)),
		...deck.questions.flatMap((q, n) =>
			questionTexts(q).flatMap(({ path, text }) => check(['questions', n, ...path], text))
		)
	];
}
