import { describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { makeSettings } from '../srs/test-helpers';
import { BackupError } from './errors';
import { exportBackup, importBackup, parseBackup, type Backup } from './backup';
import { answer, freshRepo, study } from './test-helpers';
import type { Repository } from './repository';
import type { AttemptRecord } from './records';
import { defaultConfig } from '../srs/exam';

async function snapshot(repo: Repository) {
	const b = await exportBackup(repo, new Date('2026-02-01T00:00:00Z'));
	return { settings: b.settings, states: b.states, log: b.log, attempts: b.attempts };
}

/** A minimal valid mock-test attempt record. */
function attempt(id: string): AttemptRecord {
	return {
		schemaVersion: 2,
		id,
		config: { ...defaultConfig('s'), n: 1 },
		paper: [{ deck: 'd', question: 'q', optionOrder: null }],
		startedAt: '2026-01-20T06:00:00.000Z',
		deadline: null,
		answers: [{ kind: 'choices', choices: [1] }],
		marked: [false],
		visited: [true],
		timeMs: [1200],
		current: 0,
		submittedAt: '2026-01-20T06:01:00.000Z',
		checked: [false]
	};
}

async function studiedRepo() {
	const repo = await freshRepo();
	await repo.saveSettings(makeSettings({ desiredRetention: 0.85 }));
	await study(repo, 6, 4);
	await repo.saveAttempt(attempt('t1'));
	return repo;
}

describe('export and import', () => {
	test('export → import into an empty store gives identical data', async () => {
		const source = await studiedRepo();
		const file = JSON.stringify(await exportBackup(source));
		const target = await freshRepo();
		await importBackup(target, parseBackup(file), 'replace');
		expect(await snapshot(target)).toEqual(await snapshot(source));
		expect(await target.loadStates()).toEqual(await source.loadStates());
	});

	test('replace swaps the progress; merge keeps both logs and replays their union', async () => {
		const a = await freshRepo();
		await answer(a, 'f0', Rating.Good, new Date('2026-01-13T10:00:00Z'));
		const b = await freshRepo();
		await answer(b, 'f0', Rating.Again, new Date('2026-01-13T11:00:00Z'));
		await answer(b, 'f1', Rating.Good, new Date('2026-01-13T11:05:00Z'));
		const fileB = parseBackup(JSON.stringify(await exportBackup(b)));

		const merged = await freshRepo();
		await importBackup(merged, parseBackup(JSON.stringify(await exportBackup(a))), 'replace');
		await importBackup(merged, fileB, 'merge');
		const { events } = await merged.readLog();
		expect(events).toHaveLength(3);
		expect(await merged.loadStates()).toEqual(await merged.rebuildFromLog());
		expect((await merged.loadState('d/f0'))?.events).toBe(2);
		expect((await merged.attempts()).map((x) => x.id)).toEqual([]);
		// Merging the same file again changes nothing: the union is by entry id.
		await importBackup(merged, fileB, 'merge');
		expect((await merged.readLog()).events).toHaveLength(3);

		await importBackup(merged, fileB, 'replace');
		expect((await merged.readLog()).events).toHaveLength(2);
	});

	test('test attempts travel in the backup and merge by id', async () => {
		const source = await studiedRepo();
		const target = await freshRepo();
		await target.saveAttempt({ ...(await source.attempts())[0], id: 't2' });
		await importBackup(target, parseBackup(JSON.stringify(await exportBackup(source))), 'merge');
		expect((await target.attempts()).map((a) => a.id).sort()).toEqual(['t1', 't2']);
	});

	test('a backup of an older schema version is migrated on import', async () => {
		const source = await studiedRepo();
		const backup = await exportBackup(source);
		const old = {
			...backup,
			schemaVersion: 1,
			log: backup.log.map((e) => ({ ...e, schemaVersion: 1, at: new Date(e.at).getTime() }))
		};
		const target = await freshRepo();
		await importBackup(target, parseBackup(JSON.stringify(old)), 'replace');
		expect((await target.readLog()).events).toEqual((await source.readLog()).events);
	});
});

describe('malformed backups are rejected whole, with where, and change nothing', () => {
	type Case = [name: string, mutate: (b: Backup) => unknown, message: RegExp];
	const cases: Case[] = [
		['not JSON at all', () => '{"format": ', /^The file is not valid JSON: /],
		[
			"another app's file",
			(b) => ({ ...b, format: 'anki' }),
			/^format: .*not a Current Affairs Recall backup/
		],
		[
			'a file from a newer app',
			(b) => ({ ...b, schemaVersion: 99 }),
			/^schemaVersion: .*newer version of the app \(99/
		],
		['log not a list', (b) => ({ ...b, log: {} }), /^log: /],
		[
			'a review with rating 7',
			(b) => ({ ...b, log: b.log.map((e, i) => (i === 3 ? { ...e, rating: 7 } : e)) }),
			/^log\[3\]\.rating: must be one of 1, 2, 3, 4 \(got 7\)$/
		],
		[
			'a log entry of an unknown kind',
			(b) => ({ ...b, log: b.log.map((e, i) => (i === 1 ? { ...e, kind: 'undo' } : e)) }),
			/^log\[1\]\.kind: must be one of "review", "reset", "suspend", "unsuspend", "bury" \(got "undo"\)$/
		],
		[
			'a log entry without a date',
			(b) => ({ ...b, log: b.log.map((e, i) => (i === 0 ? { ...e, at: 'yesterday' } : e)) }),
			/^log\[0\]\.at: /
		],
		[
			'a log entry repeated',
			(b) => ({ ...b, log: [...b.log, b.log[1]] }),
			/^log\[\d+\]\.id: ".*" repeats log\[1\]/
		],
		[
			'an entry naming parameters the file lacks',
			(b) => ({ ...b, params: {} }),
			/^log\[0\]\.paramsId: ".*" is not in the file's params/
		],
		...['constructor', '__proto__', 'toString'].map((id): Case => [
			`an entry naming parameters "${id}", a name every plain object answers to`,
			(b) => ({ ...b, log: b.log.map((e, i) => (i === 0 ? { ...e, paramsId: id } : e)) }),
			new RegExp(`^log\\[0\\]\\.paramsId: "${id}" is not in the file's params`)
		]),
		[
			'a test attempt with answers not a list',
			(b) => ({ ...b, attempts: [{ ...b.attempts[0], answers: 'b' }] }),
			/^attempts\[0\]\.answers: /
		],
		[
			'a state with a negative lapse count',
			(b) => ({
				...b,
				states: b.states.map((s, i) => (i === 2 ? { ...s, card: { ...s.card, lapses: -1 } } : s))
			}),
			/^states\[2\]\.card\.lapses: /
		],
		[
			'settings out of range',
			(b) => ({
				...b,
				settings: { schemaVersion: 2, settings: { ...b.settings!.settings, desiredRetention: 0.5 } }
			}),
			/^settings\.settings\.desiredRetention: /
		]
	];

	test.each(cases)('%s', async (_name, mutate, message) => {
		const repo = await studiedRepo();
		const before = await snapshot(repo);
		const changed = mutate(await exportBackup(repo));
		const text = typeof changed === 'string' ? changed : JSON.stringify(changed);
		let error: unknown;
		try {
			await importBackup(repo, parseBackup(text), 'replace');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(BackupError);
		expect((error as BackupError).problems[0]).toMatch(message);
		expect(await snapshot(repo)).toEqual(before);
	});
});
