/**
 * What a study link (`/study?deck=…&topic=…&facts=…`) names that the learner's decks do not
 * have: a deck deleted since, a topic mistyped, facts of a deck never imported. Without this
 * check such a link opens an empty session, which reads as "nothing due".
 */
import { memoryKey } from './keys';

export interface StudyScope {
	deck?: string;
	topic?: string;
	/** "deck/fact" keys. */
	facts?: readonly string[];
}

export interface ScopeNotFound {
	/** One sentence saying what was not found. */
	message: string;
	/** True when nothing the link names is here, so that there is nothing to study. */
	nothing: boolean;
}

/** The scope a study link names: `deck=`, `topic=`, `facts=` (comma-separated keys). */
export function scopeOfLink(p: URLSearchParams): StudyScope {
	return {
		deck: p.get('deck') || undefined,
		topic: p.get('topic') || undefined,
		facts: p.get('facts')?.split(',').filter(Boolean)
	};
}

/** A value from a link as a message quotes it: short, so a hostile link cannot flood the page. */
const quote = (v: string) => `“${v.length > 60 ? `${v.slice(0, 60)}…` : v}”`;

/** What in `scope` is not in `decks`, or null when everything it names is there. */
/** What scopeNotFound needs of a deck: a whole deck, or its listing. */
export interface ScopeDeck {
	id: string;
	title: string;
	facts: ReadonlyArray<{ topics: readonly string[] } & ({ id: string } | { fact: string })>;
}

const factId = (f: ScopeDeck['facts'][number]) => ('id' in f ? f.id : f.fact);

export function scopeNotFound(
	decks: readonly ScopeDeck[],
	scope: StudyScope
): ScopeNotFound | null {
	let within = decks;
	if (scope.deck) {
		const deck = decks.find((d) => d.id === scope.deck);
		if (!deck) return { message: `No deck here has the id ${quote(scope.deck)}.`, nothing: true };
		within = [deck];
	}
	if (scope.topic) {
		const topic = scope.topic;
		if (!within.some((d) => d.facts.some((f) => f.topics.includes(topic))))
			return {
				message: scope.deck
					? `The deck “${within[0].title}” has no facts on the topic ${quote(topic)}.`
					: `No deck here has facts on the topic ${quote(topic)}.`,
				nothing: true
			};
	}
	if (scope.facts?.length) {
		const keys = new Set(within.flatMap((d) => d.facts.map((f) => memoryKey(d.id, factId(f)))));
		const named = [...new Set(scope.facts)];
		const missing = named.filter((k) => !keys.has(k)).length;
		if (missing === named.length)
			return {
				message:
					named.length === 1
						? `The fact ${quote(named[0])} is not in any deck here.`
						: `None of the ${named.length} facts this link names is in a deck here.`,
				nothing: true
			};
		if (missing)
			return {
				message: `${missing} of the ${named.length} facts this link names ${missing === 1 ? 'is' : 'are'} not in any deck here; studying the others.`,
				nothing: false
			};
	}
	return null;
}
