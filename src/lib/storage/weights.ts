/**
 * Personal FSRS weights put in force (srs/fit.ts, docs/fitting.md): the settings take the new
 * weights and keep the ones they replace (for "Restore previous parameters"), and every fact's
 * state becomes the replay of the log under the new weights, in one transaction. Answers given
 * from then on name the new set in their parameters (srs/settings.ts `scheduleParams`).
 */
import { StaleRecordError } from './errors';
import { countEntries } from './log-days';
import { writeReplay, type Repairs } from './rebuild';
import type { Repository } from './repository';
import { loadSettings, putSettings } from './settings';

/**
 * Put `weights` (null: ts-fsrs's defaults) in force: settings and fact states together. Retried
 * if another tab writes the log meanwhile. Returns the facts whose state changed.
 */
export async function applyWeights(
	repo: Repository,
	weights: readonly number[] | null,
	now: Date
): Promise<Repairs> {
	const { replay } = await import('../srs/memory');
	for (let attempt = 0; attempt < 3; attempt++) {
		const settings = await loadSettings(repo.kv);
		const { weights: current, ...rest } = settings;
		const next = {
			...rest,
			...(weights ? { weights: [...weights] } : {}),
			previousWeights: current ?? null
		};
		const { events } = await repo.readLog();
		const replayed = replay(events, weights);
		try {
			const repairs = await repo.kv.run(
				['states', 'log', 'settings', 'meta'],
				'readwrite',
				async (tx) => {
					if ((await countEntries(tx)) !== events.length) throw new StaleRecordError('log');
					putSettings(tx, next, now);
					return writeReplay(tx, replayed);
				}
			);
			repo.snapshot.forget();
			return repairs;
		} catch (e) {
			if (!(e instanceof StaleRecordError)) throw e;
		}
	}
	throw new StaleRecordError('log');
}
