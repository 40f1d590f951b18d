/**
 * Give-aways in choice questions: a key that is much longer than every distractor (the careful,
 * qualified option is usually the right one), or a key that is the only option opening its own
 * way while the distractors share an opening ("Recognition that…" among "That…", "That…").
 */
import type { Deck, Question } from '../schema';
import { warning, type LintFinding } from './types';

/** The key is flagged when it is longer than the longest distractor by more than this share. */
export const KEY_LENGTH_MARGIN = 1 / 3;

const ARTICLES = new Set(['a', 'an', 'the']);

/** The grammatical opening of an option: its first word, with the articles as one class. */
export function openingOf(option: string): string {
	const first =
		option
			.trim()
			.split(/\s+/)[0]
			?.toLowerCase()
			.replace(/[^\p{L}\d]/gu, '') ?? '';
	if (ARTICLES.has(first)) return 'the';
	if (/^\d/.test(first)) return '0';
	return first;
}

function keysOf(q: Question): { options: string[]; keys: number[] } | null {
	if (q.type === 'mcq') return { options: q.options, keys: [q.answer] };
	if (q.type === 'multi') return { options: q.options, keys: q.answers };
	return null;
}

export function giveaways(deck: Deck): LintFinding[] {
	return deck.questions.flatMap((q, n): LintFinding[] => {
		const choice = keysOf(q);
		if (!choice) return [];
		const { options, keys } = choice;
		const distractors = options.filter((_, i) => !keys.includes(i));
		if (!distractors.length) return [];
		const out: LintFinding[] = [];
		const longest = Math.max(...distractors.map((d) => d.length));
		for (const k of keys) {
			if (options[k].length > longest * (1 + KEY_LENGTH_MARGIN))
				out.push(
					warning(
						'key-length',
						['questions', n, 'options', k],
						`is the key and ${options[k].length} characters long, more than a third longer than every distractor (the longest has ${longest})`
					)
				);
		}
		// Only a single key can stand out by its form; with several keys, the form is a pattern.
		if (keys.length === 1) {
			const openings = distractors.map(openingOf);
			const shared = openings.some((o, i) => openings.indexOf(o) !== i);
			const key = openingOf(options[keys[0]]);
			if (shared && !openings.includes(key))
				out.push(
					warning(
						'key-form',
						['questions', n, 'options', keys[0]],
						`is the key and the only option opening with "${key}"; the distractors share another opening`
					)
				);
		}
		return out;
	});
}
