/**
 * The question a new learner is asked first, prerendered into `/study` so that it is on screen
 * before any script runs (see $lib/session/preview). It is worked out by the app's own session,
 * on empty storage, so it is the question the page then asks when nothing is stored.
 */
import { builtinDecks } from '$lib/bank/builtin.server';
import { ReviewSession } from '$lib/session/review.svelte';
import { memoryKv } from '$lib/storage/kv';
import { Repository } from '$lib/storage/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const repo = new Repository(memoryKv());
	const session = new ReviewSession(
		repo,
		builtinDecks.map(({ deck }) => deck)
	);
	await session.start();
	const item = session.current;
	return {
		preview: item && {
			key: item.entry.key,
			kind: item.entry.kind,
			question: item.question,
			remaining: session.remaining
		}
	};
};
