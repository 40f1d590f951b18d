/**
 * A backup's scheduling parameters as an import stores them (backup.ts): under their content's
 * id, never overwriting a stored set, with the file's log entries renamed to match.
 */
import { paramsId } from '../srs/memory';
import type { ScheduleParams } from '../srs/settings';
import type { KvTx } from './kv';
import { canonical } from './rebuild';
import { paramsKey, paramsToRecord, readRecord, type LogRecord } from './records';

/**
 * Where an import puts the file's parameter sets: under their content's id (paramsId), which
 * is what the app's own answers use, so that a later answer with the same parameters finds
 * them. A stored record is never overwritten: equal content is shared; a file whose id does not
 * match its content is renamed to the content's id, and its log entries with it. Should that id
 * hold other content (damaged data), the set is kept under a new id (the content's with a
 * suffix). This is what Anki does when an imported note type's id exists with another schema
 * (it is added as a new note type): each log keeps the parameters it was scheduled with.
 * Overwriting would change the replay of the learner's own log (an impossible time zone once
 * made it unreplayable); refusing would make a file that merely disagrees impossible to merge.
 */
export function placeParams(
	stored: ReadonlyArray<readonly [string, unknown]>,
	incoming: ReadonlyMap<string, ScheduleParams>
): { put: Array<[string, ScheduleParams]>; rename: Map<string, string> } {
	// Each id taken, with its parameters (null: a stored record that cannot be read).
	const taken = new Map<string, string | null>();
	for (const [key, raw] of stored) {
		const read = readRecord('params', raw);
		taken.set(key.slice(paramsKey('').length), read.ok ? canonical(read.value.params) : null);
	}
	const put: Array<[string, ScheduleParams]> = [];
	const rename = new Map<string, string>();
	for (const [id, p] of incoming) {
		const content = canonical(p);
		for (let n = 0; ; n++) {
			const at = n === 0 ? paramsId(p) : `${paramsId(p)}-${n}`;
			const there = taken.get(at);
			if (there === undefined) {
				taken.set(at, content);
				put.push([at, p]);
			} else if (there !== content) continue;
			rename.set(id, at);
			break;
		}
	}
	return { put, rename };
}

/** In an import's transaction: store the file's parameter sets (placeParams); their new ids. */
export async function putParams(
	tx: KvTx,
	params: ReadonlyMap<string, ScheduleParams>
): Promise<Map<string, string>> {
	const stored = (await tx.entries('settings', 'params:')).filter(([k]) => k.startsWith('params:'));
	const { put, rename } = placeParams(stored, params);
	for (const [id, p] of put) tx.put('settings', paramsKey(id), paramsToRecord(p));
	return rename;
}

/** A log record naming its parameters by their stored id. */
export const renamed = (e: LogRecord, rename: ReadonlyMap<string, string>): LogRecord =>
	e.kind === 'review' ? { ...e, paramsId: rename.get(e.paramsId) ?? e.paramsId } : e;
