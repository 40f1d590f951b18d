/**
 * The question a new learner is asked first, for `/study`'s prerendered preview (see
 * preview.ts): worked out by the app's own session on empty storage, so it is the question the
 * page then asks when nothing is stored.
 */
import type { Deck } from '$lib/bank/schema';
import { memoryKv } from '$lib/storage/kv';
import { Repository } from '$lib/storage/repository';
import type { PrerenderedQuestion } from './preview';
import { ReviewSession, type StudyItem } from './review.svelte';

export async function newLearnersFirstQuestion(
	decks: Deck[]
): Promise<PrerenderedQuestion<StudyItem['question']> | null> {
	const session = new ReviewSession(new Repository(memoryKv()), decks);
	await session.start();
	const item = session.current;
	return (
		item && {
			key: item.entry.key,
			kind: item.entry.kind,
			question: item.question,
			remaining: session.remaining
		}
	);
}
