/**
 * A live class session's results, from the documents students wrote to the class database
 * (`answer:<session>:<question>` with `{name, option}`; scripts/sync-class-rules.ts holds the
 * server's rules): counts per option, the top five, results per student and per question, CSV.
 * Pure: the documents are untrusted (they come from the server) and are checked here; a
 * document that does not fit is skipped, never thrown on.
 */
import Papa from 'papaparse';
import * as z from 'zod/mini';
import type { Marking } from './exam-config';

/** One student's answer to one question. */
export interface LiveAnswer {
	session: string;
	question: string;
	name: string;
	option: number;
}

/** A question of the session, in the order shown; `correct` is null until it is revealed. */
export interface LiveQuestion {
	id: string;
	options: number;
	correct: number | null;
}

const ANSWER_ID = /^answer:([A-Za-z0-9_-]{16,64}):([A-Za-z0-9_.-]{1,80})$/;
const AnswerDoc = z.object({
	_id: z.string(),
	name: z.string().check(z.minLength(1), z.maxLength(40)),
	option: z.number().check(z.int(), z.gte(0), z.lte(25))
});

/** The answer a document holds, or undefined when it is not a well-formed answer. */
export function answerOf(doc: unknown): LiveAnswer | undefined {
	const parsed = AnswerDoc.safeParse(doc);
	if (!parsed.success) return undefined;
	const id = ANSWER_ID.exec(parsed.data._id);
	if (!id) return undefined;
	return {
		session: id[1],
		question: id[2],
		name: parsed.data.name.trim(),
		option: parsed.data.option
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

/** How many chose each option of `question` (options beyond its count are ignored). */
export function countOptions(answers: Iterable<LiveAnswer>, question: LiveQuestion): number[] {
	const counts = new Array<number>(question.options).fill(0);
	for (const a of answers)
		if (a.question === question.id && a.option < question.options) counts[a.option]++;
	return counts;
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
	const revealed = new Map(
		questions.filter((q) => q.correct !== null).map((q) => [q.id, q.correct])
	);
	const students = new Map<string, StudentResult>();
	for (const a of answers) {
		let s = students.get(a.session);
		if (!s) {
			s = { session: a.session, name: a.name, right: 0, wrong: 0, unanswered: 0, score: 0 };
			students.set(a.session, s);
		}
		if (!revealed.has(a.question)) continue;
		if (revealed.get(a.question) === a.option) s.right++;
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
			const counts = countOptions(all, q);
			const answered = counts.reduce((a, b) => a + b, 0);
			const right = counts[q.correct!] ?? 0;
			return {
				index,
				id: q.id,
				answered,
				right,
				shareRight: answered ? right / answered : null,
				counts
			};
		})
		.sort((a, b) => (a.shareRight ?? 2) - (b.shareRight ?? 2) || a.index - b.index);
}

const letter = (option: number) => String.fromCharCode(65 + option);

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
			const right = q.correct === null ? '' : q.correct === a.option ? 'yes' : 'no';
			const marks = right === 'yes' ? marking.right : right === 'no' ? -marking.wrong : '';
			return [a.name, order.get(a.question)! + 1, letter(a.option), right, marks];
		});
	return Papa.unparse(
		{ fields: ['Student', 'Question', 'Answer', 'Right', 'Marks'], data: rows },
		{ escapeFormulae: true, newline: '\n' }
	);
}
