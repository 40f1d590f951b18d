import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { deckJsonSchema } from './json-schema';

test('the committed deck.schema.json is the one generated from the zod schema (run npm run schema)', () => {
	const committed = readFileSync('questions/deck.schema.json', 'utf8');
	expect(committed).toBe(deckJsonSchema());
});
