/**
 * The question a new learner is asked first, prerendered into `/study` (see $lib/session/preview),
 * and the version of the built-in decks' file (see $lib/session/builtin-copy).
 */
import { builtinDecks } from '$lib/bank/builtin.server';
import { BUILTIN_VERSION } from '$lib/session/builtin-version.server';
import { newLearnersFirstQuestion } from '$lib/session/first-question.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	preview: await newLearnersFirstQuestion(builtinDecks.map(({ deck }) => deck)),
	builtinVersion: BUILTIN_VERSION
});
