/**
 * Runs in a Chromium page (bundled by measure-log.ts): the storage steps of restoring a year's
 * backup, each timed on its own, with the log stored one record per entry (the layout before
 * database version 5) and one record per day.
 */
import { history } from './measure/history';
import { eventToRecord, stateToRecord } from '../src/lib/storage/convert';
import { replay } from '../src/lib/srs/memory';
import { importBackup, parseBackup, exportBackup } from '../src/lib/storage/backup';
import { putAllEntries } from '../src/lib/storage/log-days';
import { logKey, paramsKey, paramsToRecord } from '../src/lib/storage/records';
import { paramsId } from '../src/lib/srs/memory';
import { Repository } from '../src/lib/storage/repository';

async function time<T>(label: string, out: Record<string, number>, f: () => Promise<T> | T) {
	const t = performance.now();
	const r = await f();
	out[label] = Math.round(performance.now() - t);
	return r;
}

export async function measure(): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	const { states, events } = history(10_000, 10, new Date('2026-01-19T18:00:00Z'));
	const records = events.map(eventToRecord);
	const stateRecords = [...states].map(([k, s]) => [k, stateToRecord(s)] as const);
	await time('replay of 100 000 entries', out, () => replay(events));

	const old = await Repository.open(`measure-old-${Math.random()}`);
	await time('log as 100 000 records (one per entry)', out, () =>
		old.kv.run(['log'], 'readwrite', async (tx) => {
			for (const r of records) tx.put('log', logKey(r), r);
		})
	);
	old.kv.close();
	const repo = await Repository.open(`measure-new-${Math.random()}`);
	await repo.kv.run(['settings'], 'readwrite', async (tx) => {
		for (const e of events.slice(0, 1))
			if (e.kind === 'review')
				tx.put('settings', paramsKey(paramsId(e.params)), paramsToRecord(e.params));
	});
	await time('log as day records', out, () =>
		repo.kv.run(['log'], 'readwrite', async (tx) => putAllEntries(tx, records))
	);
	await time('day records read back (objects)', out, () =>
		repo.kv.run(['log'], 'readonly', (tx) => tx.values('log'))
	);
	await time('10 000 fact states (one record each)', out, () =>
		repo.kv.run(['states'], 'readwrite', async (tx) => {
			for (const [k, r] of stateRecords) tx.put('states', k, r);
		})
	);
	await time('readLog (every entry checked)', out, () => repo.readLog());
	await time('logTimes (all)', out, () => repo.logTimes());
	await time('logTimes (last 32 days)', out, () =>
		repo.logTimes(new Date(new Date('2026-01-19T18:00:00Z').getTime() - 32 * 86_400_000))
	);
	await time('todayCounts', out, () => repo.todayCounts(new Date('2026-01-19T04:00:00Z')));
	await time('counts (entries counted)', out, () => repo.counts());
	const file = await time('exportBackup', out, () => exportBackup(repo));
	const text = JSON.stringify(file);
	const parsed = await time('parseBackup', out, () => parseBackup(text));
	const target = await Repository.open(`measure-import-${Math.random()}`);
	await time('importBackup replace (empty database)', out, () =>
		importBackup(target, parsed, 'replace')
	);
	if ((await target.counts()).log !== events.length) throw new Error('the import lost entries');
	return out;
}
