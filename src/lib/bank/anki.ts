/**
 * Export a deck as an Anki text file (File › Import in Anki): one Basic note per question, the
 * question with its options on the front, the answer, the explanation and the quotes of the
 * tested facts on the back, and the question's topics and type as tags.
 */
import { answerText, defOf } from '../question-types';
import type { Deck, Question } from './schema';

export { scramble } from '../question-types/shared/text';

/** The header lines Anki reads before the notes; `#deck:` is added per deck. */
const HEADER = ['#separator:tab', '#html:false', '#notetype:Basic'];

/** One line of text for the header: Anki ends a header line at the first line break. */
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * An Anki field. Anki reads the notes as CSV with `#` as its comment character: a line that
 * starts with `#` is dropped, and the rest of a note broken that way turns into junk notes. So a
 * field that starts with `#`, or holds a tab (the separator), a double quote or a line break, is
 * wrapped in double quotes with the inner quotes doubled; inside quotes all of these are text,
 * and line breaks show even with html:false. Windows line ends become plain ones.
 */
export function ankiField(text: string): string {
	const plain = text.replace(/\r\n?/g, '\n');
	return /^#|["\t\n]/.test(plain) ? `"${plain.replace(/"/g, '""')}"` : plain;
}

/** The front of the card: the prompt and what the learner needs to answer it. */
function front(q: Question): string {
	return [q.prompt, ...defOf(q).ankiFront(q)].filter(Boolean).join('\n\n');
}

/** The back of the card: the answer, the explanation and the quote of each tested fact. */
function back(q: Question, quotes: Map<string, string>): string {
	const sources = q.facts.flatMap((id) => {
		const quote = quotes.get(id);
		return quote ? [`Source: “${quote}”`] : [];
	});
	return [answerText(q), q.explanation, sources.join('\n')].filter(Boolean).join('\n\n');
}

/** The question's topics (from its facts, in the deck's topic order) and its type. */
function tags(q: Question, deck: Deck): string {
	const topics = new Set(deck.facts.filter((f) => q.facts.includes(f.id)).flatMap((f) => f.topics));
	return [...deck.topics.map((t) => t.id).filter((id) => topics.has(id)), q.type].join(' ');
}

/**
 * The deck as an Anki plain-text import file: header lines, then one tab-separated note per
 * question (Front, Back, Tags), text only.
 */
export function deckToAnki(deck: Deck): string {
	const quotes = new Map(deck.facts.map((f) => [f.id, f.quote]));
	const header = [
		...HEADER,
		`#deck:${oneLine(deck.title)}`,
		'#columns:Front\tBack\tTags',
		'#tags column:3'
	];
	const notes = deck.questions.map((q) =>
		[front(q), back(q, quotes), tags(q, deck)].map(ankiField).join('\t')
	);
	return [...header, ...notes].join('\n') + '\n';
}
