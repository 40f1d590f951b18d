/**
 * A deck written in the app (`/write`): the draft's model, pure. See docs/ARCHITECTURE.md, "The
 * editor's model". The session's editor (session/write.svelte.ts) applies these edits as
 * commands, stores the draft (storage/drafts.ts) and publishes it.
 */
export * from './model';
export * from './article';
export { htmlToText, type HtmlNode } from './html';
export * from './ids';
export {
	factsAt,
	quoteFromSelection,
	reanchor,
	locateQuote,
	type Selection,
	type SelectionCheck
} from './quotes';
export * from './edit';
export * from './to-deck';
export * from './from-deck';
