/**
 * The modules a page evaluates at start (storage, its decks, the settings, exam dates, the
 * question types, the bank's deck schema and validator) build no zod schema until one is used
 * (question-types/shared/lazy-schema.ts): every zod/mini function that builds a schema or a
 * check is counted here.
 */
import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';

let built = 0;

/** zod/mini's functions that build nothing: configuring, parsing, errors, JSON Schema. */
const BUILDS_NOTHING =
	/^(config|parse|safeParse|parseAsync|safeParseAsync|encode|decode|safeEncode|safeDecode|encodeAsync|decodeAsync|safeEncodeAsync|safeDecodeAsync|toJSONSchema|prettifyError|treeifyError|flattenError|formatError|registry|clone|locales)$/;

vi.mock('zod/mini', async (importOriginal) => {
	const z = await importOriginal<Record<string, unknown> & { iso: Record<string, unknown> }>();
	const counted = (ns: Record<string, unknown>) =>
		Object.fromEntries(
			Object.entries(ns).map(([name, f]) => [
				name,
				typeof f === 'function' && /^[a-z]/.test(name) && !BUILDS_NOTHING.test(name)
					? (...args: unknown[]) => {
							built++;
							return (f as (...a: unknown[]) => unknown)(...args);
						}
					: f
			])
		);
	return { ...counted(z), iso: counted(z.iso) };
});

test('importing storage, the settings, the question types and the bank builds no zod schema', async () => {
	await Promise.all([
		import('./repository'),
		import('./decks'),
		import('./records'),
		import('./migrate'),
		import('./deck-summaries'),
		import('./log-days'),
		import('./snapshot'),
		import('./sync-state'),
		import('./builtin-copy'),
		import('../srs/settings'),
		import('../srs/exam-dates'),
		import('../srs/grade'),
		import('../bank/summary'),
		import('../bank/format'),
		import('../bank/schema'),
		import('../bank/validate'),
		import('../bank/json-schema'),
		import('../bank/draft/to-deck'),
		import('../question-types')
	]);
	expect(built).toBe(0);
});

test('a schema is built on first use, once, with its parts, and validates as before', async () => {
	const { readRecord, LogRecordSchema, StateRecordSchema } = await import('./records');
	const { Iso } = await import('./migrate');
	const { QUESTION_TYPE_DEFS } = await import('../question-types');
	expect(built).toBe(0);

	const read = readRecord('log', {
		schemaVersion: 2,
		kind: 'bury',
		id: 'e1',
		deck: 'd',
		fact: 'f',
		at: '2026-02-01T10:00:00.000Z',
		until: 'tomorrow'
	});
	expect(read).toEqual({ ok: false, error: expect.stringMatching(/^until: /) });
	const afterLog = built;
	expect(afterLog).toBeGreaterThan(0);
	// The union's parts were built with it; asking again builds nothing.
	expect(LogRecordSchema()).toBe(LogRecordSchema());
	expect(Iso()).toBe(Iso());
	expect(built).toBe(afterLog);
	// Another record kind builds its own schema, reusing the shared parts.
	StateRecordSchema();
	expect(built).toBeGreaterThan(afterLog);
	expect(QUESTION_TYPE_DEFS.mcq.schema()).toBe(QUESTION_TYPE_DEFS.mcq.schema());
});

test('the deck schema is built on first use, once, and validates a deck as before', async () => {
	const { DeckSchema, QuestionSchema, FactSchema } = await import('../bank/schema');
	const { validateDeck, validateIssues } = await import('../bank/validate');
	const root = new URL('../../../', import.meta.url);
	const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
	const deck = JSON.parse(read('questions/india-us-2026-01/deck.json'));
	const source = read('questions/india-us-2026-01/source.txt');
	const before = built;

	expect(validateIssues(deck, source)).toEqual({ ok: true, deck });
	const afterDeck = built;
	expect(afterDeck).toBeGreaterThan(before);
	// The deck's parts were built with it; asking again builds nothing.
	expect(DeckSchema()).toBe(DeckSchema());
	expect(QuestionSchema()).toBe(QuestionSchema());
	expect(FactSchema()).toBe(FactSchema());
	expect(built).toBe(afterDeck);

	// A bad field is still named, by its path and in the printed line.
	const bad = structuredClone(deck);
	bad.facts[1].asOf = 'soon';
	bad.questions[0].type = 'essay';
	const issues = validateIssues(bad, source);
	expect(issues.ok).toBe(false);
	if (issues.ok) return;
	expect(issues.issues.map((i) => i.path)).toEqual([
		['facts', 1, 'asOf'],
		['questions', 0, 'type']
	]);
	const lines = validateDeck(bad, source, 'deck.json');
	expect(lines.problems).toEqual([
		`deck.json: fact "${deck.facts[1].id}": asOf: Invalid ISO date`,
		`deck.json: question "${deck.questions[0].id}": type: must be one of "flashcard", "mcq", "multi", "true_false", "cloze", "numeric", "match", "order", "statements", "pairs", "assertion_reason" (got "essay")`
	]);
	expect(built).toBe(afterDeck);
});
