/**
 * A live class session's results, from the documents students wrote to the class database
 * (`answer:<session>:<question>` with `{name, option}` for one option, or `{name, response}` for
 * any other answer; scripts/sync-class-rules.ts holds the server's rules): counts per option,
 * the top five, results per student and per question, CSV.
 * Pure: the documents are untrusted (they come from the server) and are checked here; a
 * document that does not fit is skipped, never thrown on.
 */
import Papa from 'papaparse';
import * as z from 'zod/mini';
import type { Marking } from './exam-config';

const Places = z.array(z.int().check(z.gte(-1), z.lte(25))).check(z.maxLength(26));

/**
 * What a student sent, in the places the paper shows: options chosen (one or several), a typed
 * answer, a match (for each left item, the right item's index) or an order. The same bounds as
 * the server's rules.
 */
/** A week: the server lets a teacher delete a class database only once it is this old (the
 * guard's rule, scripts/sync-class-rules.ts; the classes list says when). */
export const KEEP_FOR_MS = 7 * 24 * 3600 * 1000;

export const LiveResponseSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('choices'), choices: Places }),
	z.strictObject({
		kind: z.literal('text'),
		text: z.string().check(z.minLength(1), z.maxLength(200))
	}),
	z.strictObject({ kind: z.literal('pairing'), pairing: Places }),
	z.strictObject({ kind: z.literal('sequence'), sequence: Places })
]);
export type LiveResponse = z.infer<typeof LiveResponseSchema>;

/** One student's answer to one question. */
export interface LiveAnswer {
	session: string;
	question: string;
	name: string;
	response: LiveResponse;
}

/** A question of the session, in the order shown. */
export interface LiveQuestion {
	id: string;
	/** How many options it shows (a bar each), or 0 when it is not answered by options. */
	options: number;
	/** Null until it is revealed; then the places of its right options ([] without options). */
	correct: readonly number[] | null;
	/** Whether a response is right; without it, right means exactly the `correct` options. */
	grade?: (response: LiveResponse) => boolean;
}

const ANSWER_ID = /^answer:([A-Za-z0-9_-]{16,64}):([A-Za-z0-9_.-]{1,80})$/;
const Name = z.string().check(z.minLength(1), z.maxLength(40));
const AnswerDoc = z.union([
	z.object({
		_id: z.string(),
		name: Name,
		option: z.number().check(z.int(), z.gte(0), z.lte(25))
	}),
	z.object({ _id: z.string(), name: Name, response: LiveResponseSchema })
]);

/** The answer a document holds, or undefined when it is not a well-formed answer. */
export function answerOf(doc: unknown): LiveAnswer | undefined {
	const parsed = AnswerDoc.safeParse(doc);
	// One answer has one form: a document with both is not one the server lets through.
	if (!parsed.success || ('option' in parsed.data && 'response' in (doc as object))) return;
	const id = ANSWER_ID.exec(parsed.data._id);
	if (!id) return undefined;
	const d = parsed.data;
	return {
		session: id[1],
		question: id[2],
		name: d.name.trim(),
		response: 'option' in d ? { kind: 'choices', choices: [d.option] } : d.response
	};
}

/**
 * The answers among `docs` (a `_changes` feed's, in any order, repeats included): each student
 * once per question, the first document seen for it kept (the server never changes one).
 */
export function collectAnswers(docs: Iterable<unknown>, into = new Map<string, LiveAnswer>()) {
	for (const doc of docs) {
		const answer = answerOf(doc);
		const key = answer && `${answer.session}:${answer.question}`;
		if (answer && key && !into.has(key)) into.set(key, answer);
	}
	return into;
}

/**
 * How many chose each option of `question` (a student who chose several counts in each; options
 * beyond its count are ignored).
 */
export function countOptions(answers: Iterable<LiveAnswer>, question: LiveQuestion): number[] {
	const counts = new Array<number>(question.options).fill(0);
	for (const a of answers) {
		if (a.question !== question.id || a.response.kind !== 'choices') continue;
		for (const o of new Set(a.response.choices)) if (o >= 0 && o < question.options) counts[o]++;
	}
	return counts;
}

/** Whether `answer` is right, once `question` is revealed (null before). */
export function isRight(question: LiveQuestion, response: LiveResponse): boolean | null {
	if (question.correct === null) return null;
	if (question.grade) return question.grade(response);
	const chosen = response.kind === 'choices' ? [...new Set(response.choices)].sort() : [];
	const right = [...question.correct].sort();
	return chosen.length === right.length && chosen.every((c, i) => c === right[i]);
}

export interface StudentResult {
	session: string;
	name: string;
	right: number;
	wrong: number;
	/** Revealed questions this student did not answer. */
	unanswered: number;
	score: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Each student's score over the revealed questions (`marking`: UPSC's or plain +1 / 0), best
 * first; ties by name, then session.
 */
export function studentResults(
	answers: Iterable<LiveAnswer>,
	questions: readonly LiveQuestion[],
	marking: Marking
): StudentResult[] {
	const revealed = new Map(questions.filter((q) => q.correct !== null).map((q) => [q.id, q]));
	const students = new Map<string, StudentResult>();
	for (const a of answers) {
		let s = students.get(a.session);
		if (!s) {
			s = { session: a.session, name: a.name, right: 0, wrong: 0, unanswered: 0, score: 0 };
			students.set(a.session, s);
		}
		const q = revealed.get(a.question);
		if (!q) continue;
		if (isRight(q, a.response)) s.right++;
		else s.wrong++;
	}
	for (const s of students.values()) {
		s.unanswered = revealed.size - s.right - s.wrong;
		s.score = round2(s.right * marking.right - s.wrong * marking.wrong);
	}
	return [...students.values()].sort(
		(a, b) =>
			b.score - a.score || a.name.localeCompare(b.name) || a.session.localeCompare(b.session)
	);
}

/** The five best scores so far (after each reveal). */
export const topFive = (...args: Parameters<typeof studentResults>) =>
	studentResults(...args).slice(0, 5);

export interface QuestionResult {
	/** Its place in the session, from 0. */
	index: number;
	id: string;
	answered: number;
	right: number;
	/** right / answered, or null when nobody answered. */
	shareRight: number | null;
	/** Per option ([] for a question without options). */
	counts: number[];
}

/**
 * The revealed questions, hardest first: the smallest share right (unanswered ones last), ties in
 * the session's order.
 */
export function questionResults(
	answers: Iterable<LiveAnswer>,
	questions: readonly LiveQuestion[]
): QuestionResult[] {
	const all = [...answers];
	return questions
		.map((q, index) => ({ q, index }))
		.filter(({ q }) => q.correct !== null)
		.map(({ q, index }) => {
			const mine = all.filter((a) => a.question === q.id);
			const answered = mine.length;
			const right = mine.filter((a) => isRight(q, a.response)).length;
			return {
				index,
				id: q.id,
				answered,
				right,
				shareRight: answered ? right / answered : null,
				counts: countOptions(mine, q)
			};
		})
		.sort((a, b) => (a.shareRight ?? 2) - (b.shareRight ?? 2) || a.index - b.index);
}

const letter = (option: number) => (option < 0 ? '-' : String.fromCharCode(65 + option));

/** A response in a CSV cell: option letters, the text typed, a match or an order. */
export function responseText(r: LiveResponse): string {
	if (r.kind === 'choices') return r.choices.map(letter).join(' ');
	if (r.kind === 'text') return r.text;
	if (r.kind === 'pairing') return r.pairing.map((p, i) => `${i + 1}${letter(p)}`).join(' ');
	return r.sequence.map((p) => p + 1).join(' ');
}

/**
 * The CSV a teacher downloads: one row per answer given (students by name, questions in the
 * session's order), whether it was right and its marks. Formula-like names are escaped.
 */
export function resultsCsv(
	answers: Iterable<LiveAnswer>,
	questions: readonly LiveQuestion[],
	marking: Marking
): string {
	const order = new Map(questions.map((q, i) => [q.id, i]));
	const rows = [...answers]
		.filter((a) => order.has(a.question))
		.sort(
			(a, b) =>
				a.name.localeCompare(b.name) ||
				a.session.localeCompare(b.session) ||
				order.get(a.question)! - order.get(b.question)!
		)
		.map((a) => {
			const q = questions[order.get(a.question)!];
			const verdict = isRight(q, a.response);
			const right = verdict === null ? '' : verdict ? 'yes' : 'no';
			const marks = right === 'yes' ? marking.right : right === 'no' ? -marking.wrong : '';
			return [a.name, order.get(a.question)! + 1, responseText(a.response), right, marks];
		});
	return Papa.unparse(
		{ fields: ['Student', 'Question', 'Answer', 'Right', 'Marks'], data: rows },
		{ escapeFormulae: true, newline: '\n' }
	);
}
