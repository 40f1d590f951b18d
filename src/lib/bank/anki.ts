/**
 * Export a deck as an Anki text file (File › Import in Anki): one Basic note per question, the
 * question with its options on the front, the answer, the explanation and the quotes of the
 * tested facts on the back, and the question's topics and type as tags.
 */
import {
	answerText,
	arLabels,
	choiceOptions,
	closingQuestion,
	optionLetter,
	type ChoiceQuestion
} from './format';
import type { Deck, Question } from './schema';

/** The header lines Anki reads before the notes; `#deck:` is added per deck. */
const HEADER = ['#separator:tab', '#html:false', '#notetype:Basic'];

/** One line of text for the header: Anki ends a header line at the first line break. */
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * An Anki field: tabs become spaces (a tab separates fields); a field with a line break or a
 * double quote is wrapped in double quotes with the inner quotes doubled, as Anki's CSV reader
 * expects, and then shows its line breaks even with html:false.
 */
export function ankiField(text: string): string {
	const plain = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
	return /["\n]/.test(plain) ? `"${plain.replace(/"/g, '""')}"` : plain;
}

const lettered = (texts: readonly string[]) =>
	texts.map((t, i) => `(${optionLetter(i)}) ${t}`).join('\n');
const numbered = (texts: readonly string[]) => texts.map((t, i) => `${i + 1}. ${t}`).join('\n');

/** A 32-bit hash of a string (FNV-1a), to seed the shuffle from the question id. */
function hash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/**
 * The items in an order that depends only on `seed` and is never the given one (for two or more
 * items), so that the front of an order or match question does not give the answer away.
 */
export function scramble<T>(items: readonly T[], seed: string): T[] {
	let state = hash(seed);
	const random = () => {
		// mulberry32: small, fast and good enough to deal cards.
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
	const order = items.map((_, i) => i);
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	if (order.every((x, i) => x === i)) order.push(order.shift() as number);
	return order.map((i) => items[i]);
}

/** The front of the card: the prompt and what the learner needs to answer it. */
function front(q: Question): string {
	const choices = (question: ChoiceQuestion) => lettered(choiceOptions(question));
	const blocks: (string | undefined)[] = [q.prompt];
	switch (q.type) {
		case 'flashcard':
		case 'cloze':
			break;
		case 'numeric':
			blocks.push(q.unit && `Unit: ${q.unit}`);
			break;
		case 'mcq':
		case 'multi':
			blocks.push(choices(q));
			break;
		case 'true_false':
			blocks.push(q.statement);
			break;
		case 'match':
			blocks.push(
				`${q.columns[0]}:\n${numbered(q.pairs.map((p) => p.left))}`,
				`${q.columns[1]}:\n${lettered(
					scramble(
						q.pairs.map((p) => p.right),
						q.id
					)
				)}`
			);
			break;
		case 'order':
			blocks.push(
				lettered(
					scramble(
						q.items.map((it) => it.text),
						q.id
					)
				)
			);
			break;
		case 'statements':
			blocks.push(numbered(q.statements.map((s) => s.text)), closingQuestion(q), choices(q));
			break;
		case 'pairs':
			blocks.push(
				`${q.columns[0]} — ${q.columns[1]}\n${numbered(q.pairs.map((p) => `${p.left} — ${p.right}`))}`,
				closingQuestion(q),
				choices(q)
			);
			break;
		case 'assertion_reason': {
			const [a, r] = arLabels(q.style);
			blocks.push(`${a}: ${q.assertion.text}\n${r}: ${q.reason.text}`, choices(q));
			break;
		}
	}
	return blocks.filter(Boolean).join('\n\n');
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
