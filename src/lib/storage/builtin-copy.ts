/**
 * This build's copy of the built-in decks, as `/decks.json` holds them (without explanations),
 * in the `builtin` store: `/study` reads it with a returning learner's first reads (app.html's
 * script reads the store, early-open.ts) instead of fetching the file on every visit
 * (docs/ARCHITECTURE.md, Storage). One record: the version of the file it copies (a hash made
 * at build time, given to the page in its data) and the file's text: a string is read from
 * IndexedDB in one copy and parsed as JSON, several times faster than the same decks cloned
 * as objects.
 *
 * A copy of another version (the app was updated since) or of another shape is not used: the
 * page fetches the file and keeps it again. The decks were checked at build time, so a read
 * checks the record's shape and each deck's outline (an id, facts and questions), not every
 * field. It is the same for every learner: never in a backup, never synced, and a write to it
 * does not change the first question (session/preview.ts).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../question-types/shared/lazy-schema';
import type { Repository } from './repository';

const KEY = 'decks';

const CopySchema = lazySchema(() =>
	z.object({ version: z.string().check(z.minLength(1)), text: z.string() })
);

const DecksSchema = lazySchema(() =>
	z.array(
		z.looseObject({
			id: z.string(),
			facts: z.array(z.unknown()),
			questions: z.array(z.looseObject({ id: z.string(), type: z.string() }))
		})
	)
);

/** The stored copy's decks if it is of `version` and whole; null otherwise (or unreadable). */
export async function readBuiltinCopy(
	repo: Repository,
	version: string
): Promise<unknown[] | null> {
	let raw: unknown;
	try {
		raw = await repo.kv.run(['builtin'], 'readonly', (tx) => tx.get('builtin', KEY));
	} catch {
		return null;
	}
	const copy = CopySchema().safeParse(raw);
	if (!copy.success || copy.data.version !== version) return null;
	try {
		const decks = DecksSchema().safeParse(JSON.parse(copy.data.text));
		return decks.success ? decks.data : null;
	} catch {
		return null;
	}
}

/** Keep `text` (`/decks.json` of `version`, as fetched) as the copy, replacing any other. */
export async function writeBuiltinCopy(
	repo: Repository,
	version: string,
	text: string
): Promise<void> {
	await repo.kv.run(['builtin'], 'readwrite', async (tx) =>
		tx.put('builtin', KEY, { version, text })
	);
}
