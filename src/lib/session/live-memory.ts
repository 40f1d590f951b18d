/**
 * A live class's answers reach the student's own memory as the offline classroom's do
 * (exam.svelte.ts, `submit(…, 'classroom')`): once a question is revealed, the answer the server
 * took is graded here and credited through `testCredit` (wrong: the facts go to (re)learning;
 * right: a review only of facts that were due). Each fact's event id is the class session's and
 * the fact's, at the time of the answer, so a resend, a reload or a second reveal finds it
 * logged and writes nothing.
 */
import { creditEventId, paperRatings, testCredit } from '$lib/srs/answer';
import { grade } from '$lib/srs/grade';
import type { PaperItem } from '$lib/srs/exam';
import type { Repository } from '$lib/storage/repository';
import { commitAnswer } from './answering';
import type { PaperQuestion } from './exam.svelte';
import { bankResponse, liveId, type FeedMemory } from './live.svelte';

/** The attempt id of one phone's part in a live class: its memory events carry it. */
export const liveAttemptId = (code: string, session: string) => `live-${code}-${session}`;

/** The feed for a phone in class `code` answering `questions` (the paper's `items`). */
export function liveMemory(
	repo: () => Promise<Repository>,
	code: string,
	session: string,
	questions: readonly PaperQuestion[],
	items: readonly PaperItem[]
): FeedMemory {
	const attemptId = liveAttemptId(code, session);
	return async (question, sent) => {
		const index = questions.findIndex((_, i) => liveId(i) === question);
		if (index < 0) return;
		const p = questions[index];
		const known = grade(p.question, bankResponse(p.question, items[index], sent.response)).facts;
		const ratings = paperRatings([{ deck: p.deck, question: p.question, known }]);
		const keys = [...ratings.keys()];
		const at = new Date(sent.at);
		const store = await repo();
		const settings = await store.loadSettings();
		await commitAnswer(
			store,
			keys,
			(states) => testCredit({ attemptId, ratings, states, at, settings, source: 'classroom' }),
			{ once: keys.map((key) => ({ at, id: creditEventId(attemptId, key) })) }
		);
	};
}
