/**
 * The live classroom (issue 19), both ends: the teacher's projector (`LiveTeacher`: opens and
 * reveals questions on the server, follows the answers) and a student's phone (`LiveStudent`:
 * follows the `state` document, sends answers once, learns "too late"). Results are counted by
 * srs/live-class.ts; the server's rules are in docs/sync-server.md.
 */
import * as z from 'zod/mini';
import type { Question } from '$lib/bank/schema';
import { choiceOptions, isChoice, rightOptions } from '$lib/question-types';
import { collectAnswers, type LiveAnswer, type LiveQuestion } from '$lib/srs/live-class';
import type { PaperItem } from '$lib/srs/exam';
import { createClass, follow, putOver, sendOnce, setLive, type SendResult } from './live-server';

/** The id a paper's question has in the class database: its place, from 1. */
export const liveId = (index: number) => `q${index + 1}`;

/** The options as the class sees them (the paper's order), or [] when it is not a one-answer choice. */
export function liveOptions(q: Question, item: Pick<PaperItem, 'optionOrder'>): string[] {
	if (!isChoice(q) || rightOptions(q).length !== 1) return [];
	const options = choiceOptions(q);
	return item.optionOrder ? item.optionOrder.map((i) => options[i]) : options;
}

/** The question for counting: its options and (once revealed) the right one's place. */
export function liveQuestion(
	q: Question,
	item: Pick<PaperItem, 'optionOrder'>,
	index: number,
	revealed: boolean
): LiveQuestion {
	const options = liveOptions(q, item).length;
	const right = options && isChoice(q) ? rightOptions(q)[0] : -1;
	const correct = item.optionOrder ? item.optionOrder.indexOf(right) : right;
	return { id: liveId(index), options, correct: revealed && options ? correct : null };
}

const StateSchema = z.object({
	position: z.number(),
	open: z.nullable(z.string()),
	revealed: z.array(z.string()),
	ended: z.boolean()
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

	static async start(): Promise<LiveTeacher> {
		return new LiveTeacher(await createClass());
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

export interface Sent {
	option: number;
	result: SendResult | 'sending';
}

export class LiveStudent {
	readonly code: string;
	readonly session: string;
	readonly name: string;
	state = $state.raw<LiveState | null>(null);
	online = $state(true);
	/** This phone's answers, by question id. */
	sent = $state<Record<string, Sent>>({});
	#abort = new AbortController();

	constructor(code: string, session: string, name: string) {
		this.code = code;
		this.session = session;
		this.name = name;
	}

	async join() {
		globalThis.addEventListener?.('online', this.#onOnline);
		await sendOnce(this.code, `student:${this.session}`, { name: this.name });
		void follow(
			this.code,
			(docs) => {
				for (const doc of docs) this.state = stateOf(doc) ?? this.state;
				void this.#retry();
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

	/** Sends an answer; offline, it is kept and sent when the connection returns. */
	async answer(question: string, option: number) {
		const before = this.sent[question];
		if (before && before.result !== 'offline') return;
		this.sent[question] = { option, result: 'sending' };
		const result = await sendOnce(this.code, `answer:${this.session}:${question}`, {
			name: this.name,
			option
		});
		this.sent[question] = { option, result };
	}

	#onOnline = () => void this.#retry();

	async #retry() {
		for (const [question, s] of Object.entries(this.sent))
			if (s.result === 'offline') await this.answer(question, s.option);
	}

	stop() {
		this.#abort.abort();
		globalThis.removeEventListener?.('online', this.#onOnline);
	}
}
