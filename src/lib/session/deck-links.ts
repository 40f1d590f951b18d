/** Where a deck's questions are listed: built-in decks are prerendered pages of their own. */
export const deckHref = (d: { id: string; own: boolean }) =>
	d.own ? `/decks/view?id=${encodeURIComponent(d.id)}` : `/deck/${d.id}`;

/**
 * Where a deck's article is read with its facts marked: built-in decks are prerendered pages of
 * their own (`/read/<id>`), the learner's own decks are read from this device (`/read?deck=`).
 */
export const readHref = (d: { id: string; own: boolean }) =>
	d.own ? `/read?deck=${encodeURIComponent(d.id)}` : `/read/${d.id}`;

/** A study session of a deck, a topic, or facts ("deck/fact" keys): see srs/scope.ts. */
export function studyHref(scope: { deck?: string; topic?: string; facts?: readonly string[] }) {
	const parts: string[] = [];
	if (scope.deck) parts.push(`deck=${encodeURIComponent(scope.deck)}`);
	if (scope.topic) parts.push(`topic=${encodeURIComponent(scope.topic)}`);
	if (scope.facts?.length) parts.push(`facts=${encodeURIComponent(scope.facts.join(','))}`);
	return parts.length ? `/study?${parts.join('&')}` : '/study';
}
