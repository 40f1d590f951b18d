/**
 * The live classroom (issue 19), both ends: the teacher's projector (`LiveTeacher`: opens and
 * reveals questions on the server, follows the answers) and a student's phone (`LiveStudent`:
 * follows the `state` document, sends answers once, learns "too late"). Results are counted by
 * srs/live-class.ts; the server's rules are in docs/sync-server.md.
 */
import * as z from 'zod/mini';
import type { Question } from '$lib/bank/schema';
import { choiceOptions, defOf, isChoice, rightOptions } from '$lib/question-types';
import { blankDraft } from '$lib/question-types/shared';
import { grade, type Response } from '$lib/srs/grade';
import {
	collectAnswers,
	LiveResponseSchema,
	type LiveAnswer,
	type LiveQuestion,
	type LiveResponse
} from '$lib/srs/live-class';
import { toBankResponse, type PaperItem } from '$lib/srs/exam';
import { createClass, follow, getDoc, putOver, sendOnce, setLive } from './live-server';
import type { Presenter } from './presenter.svelte';
import { liveAnswersKey, readWebKey, writeWebKey } from './web-keys';

/** The id a paper's question has in the class database: its place, from 1. */
export const liveId = (index: number) => `q${index + 1}`;

/** The options as the class sees them (the paper's order), or [] when it is not a choice. */
export function liveOptions(q: Question, item: Pick<PaperItem, 'optionOrder'>): string[] {
	if (!isChoice(q)) return [];
	const options = choiceOptions(q);
	return item.optionOrder ? item.optionOrder.map((i) => options[i]) : options;
}

/** Whether one tap answers it: a choice with one right option (select-all is sent by a button). */
export const oneTap = (q: Question) => isChoice(q) && rightOptions(q).length === 1;

/** What a live response means in the bank's terms, for grading (true/false: a boolean). */
export function bankResponse(
	q: Question,
	item: Pick<PaperItem, 'optionOrder'>,
	r: LiveResponse
): Response {
	if (r.kind !== 'choices') return r;
	const shown = defOf(q).answer.toResponse(q as never, { ...blankDraft(), choices: r.choices });
	return toBankResponse({ deck: '', question: '', optionOrder: item.optionOrder }, shown);
}

/** The question for counting: its options, (once revealed) the right ones' places, its grading. */
export function liveQuestion(
	q: Question,
	item: Pick<PaperItem, 'optionOrder'>,
	index: number,
	revealed: boolean
): LiveQuestion {
	const options = liveOptions(q, item).length;
	const order = item.optionOrder;
	const right = isChoice(q) ? rightOptions(q).map((r) => (order ? order.indexOf(r) : r)) : [];
	return {
		id: liveId(index),
		options,
		correct: revealed ? right : null,
		grade: (r) => grade(q, bankResponse(q, item, r)).correct
	};
}

const StateSchema = z.object({
	position: z.number(),
	open: z.nullable(z.string()),
	revealed: z.array(z.string()),
	ended: z.boolean(),
	/** When the open question's countdown ends (the projector's clock, ms), if it has one. */
	closesAt: z.optional(z.nullable(z.number()))
});
export type LiveState = z.infer<typeof StateSchema>;

export const stateOf = (doc: unknown): LiveState | undefined => {
	const parsed = StateSchema.safeParse(doc);
	return parsed.success && (doc as { _id?: unknown })._id === 'state' ? parsed.data : undefined;
};

export class LiveTeacher {
	readonly code: string;
	answers = $state.raw(new Map<string, LiveAnswer>());
	/** Names of the students who joined, by session. */
	students = $state.raw(new Map<string, string>());
	/** The state as the server last had it (a reloaded projector resumes from it). */
	saved = $state.raw<LiveState | null>(null);
	online = $state(true);
	problem = $state('');
	#open: string | null = null;
	#abort = new AbortController();
	/** Writes one after another, in order. */
	#queue = Promise.resolve();

	constructor(code: string) {
		this.code = code;
		void follow(
			code,
			(docs) => this.#take(docs),
			this.#abort.signal,
			undefined,
			(online) => {
				this.online = online;
			}
		);
	}

	/**
	 * Makes a class for the paper of `query` (the /present link's), which is kept on the server
	 * as the `paper` document: the teacher's list of classes reads it (session/live-classes.ts).
	 */
	static async start(query: string): Promise<LiveTeacher> {
		const code = await createClass();
		await putOver(code, 'paper', { query });
		return new LiveTeacher(code);
	}

	/**
	 * Takes a class up where the server has it (a reloaded projector, another laptop): the
	 * slide, the reveals and the countdown go back into `show`.
	 */
	static async resume(code: string, show: Presenter): Promise<LiveTeacher> {
		const saved = stateOf(await getDoc(code, 'state').catch(() => null));
		const teacher = new LiveTeacher(code);
		if (saved)
			show.restore(
				saved.position,
				show.questions.map((_, i) => saved.revealed.includes(liveId(i))),
				saved.closesAt
			);
		return teacher;
	}

	/** Puts what `show` has on screen on the server: the open question, the reveals, the end. */
	present(show: Presenter, end = false): Promise<void> {
		if (this.saved?.ended) return Promise.resolve();
		const s = show.slide;
		const open = s.kind === 'question' && !show.revealed && !end;
		return this.show({
			position: show.position,
			open: open ? liveId(s.index) : null,
			revealed: show.revealedAll.flatMap((r, i) => (r ? [liveId(i)] : [])),
			ended: end,
			closesAt: open ? show.deadline : null
		});
	}

	#take(docs: unknown[]) {
		this.answers = collectAnswers(docs, new Map(this.answers));
		const students = new Map(this.students);
		for (const doc of docs) {
			const d = doc as { _id?: unknown; name?: unknown };
			const sid = typeof d._id === 'string' && /^student:(.+)$/.exec(d._id)?.[1];
			if (sid && typeof d.name === 'string') students.set(sid, d.name.slice(0, 40));
			const state = stateOf(doc);
			if (state) {
				this.saved = state;
				this.#open = state.open;
			}
		}
		this.students = students;
	}

	/** Puts the projector's state on the server: the open question first (the gate), then `state`. */
	show(state: LiveState): Promise<void> {
		const step = async () => {
			if (state.ended) {
				await putOver(this.code, 'state', state);
				await setLive(this.code, { open: null, ended: true });
			} else {
				if (state.open !== this.#open) await setLive(this.code, { open: state.open });
				await putOver(this.code, 'state', state);
			}
			this.#open = state.open;
			this.problem = '';
		};
		this.#queue = this.#queue.then(step).catch((e: unknown) => {
			this.problem = `The class could not be updated: ${e instanceof Error ? e.message : e}`;
		});
		return this.#queue;
	}

	stop() {
		this.#abort.abort();
	}
}

const SentSchema = z.object({
	response: LiveResponseSchema,
	/** When it was answered (ms): the time of its review in the student's own log. */
	at: z.number(),
	result: z.enum(['sent', 'too-late', 'offline', 'sending'])
});
export type Sent = z.infer<typeof SentSchema>;

/** What a phone does with an answer the class has seen revealed: a review of its facts. */
export type FeedMemory = (question: string, sent: Sent) => Promise<void>;

/** This phone's answers in class `code`, as sessionStorage keeps them (a reload finds them). */
function savedAnswers(code: string): Record<string, Sent> {
	try {
		const raw: unknown = JSON.parse(readWebKey('session', liveAnswersKey(code)) ?? '{}');
		const parsed = z.record(z.string(), SentSchema).safeParse(raw);
		if (!parsed.success) return {};
		// A send the reload cut short is sent again, as one made offline.
		for (const s of Object.values(parsed.data)) if (s.result === 'sending') s.result = 'offline';
		return parsed.data;
	} catch {
		return {};
	}
}

export class LiveStudent {
	readonly code: string;
	readonly session: string;
	readonly name: string;
	state = $state.raw<LiveState | null>(null);
	online = $state(true);
	/** This phone's answers, by question id. */
	sent = $state<Record<string, Sent>>({});
	/** Why an answer could not be added to this phone's study schedule, if it could not. */
	problem = $state('');
	/** How many answers are in this phone's memory (fed now, or found fed before). */
	fedCount = $state(0);
	#abort = new AbortController();
	#feed: FeedMemory | undefined;
	#fed = new Set<string>();

	constructor(code: string, session: string, name: string, feed?: FeedMemory) {
		this.code = code;
		this.session = session;
		this.name = name;
		this.#feed = feed;
		this.sent = savedAnswers(code);
	}

	async join() {
		globalThis.addEventListener?.('online', this.#onOnline);
		await sendOnce(this.code, `student:${this.session}`, { name: this.name });
		void follow(
			this.code,
			(docs) => {
				for (const doc of docs) this.state = stateOf(doc) ?? this.state;
				void this.#retry();
				void this.#feedRevealed();
			},
			this.#abort.signal,
			['state'],
			(online) => {
				const back = online && !this.online;
				this.online = online;
				if (back) void this.#retry();
			}
		);
	}

	/**
	 * Sends an answer (one option's place as a number; anything else as a response); offline, it
	 * is kept and sent when the connection returns.
	 */
	async answer(question: string, answer: number | LiveResponse, at = Date.now()) {
		const response: LiveResponse =
			typeof answer === 'number' ? { kind: 'choices', choices: [answer] } : answer;
		const before = this.sent[question];
		if (before && before.result !== 'offline') return;
		this.#keep(question, { response, at: before?.at ?? at, result: 'sending' });
		const one = response.kind === 'choices' && response.choices.length === 1;
		const body = one ? { option: response.choices[0] } : { response };
		const result = await sendOnce(this.code, `answer:${this.session}:${question}`, {
			name: this.name,
			...body
		});
		this.#keep(question, { ...this.sent[question], result });
		void this.#feedRevealed();
	}

	#keep(question: string, sent: Sent) {
		this.sent[question] = sent;
		writeWebKey('session', liveAnswersKey(this.code), JSON.stringify($state.snapshot(this.sent)));
	}

	/** Each answer the server took, once its question is revealed, reaches this phone's memory. */
	async #feedRevealed() {
		const revealed = this.state?.revealed ?? [];
		for (const question of revealed) {
			const sent = this.sent[question];
			if (!this.#feed || sent?.result !== 'sent' || this.#fed.has(question)) continue;
			this.#fed.add(question);
			try {
				await this.#feed(question, $state.snapshot(sent));
				this.fedCount++;
			} catch (e) {
				this.#fed.delete(question);
				this.problem = `Your answer was not added to your study schedule: ${e instanceof Error ? e.message : e}`;
			}
		}
	}

	#onOnline = () => void this.#retry();

	async #retry() {
		for (const [question, s] of Object.entries(this.sent))
			if (s.result === 'offline') await this.answer(question, s.response);
	}

	stop() {
		this.#abort.abort();
		globalThis.removeEventListener?.('online', this.#onOnline);
	}
}
