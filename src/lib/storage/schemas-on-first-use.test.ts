/**
 * The modules a page evaluates at start (storage, the settings, exam dates, the question types)
 * build no zod schema until one is used (question-types/shared/lazy-schema.ts): every zod/mini
 * function that builds a schema or a check is counted here.
 */
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

test('importing storage, the settings and the question types builds no zod schema', async () => {
	await Promise.all([
		import('./repository'),
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
