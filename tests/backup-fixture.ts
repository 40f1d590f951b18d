/** Valid backup files built with the app's own scheduler and record code. */
import { Rating } from 'ts-fsrs';
import { paramsId, replay, type MemoryEvent } from '../src/lib/srs/memory';
import { makeReview } from '../src/lib/srs/test-helpers';
import { eventToRecord, stateToRecord } from '../src/lib/storage/convert';
import { SCHEMA_VERSION } from '../src/lib/storage/records';
import { BACKUP_FORMAT } from '../src/lib/storage/backup';

/** `n` facts, one answer each. */
export function backupWith(n: number) {
	return backupOfLog(
		Array.from({ length: n }, (_, i) =>
			makeReview(new Date(Date.UTC(2026, 0, 13, 10, i)), Rating.Good, {
				deck: 'india-us-2026-01',
				fact: `fact-${i}`,
				id: `fixture-${i}`
			})
		)
	);
}

/** A valid backup file holding a whole review log (and its replay as the states). */
export function backupOfLog(events: readonly MemoryEvent[]) {
	const params: Record<string, unknown> = {};
	for (const e of events) if (e.kind === 'review') params[paramsId(e.params)] = e.params;
	return {
		format: BACKUP_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		exportedAt: new Date().toISOString(),
		settings: null,
		params,
		states: [...replay(events).values()].map(stateToRecord),
		log: events.map(eventToRecord)
	};
}
