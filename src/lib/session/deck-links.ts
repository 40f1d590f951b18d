/** Where a deck's questions are listed: built-in decks are prerendered pages of their own. */
export const deckHref = (d: { id: string; own: boolean }) =>
	d.own ? `/decks/view?id=${encodeURIComponent(d.id)}` : `/deck/${d.id}`;
