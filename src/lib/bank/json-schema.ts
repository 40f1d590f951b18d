import * as z from 'zod/mini';
import { DeckSchema } from './schema';

/** The JSON Schema of a deck file, generated from the zod schema (the source of truth). */
export function deckJsonSchema(): string {
	const schema = z.toJSONSchema(DeckSchema(), { target: 'draft-2020-12', io: 'input' });
	return (
		JSON.stringify(
			{ ...schema, title: 'Current Affairs Recall deck', $id: 'deck.schema.json' },
			null,
			'\t'
		) + '\n'
	);
}
