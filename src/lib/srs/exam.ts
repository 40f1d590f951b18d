/**
 * Mock tests: the paper (which questions, in which order, with which option order — all decided
 * by a seed, so a shared link gives every device the same paper), marking schemes, and scoring
 * as the exam scores: +right for a right answer, −wrong for a wrong one, 0 for a blank; more
 * than one option where one is asked is wrong; a composite question is one answer.
 */
import * as z from 'zod/mini';
import { QUESTION_TYPE_DEFS, shuffledOptions } from '../question-types';
import type { Deck, Question, QuestionType } from '../bank/schema';
import { grade, type Outcome, type Response } from './grade';
import { seededOrder } from './shuffle';
import type { ExamConfig, Marking } from './exam-config';

export {
	configProblems,
	defaultConfig,
	ExamConfigSchema,
	LIMITS,
	MARKING_SCHEMES,
	markingScheme,
	TEST_TYPES,
	UPSC_TYPES,
	type ExamConfig,
	type Marking,
	type SchemeId
} from './exam-config';
export {
	configFromJoin,
	configFromParams,
	configToParams,
	joinParams,
	readJoinLink,
	readTestLink,
	type LinkRead
} from './exam-links';

export const PaperItemSchema = z.strictObject({
	deck: z.string(),
	question: z.string(),
	/** For shuffled options: the bank index of the option shown at each position. */
	optionOrder: z.nullable(z.array(z.int().check(z.minimum(0))))
});
export type PaperItem = z.infer<typeof PaperItemSchema>;

/**
 * The paper a config gives: the same on every device for the same config. The questions are
 * taken in the seed's order, skipping any that tests a fact an earlier question already tests
 * (one would give the other away); only when the choices run out of separate facts does a
 * further round repeat facts, again at most one question per fact within the round.
 */
export function buildPaper(decks: readonly Deck[], config: ExamConfig): PaperItem[] {
	return paperRounds(decks, config)
		.flat()
		.slice(0, Math.max(0, config.n))
		.map(({ deck, q }) => {
			// Only some types' options may be shuffled (the exam's fixed lists — "1 only" — may not).
			const options = shuffledOptions(q);
			return {
				deck: deck.id,
				question: q.id,
				optionOrder: options ? seededOrder(options, `${config.seed}/${q.id}`) : null
			};
		});
}

/**
 * What the choices allow, for the setup screen: how many questions, on how many distinct
 * facts, and how many of them a paper with this seed can hold before it repeats a fact.
 */
export function paperCapacity(
	decks: readonly Deck[],
	config: ExamConfig
): { questions: number; facts: number; separate: number } {
	const rounds = paperRounds(decks, { ...config, n: Infinity });
	const all = rounds.flat();
	const facts = new Set(all.flatMap(({ deck, q }) => q.facts.map((f) => `${deck.id}/${f}`)));
	return { questions: all.length, facts: facts.size, separate: rounds[0]?.length ?? 0 };
}

/** The pool in the seed's order, dealt into rounds in which no two questions share a fact. */
function paperRounds(
	decks: readonly Deck[],
	config: ExamConfig
): Array<Array<{ deck: Deck; q: Question }>> {
	const pool: Array<{ deck: Deck; q: Question }> = [];
	for (const deck of decks) {
		if (config.decks.length && !config.decks.includes(deck.id)) continue;
		const topicsOf = new Map(deck.facts.map((f) => [f.id, f.topics]));
		for (const q of deck.questions) {
			if (!config.types.includes(q.type) || !QUESTION_TYPE_DEFS[q.type].inTests) continue;
			if (
				config.topics.length &&
				!q.facts.some((f) => topicsOf.get(f)?.some((t) => config.topics.includes(t)))
			)
				continue;
			pool.push({ deck, q });
		}
	}
	// Sort first, so the paper does not depend on the order decks were loaded in.
	pool.sort((a, b) => `${a.deck.id}/${a.q.id}`.localeCompare(`${b.deck.id}/${b.q.id}`));
	let left = seededOrder(pool.length, config.seed).map((i) => pool[i]);
	const rounds: Array<Array<{ deck: Deck; q: Question }>> = [];
	let taken = 0;
	while (left.length && taken < config.n) {
		const used = new Set<string>();
		const round: typeof left = [];
		const rest: typeof left = [];
		for (const item of left) {
			const keys = item.q.facts.map((f) => `${item.deck.id}/${f}`);
			if (taken + round.length < config.n && !keys.some((k) => used.has(k))) {
				round.push(item);
				for (const k of keys) used.add(k);
			} else rest.push(item);
		}
		rounds.push(round);
		taken += round.length;
		left = rest;
	}
	return rounds;
}

/** Map a response given on shuffled options back to the bank's option indices. */
export function toBankResponse(item: PaperItem, response: Response): Response {
	if (!item.optionOrder || response.kind !== 'choices') return response;
	return { kind: 'choices', choices: response.choices.map((i) => item.optionOrder![i]) };
}

export interface ScoredItem {
	outcome: Outcome;
	marks: number;
	/** Per-fact outcomes, for feeding the memory. */
	facts: Record<string, boolean>;
}

/** Score one answer as the exam does. `response` is in the bank's option indices. */
export function scoreAnswer(q: Question, response: Response | null, marking: Marking): ScoredItem {
	const r = grade(q, response ?? { kind: 'blank' });
	const marks =
		r.outcome === 'correct' ? marking.right : r.outcome === 'wrong' ? -marking.wrong : 0;
	return { outcome: r.outcome, marks, facts: r.facts };
}

export interface Breakdown {
	right: number;
	wrong: number;
	blank: number;
	marks: number;
}

export interface PaperScore {
	items: ScoredItem[];
	total: number;
	/** The highest score possible. */
	max: number;
	/** Marks lost to wrong answers (a positive number). */
	negative: number;
	right: number;
	wrong: number;
	blank: number;
	attempted: number;
	/** Right answers over attempted ones (null when nothing was attempted). */
	accuracy: number | null;
	byTopic: Record<string, Breakdown>;
	byType: Partial<Record<QuestionType, Breakdown>>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Score a whole paper. `responses[i]` answers `questions[i]`, in bank option indices. */
export function scorePaper(
	questions: ReadonlyArray<{ q: Question; topics: readonly string[] }>,
	responses: ReadonlyArray<Response | null>,
	marking: Marking
): PaperScore {
	// Topic ids come from decks, which may be anyone's: no prototype, so that a topic named
	// `constructor` or `__proto__` is a key like any other.
	const byTopic: Record<string, Breakdown> = Object.create(null);
	const byType: Partial<Record<QuestionType, Breakdown>> = Object.create(null);
	const add = (b: Breakdown | undefined, s: ScoredItem): Breakdown => {
		const out = b ?? { right: 0, wrong: 0, blank: 0, marks: 0 };
		if (s.outcome === 'correct') out.right++;
		else if (s.outcome === 'wrong') out.wrong++;
		else out.blank++;
		out.marks = round2(out.marks + s.marks);
		return out;
	};
	const items = questions.map(({ q, topics }, i) => {
		const s = scoreAnswer(q, responses[i] ?? null, marking);
		for (const t of new Set(topics)) byTopic[t] = add(byTopic[t], s);
		byType[q.type] = add(byType[q.type], s);
		return s;
	});
	const right = items.filter((s) => s.outcome === 'correct').length;
	const wrong = items.filter((s) => s.outcome === 'wrong').length;
	const attempted = right + wrong;
	return {
		items,
		total: round2(items.reduce((sum, s) => sum + s.marks, 0)),
		max: round2(items.length * marking.right),
		negative: round2(wrong * marking.wrong),
		right,
		wrong,
		blank: items.length - attempted,
		attempted,
		accuracy: attempted ? right / attempted : null,
		byTopic,
		byType
	};
}
