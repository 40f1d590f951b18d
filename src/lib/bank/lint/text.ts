/**
 * The words the lint rules look at: relative time, absolute dates, and the distinctive words
 * (numbers, proper nouns) that tie a part of a question to the fact it names.
 */
import type { IssuePath } from '../issues';
import type { Question } from '../schema';

/** Text inside curly or straight double quotes: verbatim from the source, never reworded. */
export const withoutQuotations = (text: string): string =>
	text.replace(/“[^”]*”/g, ' ').replace(/"[^"]*"/g, ' ');

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTHS =
	'january|february|march|april|may|june|july|august|september|october|november|december';

const RELATIVE = new RegExp(
	`\\b(today|yesterday|tomorrow|(?:this|next|last)\\s+(?:week|month|year)|(?:${WEEKDAYS})|currently|now|recently|(?:in\\s+)?(?:the\\s+)?coming\\s+(?:days|weeks|months))\\b`,
	'gi'
);

/** The relative time words in a text (quotations aside), as written. */
export function relativeTimeWords(text: string): string[] {
	return [...withoutQuotations(text).matchAll(RELATIVE)].map((m) => m[1]);
}

const ABSOLUTE = new RegExp(
	[
		`\\b\\d{1,2}\\s+(?:${MONTHS})\\b`, // 14 January
		`\\b(?:${MONTHS})\\s+\\d{1,2}\\b`, // January 14
		`\\b(?:${MONTHS}),?\\s+\\d{4}\\b`, // February 2026
		`\\b\\d{4}-\\d{2}-\\d{2}\\b` // 2026-01-13
	].join('|'),
	'i'
);

/** Whether a text names a day or a month absolutely (`14 January`, `February 2026`, `2026-01-13`). */
export const hasAbsoluteDate = (text: string): boolean => ABSOLUTE.test(text);

/** Sentence openers and common words that are capitalised without being names. */
const COMMON = new Set(
	'a an the in on at of to for and or but by as it its he she his her they their this that these those both each either neither which what who when where why how only all none some one two three four five six according under with from into after before during while if not no yes true false'.split(
		' '
	)
);

/** Lower-case, straight quotes, one kind of dash, no possessive `'s`, no thousands commas. */
export const foldWords = (text: string): string =>
	text
		.toLowerCase()
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u2010-\u2015]/g, '-')
		.replace(/'s\b/g, '')
		.replace(/(\d),(?=\d{3}\b)/g, '$1');

interface Token {
	word: string;
	/** Opens a sentence. */
	initial: boolean;
	capital: boolean;
	/** Follows the previous token with only a space or a dash between them. */
	joined: boolean;
}

function tokens(text: string): Token[] {
	const out: Token[] = [];
	const plain = withoutQuotations(text);
	let end = 0;
	for (const m of plain.matchAll(/\d+(?:[.,]\d+)*|[\p{L}\d][\p{L}\d.'’]*[\p{L}\d]|[\p{L}\d]/gu)) {
		const gap = plain.slice(end, m.index);
		const before = plain.slice(0, m.index).trimEnd();
		const word = m[0].replace(/\.$/, '');
		out.push({
			word,
			initial: before === '' || /[.!?:;(|]$/.test(before) || /\n\s*-?$/.test(before),
			capital: /^\p{Lu}/u.test(word),
			joined: out.length > 0 && /^[\s\u2010-\u2015-]+$/.test(gap)
		});
		end = (m.index ?? 0) + m[0].length;
	}
	return out;
}

/**
 * The words written capitalised inside a sentence somewhere in `texts`: the names. A word that
 * opens a sentence is a name only if it is one of these.
 */
export function namesIn(texts: readonly string[]): Set<string> {
	const names = new Set<string>();
	for (const text of texts)
		for (const t of tokens(text))
			if (t.capital && !t.initial && !COMMON.has(foldWords(t.word))) names.add(foldWords(t.word));
	return names;
}

/**
 * The distinctive words of a text, in groups: each number alone, and each run of capitalised
 * words (a name such as "Marco Rubio" or "Jaishankar–Rubio"). A group is found when any of its
 * words is.
 */
export function distinctiveGroups(text: string, names: ReadonlySet<string>): string[][] {
	const groups: string[][] = [];
	let run: string[] | null = null;
	const all = tokens(text);
	const capital = (t: Token | undefined) => !!t?.capital && !COMMON.has(foldWords(t.word));
	all.forEach((t, i) => {
		const folded = foldWords(t.word);
		if (/^\d/.test(t.word)) {
			run = null;
			groups.push([folded.replace(/,/g, '')]);
			return;
		}
		// A capitalised sentence opener is a name if written so elsewhere, or if it opens a run of
		// capitals (a title such as "Strategic Reset").
		const next = all[i + 1];
		const name =
			capital(t) && (!t.initial || names.has(folded) || (!!next?.joined && capital(next)));
		if (!name) {
			run = null;
			return;
		}
		if (run && t.joined) run.push(folded);
		else groups.push((run = [folded]));
	});
	// Short pieces ("De" of "De-risking") join a run but are not looked up on their own.
	return groups.map((g) => g.filter((w) => w.length > 2 || /^\d/.test(w))).filter((g) => g.length);
}

/**
 * Whether `word` occurs in `haystack` (folded): a number exactly, a word also as the stem of a
 * longer one or with a longer stem ("Venezuela" in "Venezuelan", "avoiding" for "avoid").
 */
export function occursIn(word: string, haystack: string): boolean {
	const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	if (/^\d/.test(word))
		return new RegExp(`(?:^|[^\\p{L}\\d.])${escaped}(?:$|[^\\p{L}\\d]|\\.(?!\\d))`, 'u').test(
			haystack
		);
	const stem = word.length > 5 ? escaped.slice(0, Math.max(5, word.length - 3)) : escaped;
	return new RegExp(`(?:^|[^\\p{L}\\d])${stem}`, 'u').test(haystack);
}

/** Every piece of text a learner reads in a question, with its path in the question. */
export function questionTexts(q: Question): Array<{ path: IssuePath; text: string }> {
	const out: Array<{ path: IssuePath; text: string }> = [
		{ path: ['prompt'], text: q.prompt },
		{ path: ['explanation'], text: q.explanation }
	];
	const add = (path: IssuePath, text: string) => out.push({ path, text });
	switch (q.type) {
		case 'flashcard':
			add(['answer'], q.answer);
			break;
		case 'true_false':
			add(['statement'], q.statement);
			break;
		case 'mcq':
		case 'multi':
			q.options.forEach((o, i) => add(['options', i], o));
			break;
		case 'match':
		case 'pairs':
			q.pairs.forEach((p, i) => {
				add(['pairs', i, 'left'], p.left);
				add(['pairs', i, 'right'], p.right);
			});
			break;
		case 'order':
			q.items.forEach((it, i) => add(['items', i, 'text'], it.text));
			break;
		case 'statements':
			q.statements.forEach((s, i) => add(['statements', i, 'text'], s.text));
			break;
		case 'assertion_reason':
			add(['assertion', 'text'], q.assertion.text);
			add(['reason', 'text'], q.reason.text);
			break;
		case 'cloze':
		case 'numeric':
			break;
	}
	return out;
}
