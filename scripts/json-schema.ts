/**
 * `npm run schema`: write questions/deck.schema.json from the zod schema, so that editors
 * validate and complete deck files (deck.json names it in "$schema"). A unit test fails when
 * the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { deckJsonSchema } from '../src/lib/bank/json-schema';

const out = join(dirname(new URL(import.meta.url).pathname), '..', 'questions', 'deck.schema.json');
writeFileSync(out, deckJsonSchema());
console.log(`wrote ${out}`);
