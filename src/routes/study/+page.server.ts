/** The question a new learner is asked first, prerendered into `/study` (see $lib/session/preview). */
import { builtinDecks } from '$lib/bank/builtin.server';
import { newLearnersFirstQuestion } from '$lib/session/first-question.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	preview: await newLearnersFirstQuestion(builtinDecks.map(({ deck }) => deck))
});
